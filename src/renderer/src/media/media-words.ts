/**
 * The call's audio and microphone failures as words (a key of `calls.media` and its values), worded
 * where they are shown, so a change of the desk's language rewords what is on screen. The English
 * stays beside them as the error's message: logs, and the reason the core records for the call.
 */
import englishCalls from '../../../shared/i18n/en/calls'
import { formatMessage } from '../../../shared/i18n/format-message'
import type { MessageKey } from '../../../shared/i18n/translate'

type After<Key, Prefix extends string> = Key extends `${Prefix}${infer Rest}` ? Rest : never

/** A text of `calls.media`, e.g. "lost" or "microphone.missing". */
export type MediaKey = After<MessageKey, 'calls.media.'>

export interface MediaWords {
  media: MediaKey
  values?: Record<string, string>
}

/** What a view shows: its own words, or a sentence that came worded (a device's own name). */
export type MediaText = string | MediaWords

export const mediaWords = (media: MediaKey, values?: Record<string, string>): MediaWords =>
  values ? { media, values } : { media }

type Words = (key: string, values: Record<string, string>) => string

export function wordMedia(text: MediaText, t: Words): string {
  return typeof text === 'string' ? text : t(`calls.media.${text.media}`, text.values ?? {})
}

type Texts = { readonly [key: string]: string | Texts }

/** A `calls.media` text in English: only the calls area, so a window bundles no other English. */
function englishText(key: string): string {
  let node: string | Texts | undefined = englishCalls.media
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : key
}

/** The English, for what is not shown: a log line, the reason the core keeps. */
export const englishMedia = (text: MediaText): string =>
  typeof text === 'string' ? text : formatMessage(englishText(text.media), text.values)

/** A failure whose sentence is ours: shown from its words, its message the English. */
export class WordedError extends Error {
  constructor(
    readonly wording: MediaWords,
    options?: ErrorOptions
  ) {
    super(englishMedia(wording), options)
  }
}

/** What to show for something thrown: our words, else its message as it came. */
export function thrownText(error: unknown): MediaText {
  if (error instanceof WordedError) return error.wording
  return error instanceof Error ? error.message : String(error)
}
