/**
 * What a call's media failure says to the user: one plain sentence each, ours (calls.media) or the
 * service's, never Chromium's exception text ("Failed to execute 'setRemoteDescription' on ...").
 */
import { ServiceError } from '../../../shared/service-error'
import { mediaWords, WordedError, type MediaText } from './media-words'

/** A failure of this call's media in the user's words, never Chromium's exception text. */
export class CallMediaError extends WordedError {
  override readonly name = 'CallMediaError'
}

export const LOST = mediaWords('lost')
/** Meta answered but no audio path ever came up (ICE blocked by a firewall, VPN or network). */
export const NO_AUDIO = mediaWords('noAudio')
/** Meta's SDP answer (or its renegotiation offer) that Chromium refused to apply. */
export const ANSWER_NOT_USABLE = mediaWords('answerNotUsable')
/** Anything else Chromium threw while the call's audio was being set up. */
const SETUP_FAILED = mediaWords('setupFailed')
/**
 * Meta's answer comes within seconds and ICE to its media servers takes a second or two: 15 s
 * without audio means none is coming, and the call ends well within 20 s of the answer.
 */
export const CONNECT_TIMEOUT_MS = 15_000

/** What to show for a failed answer or call: the service's sentence as it came, or our words. */
export function failureSentence(error: unknown): MediaText {
  if (error instanceof ServiceError) return error.message
  return error instanceof CallMediaError ? error.wording : SETUP_FAILED
}
