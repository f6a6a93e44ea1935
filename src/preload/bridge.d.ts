import type { EventName, SoftphoneApi, SoftphoneEvents } from '../shared/api'
import type { CallAction } from '../shared/ipc'

/** `window.softphone`: the service API as named functions, plus event subscription. */
export interface SoftphoneBridge extends SoftphoneApi {
  on<K extends EventName>(event: K, listener: (payload: SoftphoneEvents[K]) => void): () => void
}

/** `window.desk`: window-level actions of the desktop shell (absent in browser mode). */
export interface DeskBridge {
  /** From the toast window: the user pressed Answer/Decline there, or clicked to focus the call. */
  requestCallAction(action: CallAction): void
  /** In the main window: an action chosen in the toast or a notification, to carry out here. */
  onCallActionRequested(listener: (action: CallAction) => void): () => void
}

declare global {
  interface Window {
    /** Present in the Electron app; absent in browser mode, which uses the WebSocket bridge. */
    softphone?: SoftphoneBridge
    desk?: DeskBridge
  }
}
