/**
 * Builders for call snapshots. A snapshot is never changed after it is published: every
 * transition builds a new object from the fields the target state allows, so no state-specific
 * field (a ring deadline, say) leaks into a state that has no such field.
 */
import type { Call, CallDirection, EndedCall } from '../../../shared/calls'
import type { ConnectEvent } from '../../../shared/webhook'
import type { Ending, LiveCall } from './outcomes'
import type { Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

/** The fields every state shares. */
export type CallCore = Pick<
  Call,
  'id' | 'pageId' | 'direction' | 'caller' | 'startedAt' | 'test' | 'testDesk'
>

export function coreOf(call: Call): CallCore {
  return {
    id: call.id,
    pageId: call.pageId,
    direction: call.direction,
    caller: call.caller,
    startedAt: call.startedAt,
    // Only when set: snapshots cross IPC and JSON, where an explicit undefined is noise.
    ...(call.test ? { test: true as const } : {}),
    ...(call.testDesk !== undefined ? { testDesk: call.testDesk } : {})
  }
}

/** Who took a call: the client, and its desk's name when known (only present keys). */
export function takenBy(call: {
  answeredBy: string
  answeredByDesk?: string | undefined
}): Pick<EndedCall, 'answeredBy' | 'answeredByDesk'> & { answeredBy: string } {
  return call.answeredByDesk === undefined
    ? { answeredBy: call.answeredBy }
    : { answeredBy: call.answeredBy, answeredByDesk: call.answeredByDesk }
}

export interface Parties {
  direction: CallDirection
  pageId: string
  psid: string
}

/** Who is who in a connect: the Page is `to` when the customer calls, `from` when we call. */
export function connectParties(event: ConnectEvent): Parties {
  return event.call_direction === 'business_initiated'
    ? { direction: 'outbound', pageId: event.from, psid: event.to }
    : { direction: 'inbound', pageId: event.to, psid: event.from }
}

export function endedFrom(
  core: CallCore,
  ending: Ending,
  endedAt: number,
  extra: Pick<EndedCall, 'answeredBy' | 'answeredByDesk' | 'connectedAt'> & {
    error?: string | Words | undefined
  } = {}
): EndedCall {
  const call: EndedCall = { ...core, state: 'ended', ...ending, endedAt }
  // Only present keys: snapshots cross IPC and JSON, where an explicit undefined is noise.
  if (extra.answeredBy !== undefined) call.answeredBy = extra.answeredBy
  if (extra.answeredByDesk !== undefined) call.answeredByDesk = extra.answeredByDesk
  if (extra.connectedAt !== undefined) call.connectedAt = extra.connectedAt
  // A sentence as words goes with its English: the log, the CLI and older clients read that.
  if (typeof extra.error === 'string') call.error = extra.error
  else if (extra.error !== undefined) {
    call.error = englishWords(extra.error)
    call.errorWords = extra.error
  }
  return call
}

export function toEnded(
  call: LiveCall,
  ending: Ending,
  endedAt: number,
  error?: string | Words
): EndedCall {
  return endedFrom(coreOf(call), ending, endedAt, {
    ...(call.state === 'ringing' ? {} : takenBy(call)),
    connectedAt: call.state === 'connected' ? call.connectedAt : undefined,
    error
  })
}

/** Freezes a snapshot (and its caller) so a listener cannot change what every other one sees. */
export function freeze<C extends Call>(call: C): C {
  Object.freeze(call.caller)
  return Object.freeze(call)
}
