/**
 * Which of the hub's answers a seat must not retry on its own: retrying cannot heal them (the
 * desk was removed, the hub's key is not the pinned one, the versions differ, the code is spent),
 * and knocking again every 30 s would only fill the hub's log. Anything else (a network error, a
 * hub restarting, too many pairing attempts at once) heals with time, so the seat retries.
 *
 * The hub's reasons reach the seat in the WebSocket close frame, which a tunnel operator could
 * forge; the worst it can do so is stop a seat retrying until someone asks it to, no more than
 * dropping the connection would.
 */
import { PairingCodeError } from './pairing-code'
import { REPLACED_REASON } from './seat-endpoint'
import { LinkKeyFileError } from './link-key-files'

export const REMOVED_SENTENCE = 'This desk was removed from the hub: pair it again with a new code'

/** What the seat shows for each refusal that cannot heal, by what the hub or the check said. */
const REFUSALS: [RegExp, (reason: string) => string][] = [
  [/^This desk (is not paired with this hub|was removed from the hub)/, () => REMOVED_SENTENCE],
  [/not the hub (this desk paired with|that made this pairing code)/, (reason) => reason],
  [/seat link version/, (reason) => versionSentence(reason)],
  [/^The pairing code was refused/, (reason) => reason],
  [/^This desk is paired with this hub already/, (reason) => reason],
  [new RegExp(`^${REPLACED_REASON}`), () => 'This desk connected to the hub from elsewhere']
]

/** The sentence to show when `reason` (a close reason or an error's message) cannot heal. */
export function refusalOf(reason: string): string | undefined {
  for (const [pattern, sentence] of REFUSALS) if (pattern.test(reason)) return sentence(reason)
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
