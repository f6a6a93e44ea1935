/**
 * The first steps of a start, in the order Electron needs them: the app's identity and data folder,
 * then the single-instance lock, then a listener for later launches that works before any window
 * exists. A test drives them against the fake Electron; desktop-app.ts only calls them.
 */
import { APP_ID } from './app-identity'
import { readEnv, resolveDataDir } from '../core/config'
import type { RevealableWindow } from './windows/main-window'

export interface InstanceApp {
  readonly isPackaged: boolean
  setPath(name: 'userData', path: string): void
  requestSingleInstanceLock(): boolean
  setAppUserModelId(id: string): void
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
}

export interface ClaimOptions {
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  execPath: string
}

/**
 * Sets the data folder and takes the lock for it; false (and the app quits) when another instance
 * with the same data folder already runs, which Electron then tells through 'second-instance'.
 */
export function claimInstance(app: InstanceApp, options: ClaimOptions): boolean {
  // Windows shows notifications only for an app with an AppUserModelID, and groups the taskbar by
  // it; the installer's Start menu shortcut carries APP_ID, a development run its own executable.
  if (options.platform === 'win32') {
    app.setAppUserModelId(app.isPackaged ? APP_ID : options.execPath)
  }
  // SOFTPHONE_DATA_DIR moves everything, Chromium's profile included (a test run, a second
  // profile). A bad variable fails the start right here. It comes before the lock: Electron's docs
  // (app, event 'second-instance') count "an instance ... a second instance if it shares the same
  // user data directory (app.getPath('userData'))", so a second profile must have its folder set
  // when it asks, or the normal instance would take it for itself and it would quit.
  const dataDirOverride = readEnv(options.env).dataDir
  if (dataDirOverride) app.setPath('userData', resolveDataDir(dataDirOverride))
  if (app.requestSingleInstanceLock()) return true
  app.quit()
  return false
}

/** Brings the main window forward on a later launch, also when that launch comes during start-up. */
export interface LaunchFocus {
  /** From now on, later launches reveal this window; one that came before it reveals it now. */
  attach(window: RevealableWindow): void
}

/**
 * Listens for 'second-instance' straight away. Electron's docs (app, event 'second-instance') say
 * it "is guaranteed to be emitted after the ready event", that is while the core is still starting
 * and before the windows exist: such a launch is remembered and reveals the window once it exists.
 */
export function listenForLaunches(
  app: InstanceApp,
  reveal: (window: RevealableWindow) => void
): LaunchFocus {
  let target: RevealableWindow | undefined
  let pending = false
  app.on('second-instance', () => {
    if (target) reveal(target)
    else pending = true
  })
  return {
    attach(window) {
      target = window
      if (!pending) return
      pending = false
      reveal(window)
    }
  }
}
