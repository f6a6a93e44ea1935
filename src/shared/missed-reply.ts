/**
 * The missed-call reply (issue 16 item 2) and the call button (item 4), as every process sees
 * them: the owner's placeholders, how they are filled (the Settings preview and the hub use the
 * same function, so the preview is what the customer gets), and how Meta's refusals are worded
 * (a key of the `followUp` catalogue area, so each desk says it in its own language).
 */
import { nextOpening, type BusinessHours } from './business-hours'

/** What goes with the reply: nothing, Meta's `audio_call` button, or a call-permission request. */
export const REPLY_EXTRAS = ['none', 'call-button', 'permission-request'] as const
export type ReplyExtra = (typeof REPLY_EXTRAS)[number]

/** Meta's button template text limit (UTF-16 units are close enough to its characters here). */
export const MAX_MESSAGE_TEXT = 640
/** The owner's text before the placeholders are filled. */
export const MAX_REPLY_TEXT = 600
/** How long the `audio_call` button stays clickable: Meta's default and maximum. */
export const CALL_BUTTON_DAYS = 7
/** Meta's button title limit. */
export const MAX_BUTTON_TITLE = 20
/** At most one reply per customer in this time. */
export const REPLY_INTERVAL_MS = 12 * 3600_000

export interface ReplyValues {
  /** The customer's first name, or a neutral word when Meta gave none. */
  firstName: string
  /** The Page's next opening, worded; a neutral phrase when no hours are set. */
  nextOpening: string
}

/** `{first_name}` and `{next_opening}`; any other braces are left as the owner typed them. */
export function fillReply(text: string, values: ReplyValues): string {
  const filled = text
    .replaceAll('{first_name}', values.firstName)
    .replaceAll('{next_opening}', values.nextOpening)
    .trim()
  return filled.length > MAX_MESSAGE_TEXT ? filled.slice(0, MAX_MESSAGE_TEXT) : filled
}

/** The first word of a profile name ("Ana María López" → "Ana"); undefined when there is none. */
export function firstNameOf(name: string | null | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0]
  return first ? first : undefined
}

export type NextOpeningKey = 'unknown' | 'now' | 'today' | 'tomorrow' | 'later'
/** Words one of `followUp.reply.nextOpening`'s texts with its {time} and {day}. */
export type NextOpeningWords = (
  key: NextOpeningKey,
  values: { time: string; day: string }
) => string

/** The calendar day of an instant in a time zone, as days since the epoch. */
function dayNumber(timeZone: string, at: number): number {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  })
    .format(at)
    .split('-')
    .map(Number)
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000)
}

/**
 * When the Page opens next, worded: "today at 9:00", "on Monday at 9:00"; "right now" while it is
 * open; a neutral phrase ("as soon as we can") when no hours are set or none come within a year.
 * The day and time are in the hours' own time zone, in `locale`.
 */
export function wordNextOpening(
  hours: BusinessHours | undefined,
  now: number,
  locale: string,
  word: NextOpeningWords
): string {
  const next = hours ? nextOpening(hours, now) : null
  if (!hours || !next) return word('unknown', { time: '', day: '' })
  const at = next.getTime()
  if (at <= now) return word('now', { time: '', day: '' })
  const { timeZone } = hours
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' })
    .format(at)
    .replace(/\u202f/g, ' ')
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at)
  const days = dayNumber(timeZone, at) - dayNumber(timeZone, now)
  return word(days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'later', { time, day })
}

/** Keys under `followUp.refusal` for what Meta answered instead of sending a message. */
export const REFUSAL_WORDS = [
  'outsideWindow',
  'unavailable',
  'rateLimited',
  'permissionLimit',
  'notAllowed',
  'noPage',
  'unreachable',
  'other'
] as const
export type RefusalWords = (typeof REFUSAL_WORDS)[number]

/**
 * Meta's Send API refusals, by code and subcode (docs/graph-messages.md): 10/2018278 the message
 * is outside the 24-hour window; 551 the person is not available; 613 (and 4, 32, 80006) a rate
 * limit; 200/230 permissions. Anything else is "other", with its code kept beside the words.
 */
export function refusalWords(code: number | undefined, subcode: number | undefined): RefusalWords {
  if (code === 10 && subcode === 2018278) return 'outsideWindow'
  if (code === 551) return 'unavailable'
  if (code === 613 || code === 4 || code === 32 || code === 80006) return 'rateLimited'
  if (code === 10 || code === 200 || code === 230) return 'notAllowed'
  return 'other'
}

/** What sending a call button from a history entry came to. */
export type CallButtonResult =
  | { state: 'sent'; at: number }
  | { state: 'refused'; at: number; words: RefusalWords; graphCode?: number | undefined }
