/**
 * Refusals of the registry's transition methods. `CallStateError` is a `ServiceError`, so the
 * service layer can hand it to a UI unchanged: its message is already a sentence for the user.
 */
import { ServiceError } from '../../../shared/api'
import type { Call, EndedCall } from '../../../shared/calls'
import { assertNever } from '../../../shared/calls'

export type CallStateErrorCode = 'not-found' | 'conflict'

export class CallStateError extends ServiceError {
  declare readonly code: CallStateErrorCode

  constructor(
    code: CallStateErrorCode,
    message: string,
    readonly callId: string
  ) {
    super(code, message)
  }
}

export function callNotFound(callId: string): CallStateError {
  return new CallStateError(
    'not-found',
    'This call is no longer available: it may have ended a while ago.',
    callId
  )
}

/** Why a call that has ended cannot take the action, in the user's words. */
export function endedSentence(call: EndedCall): string {
  switch (call.reason) {
    case 'caller-hung-up':
      return call.connectedAt === undefined
        ? 'The caller hung up before the call was answered.'
        : 'The caller has already hung up.'
    case 'ring-timeout':
      return 'This call stopped ringing before anyone answered it.'
    case 'too-many-ringing':
      return 'This call never rang: too many calls were ringing at once.'
    case 'declined':
      return 'This call was already declined.'
    case 'no-answer':
      return 'The customer did not answer this call.'
    case 'we-hung-up':
    case 'meta-failed':
    case 'accept-failed':
    case 'media-failed':
    case 'shutdown':
      return 'This call has already ended.'
    default:
      return assertNever(call.reason)
  }
}

/** The conflict for an action that needs the call in some other state than it is in. */
export function callConflict(call: Call, clientId?: string): CallStateError {
  return new CallStateError('conflict', conflictSentence(call, clientId), call.id)
}

function conflictSentence(call: Call, clientId: string | undefined): string {
  switch (call.state) {
    case 'ringing':
      return 'This call has not been answered yet.'
    case 'answering':
    case 'connected':
      if (call.direction === 'outbound') return 'This call is already in progress.'
      if (call.answeredBy === clientId) return 'You are already answering this call.'
      return call.answeredByDesk === undefined
        ? 'This call was already answered on another desk.'
        : `This call was already answered by ${call.answeredByDesk}.`
    case 'ended':
      return endedSentence(call)
    default:
      return assertNever(call)
  }
}
