/**
 * Every IPC channel between main and the renderers, and which way it flows. The service API itself
 * travels over two generic channels (one invoke, one event stream) so the contract in ./api.ts stays
 * the single place that names commands; the rest are window-level channels of the desktop shell.
 */
import type { CommandName } from './api'
import type { ServiceErrorShape } from './service-error'

export const IPC = {
  /** renderer -> main (invoke): run a service command: `IpcCommand`. */
  command: 'softphone:command',
  /** main -> renderer (send): a service event (`EventMessage`). */
  event: 'softphone:event',
  /**
   * toast window / notification -> main (send): the user chose an action on a ringing call.
   * Main focuses the main window and forwards it there, because only the main window's renderer
   * holds the RTCPeerConnection that can answer.
   */
  callAction: 'window:call-action',
  /** main -> main window renderer (send): carry out a `CallAction` chosen elsewhere. */
  callActionRequested: 'window:call-action-requested',
  /** renderer -> main (invoke): what the OS says about microphone access (`MicrophoneAccess`). */
  microphoneAccess: 'window:microphone-access',
  /** renderer -> main (invoke): the same, after asking the user where the OS wants it (macOS). */
  askMicrophone: 'window:ask-microphone'
} as const

/**
 * The operating system's answer about this app and the microphone: Electron's
 * `systemPreferences.getMediaAccessStatus('microphone')` on macOS and Windows; 'unknown' where the
 * OS has no such setting (Linux), and getUserMedia alone decides.
 */
export type MicrophoneAccess = 'granted' | 'denied' | 'restricted' | 'not-determined' | 'unknown'

export type IpcChannel = (typeof IPC)[keyof typeof IPC]

export interface IpcCommand {
  command: CommandName
  request: unknown
}

/**
 * What `IPC.command` resolves with. A failed command is a value, not a rejection: Electron turns a
 * rejected invoke into "Error invoking remote method ..." and drops the error's code, while the UI
 * needs both the code and the sentence.
 */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ServiceErrorShape }

/**
 * The user's choice on a ringing call, in the toast or a notification; main checks it with
 * `CallActionSchema` (./frame-schemas.ts).
 */
export interface CallAction {
  callId: string
  action: 'answer' | 'decline' | 'focus'
}
