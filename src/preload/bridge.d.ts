import type { EventName, SoftphoneApi, SoftphoneEvents } from '../shared/api'
import type { CallAction, MicrophoneAccess } from '../shared/ipc'

/** `window.softphone`: the service API as named functions, plus event subscription. */
export interface SoftphoneBridge extends SoftphoneApi {
  on<K extends EventName>(event: K, listener: (payload: SoftphoneEvents[K]) => void): () => void
}

/** `window.shell`: window-level actions of the desktop shell (absent in browser mode). */
export interface ShellBridge {
  /** From the toast window: the user pressed Answer/Decline there, or clicked to focus the call. */
  requestCallAction(action: CallAction): void
  /** In the main window: an action chosen in the toast or a notification, to carry out here. */
  onCallActionRequested(listener: (action: CallAction) => void): () => void
  /** What the OS says about this app and the microphone (macOS, Windows; 'unknown' elsewhere). */
  microphoneAccess(): Promise<MicrophoneAccess>
  /** The same, after the OS's own prompt where it has one (macOS, while the user has not decided). */
  askMicrophone(): Promise<MicrophoneAccess>
}

declare global {
  interface Window {
    /** Present in the Electron app; absent in browser mode, which uses the WebSocket bridge. */
    softphone?: SoftphoneBridge
    shell?: ShellBridge
  }
}
