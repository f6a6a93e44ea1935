/**
 * Every IPC channel between main and the renderers, and which way it flows. The service API itself
 * travels over two generic channels (one invoke, one event stream) carrying the frames of
 * ./command-protocol.ts, so the contract in ./api.ts stays the single place that names commands;
 * the rest are window-level channels of the desktop shell. No zod here: the preload imports it.
 */
export const IPC = {
  /** renderer -> main (invoke): run a service command, a `CommandFrame` answered by a `ReplyFrame`. */
  command: 'softphone:command',
  /** main -> renderer (send): a service event (`EventFrame`). */
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

/** The user's choice on a ringing call, made in the toast or a notification. */
export interface CallAction {
  callId: string
  action: 'answer' | 'decline' | 'focus'
}
