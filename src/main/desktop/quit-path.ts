/**
 * How the app stops: quitting waits for the services (live calls are ended with Meta, the history
 * is flushed), and on Windows a log-off or shutdown takes the same path. Electron's docs (app,
 * events 'before-quit' and 'will-quit') note that "on Windows, this event will not be emitted if
 * the app is closed due to a shutdown/restart of the system or a user logout": the window's
 * 'session-end' (win32 only) is emitted instead, and "once this event fires, there is no way to
 * prevent the session from ending", so it starts the stop straight away.
 */
import type { Event } from 'electron'
import type { Logger } from '../core/log'

export interface QuitApp {
  quit(): void
  on(event: 'before-quit', listener: () => void): unknown
  on(event: 'will-quit', listener: (event: Event) => void): unknown
}

export interface SessionEndWindow {
  on(event: 'session-end', listener: () => void): unknown
}

export interface QuitPath {
  /** True from the first quit request on: windows then close instead of hiding. */
  isQuitting(): boolean
  /** Stops every service once, then lets Electron quit; safe to call again. */
  stopThenQuit(): void
  /** Windows: the session's end runs `stopThenQuit` (elsewhere the quit events always fire). */
  stopOnSessionEnd(window: SessionEndWindow, platform: NodeJS.Platform): void
}

export function installQuitPath(
  app: QuitApp,
  stopServices: () => Promise<void>,
  log: Logger
): QuitPath {
  let quitting = false
  let stopped = false
  let stopping: Promise<void> | undefined
  const stopThenQuit = (): void => {
    quitting = true
    stopping ??= stopServices().finally(() => {
      stopped = true
      app.quit()
    })
  }
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (event) => {
    if (stopped) return
    event.preventDefault()
    stopThenQuit()
  })
  return {
    isQuitting: () => quitting,
    stopThenQuit,
    stopOnSessionEnd(window, platform) {
      if (platform !== 'win32') return
      window.on('session-end', () => {
        log.info('Windows is ending the session: the app stops as on quit')
        stopThenQuit()
      })
    }
  }
}
