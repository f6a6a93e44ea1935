/**
 * Sentences made outside the renderer (service errors, setup checks, Graph errors, states) in the
 * desk's language (issue 15, item 4): main sends each as words (shared/words.ts) beside its English
 * `message`; this words them from the `errors` catalogue area, and falls back to the message for
 * a sentence without words, or with a key this build does not know (an older or newer hub).
 */
import { useI18n } from 'vue-i18n'
import { isWords, type WordParam, type Words } from '../../../shared/words'
import { loadLateErrorWords } from '../i18n/late-error-words'

/** A sentence as a store keeps it: plain text, or main's English with its words. */
export type Said = string | { message: string; words?: Words | undefined }

/** What a store keeps of a failure: its sentence and, when main gave them, its words. */
export function saidOf(failure: unknown): Said {
  if (failure instanceof Error) {
    const words = (failure as { words?: unknown }).words
    return isWords(words) ? { message: failure.message, words } : failure.message
  }
  if (typeof failure === 'object' && failure !== null) {
    const { message, words } = failure as { message?: unknown; words?: unknown }
    if (typeof message === 'string') return isWords(words) ? { message, words } : message
  }
  return String(failure)
}

export function useWords() {
  const { t, te } = useI18n()

  function worded(said: Words): string | undefined {
    const key = `errors.${said.key}`
    if (!te(key)) {
      loadLateErrorWords(said.key)
      return undefined
    }
    const named: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(said.params ?? {})) {
      const param: WordParam = value
      if (typeof param !== 'object') named[name] = param
      else {
        const inner = worded(param)
        if (inner === undefined) return undefined
        named[name] = inner
      }
    }
    return t(key, named)
  }

  /** The sentence in the desk's language; '' for nothing. */
  function describe(what: Said | Words | null | undefined): string {
    if (what === null || what === undefined) return ''
    if (typeof what === 'string') return what
    if ('key' in what) return worded(what) ?? ''
    return (what.words && worded(what.words)) ?? what.message
  }

  return { describe }
}
