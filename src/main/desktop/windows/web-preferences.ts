/**
 * The web preferences of every window (Electron security checklist): the renderer is a sandboxed
 * web page that reaches main only through the preload's named functions.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { WebPreferences } from 'electron'

export interface WebPreferencesOptions {
  /** The built preload (out/preload/index.cjs). */
  preload: string
  /** Developer tools only in development: a shipped app has no use for them. */
  devTools: boolean
}

export function secureWebPreferences({ preload, devTools }: WebPreferencesOptions): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
    // Both windows hold live call state (the main one the RTCPeerConnection, the toast the ringing
    // call): a hidden window must keep its timers and audio running at full speed.
    backgroundThrottling: false,
    // The ringtone starts when a call arrives, without a click; Chromium blocks that by default.
    autoplayPolicy: 'no-user-gesture-required'
  }
}
