/**
 * Refusals of the registry's transition methods. `CallStateError` is a `ServiceError`, so the
 * service layer can hand it to a UI unchanged: its message is already a sentence for the user.
 */
import { ServiceError } from '../../../shared/api'
import type { Call, EndedCall } from '../../../shared/calls'
import { assertNever } from '../../../shared/calls'
import { words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export type CallStateErrorCode = 'not-found' | 'conflict'

export class CallStateError extends ServiceError {
  declare readonly code: CallStateErrorCode

  constructor(
    code: CallStateErrorCode,
    said: Words,
    readonly callId: string
  ) {
    super(code, englishWords(said), said)
  }
}

export function callNotFound(callId: string): CallStateError {
  return new CallStateError('not-found', words('callState.notFound'), callId)
}

/** Why a call that has ended cannot take the action, in the user's words. */
export function endedWords(call: EndedCall): Words {
  switch (call.reason) {
    case 'caller-hung-up':
      return call.connectedAt === undefined
        ? words('callState.hungUpBeforeAnswer')
        : words('callState.hungUp')
    case 'ring-timeout':
      return words('callState.stoppedRinging')
    case 'too-many-ringing':
      return words('callState.neverRang')
    case 'declined':
      return words('callState.declined')
    case 'no-answer':
      return words('callState.noAnswer')
    case 'we-hung-up':
    case 'meta-failed':
    case 'accept-failed':
    case 'media-failed':
    case 'shutdown':
      return words('service.callEnded')
    default:
      return assertNever(call.reason)
  }
}

export const endedSentence = (call: EndedCall): string => englishWords(endedWords(call))

/** The conflict for an action that needs the call in some other state than it is in. */
export function callConflict(call: Call, clientId?: string): CallStateError {
  return new CallStateError('conflict', conflictWords(call, clientId), call.id)
}

function conflictWords(call: Call, clientId: string | undefined): Words {
  switch (call.state) {
    case 'ringing':
      return words('callState.notAnswered')
    case 'answering':
    case 'connected':
      if (call.direction === 'outbound') return words('callState.inProgress')
      if (call.answeredBy === clientId) return words('callState.answeringHere')
      return call.answeredByDesk === undefined
        ? words('callState.answeredElsewhere')
        : words('callState.answeredBy', { desk: call.answeredByDesk })
    case 'ended':
      return endedWords(call)
    default:
      return assertNever(call)
  }
}
