/**
 * Words in English, from the one catalogue: the `message` that travels beside them, for the log,
 * the command line and clients that do not read words yet. No second English copy of any sentence.
 */
import errors from './i18n/en/errors'
import { fillParts, messageParts } from './i18n/format-message'
import { ServiceError, type ServiceErrorCode, type ServiceErrorShape } from './service-error'
import { words, type WordParam, type Words, type WordsKey } from './words'

type Tree = { readonly [key: string]: string | Tree }

function textOf(key: string): string | undefined {
  let node: string | Tree | undefined = errors as Tree
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined
  }
  return typeof node === 'string' ? node : undefined
}

export function englishWords(said: Words): string {
  const text = textOf(said.key) ?? said.key
  return fillParts(messageParts(text), (name) => englishParam(said.params?.[name]))
}

/** A line that is words, or a sentence made elsewhere without words (said as it was made). */
export function englishLine(line: Words | string): string {
  return typeof line === 'string' ? line : englishWords(line)
}

function englishParam(param: WordParam | undefined): string {
  if (param === undefined) return ''
  return typeof param === 'object' ? englishWords(param) : String(param)
}

/** A failure as plain data (a reply frame's error), its words with their English. */
export function failureShape(code: ServiceErrorCode, said: Words): ServiceErrorShape {
  return { code, message: englishWords(said), words: said }
}

/** A ServiceError whose sentence travels as words, with its English message beside them. */
export function worded(code: ServiceErrorCode, said: Words): ServiceError {
  return new ServiceError(code, englishWords(said), said)
}

export function wordedError(
  code: ServiceErrorCode,
  key: WordsKey,
  params?: Record<string, WordParam>
): ServiceError {
  return worded(code, words(key, params))
}
