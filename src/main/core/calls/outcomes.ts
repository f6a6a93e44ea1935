/**
 * How a call ends: the one table the registry follows, so the toast, the tray badge and history
 * agree on what "missed" or "failed" means (see CallOutcome in src/shared/calls.ts).
 *
 * | trigger                            | state before                | outcome    | reason         |
 * | ---------------------------------- | --------------------------- | ---------- | -------------- |
 * | terminate webhook, no connect seen | (none)                      | missed     | caller-hung-up |
 * | terminate webhook                  | ringing                     | missed     | caller-hung-up |
 * | terminate webhook                  | answering, inbound          | missed     | caller-hung-up |
 * | terminate webhook                  | answering, outbound         | no-answer  | no-answer      |
 * | terminate webhook, we hung up      | answering                   | unanswered | we-hung-up     |
 * | terminate webhook, status Failed   | connected                   | failed     | meta-failed    |
 * | terminate webhook, we hung up      | connected                   | completed  | we-hung-up     |
 * | terminate webhook, other status    | connected                   | completed  | caller-hung-up |
 * | ring deadline passed               | ringing                     | missed     | ring-timeout   |
 * | connect already past its deadline  | (none)                      | missed     | ring-timeout   |
 * | connect while the most ring        | (none)                      | missed     | too-many-ringing |
 * | decline()                          | ringing                     | declined   | declined       |
 * | answerFailed()                     | answering                   | failed     | accept-failed  |
 * | mediaFailed()                      | answering, connected        | failed     | media-failed   |
 * | markEnded()                        | answering                   | unanswered | we-hung-up     |
 * | markEnded()                        | connected                   | completed  | we-hung-up     |
 * | endAllLive() (quit)                | ringing, answering          | unanswered | shutdown       |
 * | endAllLive() (quit)                | connected                   | completed  | shutdown       |
 * | endLocally(outcome, reason)        | any live state              | as given   | as given       |
 *
 * "unanswered" is `missed` for an incoming call and `no-answer` for an outgoing one: the missed-calls
 * badge counts customers who called and were not answered, never calls we placed.
 *
 * Notes on the less obvious rows:
 * - A terminate while answering means the caller gave up while our accept was in flight: the call
 *   never connected, so it is missed whatever `status` says. `Failed` only turns a call into
 *   `failed` once it was connected.
 * - For an outbound call "caller" in `caller-hung-up` is the customer: the other party hung up.
 * - "We hung up" means `hangUp()` was called before the terminate webhook arrived; Meta's
 *   terminate does not say who ended the call.
 */
import type {
  AnsweringCall,
  CallOutcome,
  ConnectedCall,
  EndReason,
  RingingCall
} from '../../../shared/calls'
import { assertNever } from '../../../shared/calls'
import { words } from '../../../shared/words'

export type LiveCall = RingingCall | AnsweringCall | ConnectedCall

export interface Ending {
  outcome: CallOutcome
  reason: EndReason
}

export const RING_TIMEOUT: Ending = { outcome: 'missed', reason: 'ring-timeout' }
export const TOO_MANY_RINGING: Ending = { outcome: 'missed', reason: 'too-many-ringing' }
/** What history shows for such a call: no desk ever saw it ring. */
export const TOO_MANY_RINGING_WORDS = words('calls.tooManyRinging')
export const HUNG_UP_BEFORE_CONNECT: Ending = { outcome: 'missed', reason: 'caller-hung-up' }
export const DECLINED: Ending = { outcome: 'declined', reason: 'declined' }
export const ACCEPT_FAILED: Ending = { outcome: 'failed', reason: 'accept-failed' }
export const MEDIA_FAILED: Ending = { outcome: 'failed', reason: 'media-failed' }

/** How a call that never connected counts: missed when it came in, no-answer when we placed it. */
function unanswered(call: LiveCall): CallOutcome {
  return call.direction === 'outbound' ? 'no-answer' : 'missed'
}

/** Meta documents `Completed` and `Failed`; the case of the word is not worth failing over. */
function isFailedStatus(status: string | undefined): boolean {
  return status?.toLowerCase() === 'failed'
}

export function endingOnTerminate(
  call: LiveCall,
  status: string | undefined,
  weHungUp: boolean
): Ending {
  switch (call.state) {
    case 'ringing':
      return HUNG_UP_BEFORE_CONNECT
    case 'answering':
      if (weHungUp) return { outcome: unanswered(call), reason: 'we-hung-up' }
      return call.direction === 'outbound'
        ? { outcome: 'no-answer', reason: 'no-answer' }
        : HUNG_UP_BEFORE_CONNECT
    case 'connected':
      if (isFailedStatus(status)) return { outcome: 'failed', reason: 'meta-failed' }
      return { outcome: 'completed', reason: weHungUp ? 'we-hung-up' : 'caller-hung-up' }
    default:
      return assertNever(call)
  }
}

/** We ended it ourselves and Graph confirmed; the terminate webhook, when it comes, is a duplicate. */
export function endingOnMarkEnded(call: AnsweringCall | ConnectedCall): Ending {
  return {
    outcome: call.state === 'connected' ? 'completed' : unanswered(call),
    reason: 'we-hung-up'
  }
}

export function endingOnShutdown(call: LiveCall, reason: EndReason): Ending {
  return { outcome: call.state === 'connected' ? 'completed' : unanswered(call), reason }
}
