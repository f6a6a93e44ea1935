import { assertNever, talkSeconds, type Call, type EndedCall } from '../../../shared/calls'
import { formatDuration } from '../composables/format'
import type { Said } from '../composables/useWords'

/** What a desk that did not take a call reads: which desk did, when the hub names it. */
export function answeredElsewhereText(call: Call): string {
  return call.state !== 'ringing' && call.answeredByDesk
    ? `Answered by ${call.answeredByDesk}`
    : 'Answered elsewhere'
}

/** What the user reads when a call ends; nothing for calls this desk never showed. */
export function endedNotice(
  call: EndedCall,
  previous: Call | undefined
): { text: Said; kind: 'info' | 'error' } | undefined {
  // Never shown ringing, so nothing to say on screen; history tells it.
  if (call.reason === 'too-many-ringing') return undefined
  if (call.error) {
    const text = call.errorWords ? { message: call.error, words: call.errorWords } : call.error
    return { text, kind: 'error' }
  }
  switch (call.reason) {
    case 'caller-hung-up':
      return previous?.state === 'ringing'
        ? { text: 'The caller hung up.', kind: 'info' }
        : { text: `Call ended · ${formatDuration(talkSeconds(call))}`, kind: 'info' }
    case 'we-hung-up':
      return { text: `Call ended · ${formatDuration(talkSeconds(call))}`, kind: 'info' }
    case 'declined':
      return { text: 'Call declined.', kind: 'info' }
    case 'ring-timeout':
      return { text: 'Missed call: nobody answered in time.', kind: 'info' }
    case 'no-answer':
      return { text: 'The customer did not answer.', kind: 'info' }
    case 'meta-failed':
    case 'accept-failed':
    case 'media-failed':
      return { text: 'The call failed.', kind: 'error' }
    case 'shutdown':
      return undefined
    default:
      return assertNever(call.reason)
  }
}
