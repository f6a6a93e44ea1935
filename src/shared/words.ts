/**
 * A sentence made outside the renderer, as a code and its parameters (issue 15, item 4): the key
 * names a text of the `errors` catalogue area, so each window words it in its own language (a
 * Spanish seat of an English hub reads Spanish). Keys are typed from the English catalogue: a
 * wrong key fails the compiler. A parameter may itself be words, for a sentence built around
 * another one ("Saved here, not on the Page. {reason}").
 *
 * Types and a shape check only: the English text is made in ./words-english.ts, so the preload,
 * which only carries words across, does not bundle the catalogue.
 */
import type errors from './i18n/en/errors'

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`
}[keyof T & string]

/** A path in the `errors` area, e.g. "graph.tokenExpired". */
export type WordsKey = Leaves<typeof errors>

export type WordParam = string | number | Words

export interface Words {
  key: WordsKey
  params?: Record<string, WordParam>
}

export function words(key: WordsKey, params?: Record<string, WordParam>): Words {
  return params ? { key, params } : { key }
}

/** Deep enough for any sentence the app builds; deeper is hostile. */
const MAX_DEPTH = 4

/**
 * Whether a value that crossed a transport has the shape of words; whether its key exists is the
 * reader's question (an older or newer peer may name one this build does not know).
 */
export function isWords(value: unknown, depth = 0): value is Words {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false
  const { key, params } = value as { key?: unknown; params?: unknown }
  if (typeof key !== 'string') return false
  if (params === undefined) return true
  if (typeof params !== 'object' || params === null) return false
  return Object.values(params).every(
    (param) => typeof param === 'string' || typeof param === 'number' || isWords(param, depth + 1)
  )
}
