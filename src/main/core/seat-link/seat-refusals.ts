/**
 * Which of the hub's answers a seat stops on, and which it keeps retrying.
 *
 * Only what the hub says sealed (link-control.ts) can stop a seat for good: the desk was removed
 * or never paired, the code is spent, a newer connection replaced this one. Retrying cannot heal
 * those, and knocking again every 30 s would only fill the hub's log. What arrives unsealed (a
 * WebSocket close reason, a handshake cut short) could be a tunnel operator's words: a forged
 * "removed" must not make a seat give up, so such a reason is only "offline", retried with
 * backoff. Two unsealed answers do not heal quickly but cannot be sealed either (they come before
 * any shared key): the versions differ, or the desk that answered holds another key than the
 * pinned hub. Their sentence is shown and the seat retries slowly (every 30 s), so it comes back
 * by itself once the hub is updated, or once whoever answered in the hub's place stops.
 */
import { isWords, words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'
import { PairingCodeError } from './pairing-code'
import { REMOVED_REASON } from './pairing'
import { HUB_STOPPING_REASON, REPLACED_REASON, SLOW_SEAT_REASON } from './seat-endpoint'
import { LinkKeyFileError } from './link-key-files'
import { HubUnreachableError } from './seat-addresses'
import { SeatLinkError } from './secure-link'

/**
 * Why a seat stops or slows down: this app's words (each window says them in its own language),
 * or a sentence the hub said in its own words, shown as it said it.
 */
export type Refusal = Words | string

const REMOVED = words('seatRefused.removed')
const REPLACED = words('seatRefused.replaced')
export const REMOVED_SENTENCE = englishWords(REMOVED)
export const REPLACED_SENTENCE = englishWords(REPLACED)

/** What the hub said sealed that heals with time: the seat retries as after a drop. */
const HEALS = /^Too many pairing attempts/
const TOO_MANY_ATTEMPTS = words('seatRefused.tooManyAttempts')

/** The hub's sentences as pairing.ts makes them: the hub sends the English, the seat words it. */
const CODE_REFUSED = words('seatRefused.codeRefused')
const ALREADY_PAIRED = words('seatRefused.alreadyPaired')
const NAME_TAKEN = /^A desk named "(.*)" exists/

/** Matches a reason that starts with one of the hub's sentences, taken literally. */
function startsWith(...sentences: string[]): RegExp {
  const literal = sentences.map((sentence) => sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^(${literal.join('|')})`)
}

/** What the seat shows for a sealed refusal, by what the hub said. */
const SEALED: [RegExp, (reason: string) => Refusal][] = [
  [startsWith('This desk is not paired with this hub', REMOVED_REASON), () => REMOVED],
  [startsWith(REPLACED_REASON), () => REPLACED],
  [startsWith(englishWords(CODE_REFUSED)), () => CODE_REFUSED],
  [startsWith(englishWords(ALREADY_PAIRED), 'This desk is paired already'), () => ALREADY_PAIRED],
  [NAME_TAKEN, (reason) => words('seatRefused.nameTaken', { name: NAME_TAKEN.exec(reason)![1]! })]
]

/** Unsealed answers that no quick retry heals, shown while the seat retries slowly. */
const SLOW: [RegExp, (reason: string) => Refusal][] = [
  [/not the hub this desk paired with/, () => words('seatRefused.notTheHub')],
  [/not the hub that made this pairing code/, () => words('seatRefused.notTheCodesHub')],
  [/seat link version/, (reason) => versionWords(reason)]
]

/**
 * The refusal to stop on for what the hub said sealed; undefined when it heals with time. A
 * reason this desk does not know is still the hub's own word: it is shown as the hub said it.
 */
export function sealedRefusalOf(reason: string): Refusal | undefined {
  if (HEALS.test(reason)) return undefined
  for (const [pattern, refusal] of SEALED) if (pattern.test(reason)) return refusal(reason)
  return reason
}

/** What this app's hub says, in English, when it closes a link that the seat will retry. */
const KNOWN_OFFLINE: [RegExp, Words][] = [
  [HEALS, TOO_MANY_ATTEMPTS],
  [startsWith(HUB_STOPPING_REASON), words('hubReason.stopping')],
  [startsWith(SLOW_SEAT_REASON), words('hubReason.tooSlow')]
]

/**
 * Why the seat waits before trying again: what this app's hub says, in words for the seat's own
 * language; anything else (an older hub, a carrier) as it was said.
 */
export function knownOfflineReasonOf(reason: string): Words | string {
  for (const [pattern, said] of KNOWN_OFFLINE) if (pattern.test(reason)) return said
  return reason
}

/** The refusal to show while retrying slowly, for an unsealed reason that says so. */
export function slowRefusalOf(reason: string): Refusal | undefined {
  for (const [pattern, refusal] of SLOW) if (pattern.test(reason)) return refusal(reason)
  return undefined
}

/** Errors of this desk's own that no retry heals: a mistyped code, unreadable key files. */
export function localRefusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof PairingCodeError || error instanceof LinkKeyFileError)) return undefined
  const said = (error as { words?: unknown }).words
  return isWords(said) ? said : error.message
}

/**
 * Why a try to reach the hub failed, when no retry is held back: this desk's own reasons as words
 * (each window says them in its own language), anything else as it was said.
 */
export function offlineReasonOf(error: unknown): Words | string {
  if (error instanceof HubUnreachableError) return error.words
  if (error instanceof SeatLinkError && error.code === 'timeout')
    return words('hubReason.slowHandshake')
  return (error as Error).message
}

/** The hub says which side to update; said once, from where the seat stands. */
function versionWords(reason: string): Words {
  const which = /update the (seat|hub)/.exec(reason)?.[1]
  if (which === 'seat') return words('seatRefused.seatOlder')
  if (which === 'hub') return words('seatRefused.hubOlder')
  return words('seatRefused.versionsDiffer')
}
