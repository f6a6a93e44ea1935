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
import { PairingCodeError } from './pairing-code'
import { REMOVED_REASON } from './pairing'
import { REPLACED_REASON } from './seat-endpoint'
import { LinkKeyFileError } from './link-key-files'

export const REMOVED_SENTENCE = 'This desk was removed from the hub: pair it again with a new code'
export const REPLACED_SENTENCE = 'This desk connected to the hub from elsewhere'

/** What the hub said sealed that heals with time: the seat retries as after a drop. */
const HEALS = /^Too many pairing attempts/

/** What the seat shows for a sealed refusal, by what the hub said. */
const SEALED: [RegExp, (reason: string) => string][] = [
  [
    new RegExp(`^(This desk is not paired with this hub|${REMOVED_REASON})`),
    () => REMOVED_SENTENCE
  ],
  [new RegExp(`^${REPLACED_REASON}`), () => REPLACED_SENTENCE]
]

/** Unsealed answers that no quick retry heals, shown while the seat retries slowly. */
const SLOW: [RegExp, (reason: string) => string][] = [
  [/not the hub (this desk paired with|that made this pairing code)/, (reason) => reason],
  [/seat link version/, (reason) => versionSentence(reason)]
]

/**
 * The sentence to stop on for what the hub said sealed; undefined when it heals with time. A
 * reason this desk does not know is still the hub's own word: it is shown as the hub said it.
 */
export function sealedRefusalOf(reason: string): string | undefined {
  if (HEALS.test(reason)) return undefined
  for (const [pattern, sentence] of SEALED) if (pattern.test(reason)) return sentence(reason)
  return reason
}

/** The sentence to show while retrying slowly, for an unsealed reason that says so. */
export function slowRefusalOf(reason: string): string | undefined {
  for (const [pattern, sentence] of SLOW) if (pattern.test(reason)) return sentence(reason)
  return undefined
}

/** Errors of this desk's own that no retry heals: a mistyped code, unreadable key files. */
export function localRefusalOf(error: unknown): string | undefined {
  if (error instanceof PairingCodeError || error instanceof LinkKeyFileError) return error.message
  return undefined
}

/** The hub says which side to update; said once, from where the seat stands. */
function versionSentence(reason: string): string {
  const which = /update the (seat|hub)/.exec(reason)?.[1]
  if (which === 'seat') return 'This desk is older than its hub: update this desk to connect'
  if (which === 'hub') return 'The hub runs an older version than this desk: update the hub'
  return 'This desk and its hub run different versions: update the older one'
}
