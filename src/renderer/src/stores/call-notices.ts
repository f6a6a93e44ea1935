import { assertNever, talkSeconds, type Call, type EndedCall } from '../../../shared/calls'
import type appWords from '../../../shared/i18n/en/app'
import { formatDuration } from '../composables/format'
import { saidOf, type Said } from '../composables/useWords'
import { englishMedia, WordedError, wordMedia, type MediaWords } from '../media/media-words'

/** The app's own words for a notice: a key of `app.notices` and its values. */
export interface NoticeWords {
  key: keyof (typeof appWords)['notices']
  values?: Record<string, string>
}

/**
 * What a notice says: the app's own words, the call's media words (calls.media), or a service's
 * sentence with its words (Said), all worded where shown, so in the desk's language of the moment.
 */
export type NoticeText = Said | NoticeWords | MediaWords

const isNoticeWords = (text: NoticeText): text is NoticeWords =>
  typeof text === 'object' && 'key' in text
const isMediaWords = (text: NoticeText): text is MediaWords =>
  typeof text === 'object' && 'media' in text

export interface Notice {
  id: number
  callId: string
  text: NoticeText
  kind: 'info' | 'error'
  /**
   * Who took a call this desk also rang for: people here may have looked away, so it stays until
   * they dismiss it or the next call rings (a timer would hide it before anyone read it).
   */
  untilNextCall?: true
}

/** The notice's sentence: its own words looked up with `t` (the desk's language), or as it came. */
export function wordNotice(
  text: NoticeText,
  t: (key: string, values: Record<string, string>) => string,
  describe: (said: Said) => string
): string {
  if (isNoticeWords(text)) return t(`app.notices.${text.key}`, text.values ?? {})
  return isMediaWords(text) ? wordMedia(text, t) : describe(text)
}

/**
 * Whether two notices say the same, compared in English: a media failure shown from its words here
 * comes back from the core as its English sentence (the reason this desk reported).
 */
/** What to show for something thrown: our media words, or a service's sentence with its words. */
export function problemOf(error: unknown): NoticeText {
  return error instanceof WordedError ? error.wording : saidOf(error)
}

export function sameNoticeText(a: NoticeText, b: NoticeText): boolean {
  const english = (text: NoticeText): string => {
    if (isNoticeWords(text)) return `${text.key}:${JSON.stringify(text.values)}`
    if (isMediaWords(text)) return englishMedia(text)
    return typeof text === 'string' ? text : text.message
  }
  return english(a) === english(b)
}

/** What a desk that did not take a call reads: which desk did, when the hub names it. */
export function answeredElsewhereText(call: Call): NoticeWords {
  return call.state !== 'ringing' && call.answeredByDesk
    ? { key: 'answeredBy', values: { desk: call.answeredByDesk } }
    : { key: 'answeredElsewhere' }
}

const callEnded = (call: EndedCall): NoticeWords => ({
  key: 'callEnded',
  values: { duration: formatDuration(talkSeconds(call)) }
})

/** What the user reads when a call ends; nothing for calls this desk never showed. */
export function endedNotice(
  call: EndedCall,
  previous: Call | undefined
): { text: NoticeText; kind: 'info' | 'error' } | undefined {
  // Never shown ringing, so nothing to say on screen; history tells it.
  if (call.reason === 'too-many-ringing') return undefined
  if (call.error) {
    const text = call.errorWords ? { message: call.error, words: call.errorWords } : call.error
    return { text, kind: 'error' }
  }
  switch (call.reason) {
    case 'caller-hung-up':
      return previous?.state === 'ringing'
        ? { text: { key: 'callerHungUp' }, kind: 'info' }
        : { text: callEnded(call), kind: 'info' }
    case 'we-hung-up':
      return { text: callEnded(call), kind: 'info' }
    case 'declined':
      return { text: { key: 'declined' }, kind: 'info' }
    case 'ring-timeout':
      return { text: { key: 'ringTimeout' }, kind: 'info' }
    case 'no-answer':
      return { text: { key: 'noAnswer' }, kind: 'info' }
    case 'meta-failed':
    case 'accept-failed':
    case 'media-failed':
      return { text: { key: 'failed' }, kind: 'error' }
    case 'shutdown':
      return undefined
    default:
      return assertNever(call.reason)
  }
}
