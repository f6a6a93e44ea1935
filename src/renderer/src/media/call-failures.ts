/**
 * What a call's media failure says to the user: one plain sentence each, ours or the service's,
 * never Chromium's exception text ("Failed to execute 'setRemoteDescription' on ...").
 */
import { ServiceError } from '../../../shared/service-error'

/** A failure of this call's media in the user's words, never Chromium's exception text. */
export class CallMediaError extends Error {
  override readonly name = 'CallMediaError'
}

export const LOST =
  'The connection to the caller was lost and could not be restored. Check the internet connection.'
/** Meta answered but no audio path ever came up (ICE blocked by a firewall, VPN or network). */
export const NO_AUDIO =
  "Couldn't connect the audio: check the internet connection, or whether a firewall or VPN blocks calls."
/** Meta's SDP answer (or its renegotiation offer) that Chromium refused to apply. */
export const ANSWER_NOT_USABLE =
  "Facebook's answer to this call could not be used, so the call was ended."
/** Anything else Chromium threw while the call's audio was being set up. */
const SETUP_FAILED = 'The audio for this call could not be set up.'
/**
 * Meta's answer comes within seconds and ICE to its media servers takes a second or two: 15 s
 * without audio means none is coming, and the call ends well within 20 s of the answer.
 */
export const CONNECT_TIMEOUT_MS = 15_000

/** The sentence to show for a failed answer or call: the service's and ours as they are. */
export function failureSentence(error: unknown): string {
  return error instanceof ServiceError || error instanceof CallMediaError
    ? error.message
    : SETUP_FAILED
}
