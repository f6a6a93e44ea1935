/**
 * How the app stops: quitting waits for the services (live calls are ended with Meta, the history
 * is flushed), and on Windows a log-off or shutdown takes the same path. Electron's docs (app,
 * events 'before-quit' and 'will-quit') note that "on Windows, this event will not be emitted if
 * the app is closed due to a shutdown/restart of the system or a user logout": the window's
 * 'session-end' (win32 only) is emitted instead, and "once this event fires, there is no way to
 * prevent the session from ending", so it starts the stop straight away.
 *
 * A quit the person asked for (the tray's Quit, the app menu's Quit, Cmd+Q: every one of them is
 * `app.quit()`, so 'before-quit' comes first) may be held to ask a question first (`askFirst`,
 * issue #13 item 8: calls in progress would end). The system ending never is: see
 * `stopOnSystemEnd`.
 */
import type { Event } from 'electron'
import type { Logger } from '../core/log'

export interface QuitApp {
  quit(): void
  on(event: 'before-quit', listener: (event: Event) => void): unknown
  on(event: 'will-quit', listener: (event: Event) => void): unknown
}

export interface SessionEndWindow {
  on(event: 'session-end', listener: () => void): unknown
}

export interface ShutdownMonitor {
  on(event: 'shutdown', listener: () => void): unknown
}

/** Resolves true when the quit may go on (nothing would be lost, or the person said so). */
export type QuitQuestion = () => Promise<boolean>

export interface QuitPath {
  /** True from the first quit that goes ahead: windows then close instead of hiding. */
  isQuitting(): boolean
  /** Stops every service once, then lets Electron quit; safe to call again. Never asks. */
  stopThenQuit(): void
  /** Windows: the session's end runs `stopThenQuit` (elsewhere the quit events always fire). */
  stopOnSessionEnd(window: SessionEndWindow, platform: NodeJS.Platform): void
  /** macOS and Linux: the system shutting down (or logging out) runs `stopThenQuit`, unasked. */
  stopOnSystemEnd(monitor: ShutdownMonitor): void
  /** Each quit the person asks for waits for this question's answer; one question at a time. */
  askFirst(question: QuitQuestion): void
}

export function installQuitPath(
  app: QuitApp,
  stopServices: () => Promise<void>,
  log: Logger
): QuitPath {
  let quitting = false
  let stopped = false
  let stopping: Promise<void> | undefined
  let question: QuitQuestion | undefined
  let asking = false
  /** The person said yes, or the system is ending: the next 'before-quit' goes through. */
  let agreed = false
  const stopThenQuit = (): void => {
    quitting = true
    agreed = true
    stopping ??= stopServices().finally(() => {
      stopped = true
      app.quit()
    })
  }
  const ask = (put: QuitQuestion): void => {
    asking = true
    put()
      .catch((error: unknown) => {
        // A question that cannot be put must not trap the person in the app.
        log.warn('could not ask before quitting: quitting anyway', { error })
        return true
      })
      .then((yes) => {
        asking = false
        if (!yes) return
        agreed = true
        app.quit()
      })
      .catch((error: unknown) => log.error('the quit after the question failed', { error }))
  }
  app.on('before-quit', (event) => {
    if (!agreed && question) {
      // Electron's docs ('before-quit'): "Calling event.preventDefault() will prevent the default
      // behavior, which is terminating the application" (no window is closed yet). A second quit
      // while the question is open adds nothing: the open one answers for both.
      event.preventDefault()
      if (!asking) ask(question)
      return
    }
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
    },
    stopOnSystemEnd(monitor) {
      // powerMonitor 'shutdown' (Linux and macOS): "Emitted when the system is about to reboot or
      // shut down". A question here would hold up the system (an app that prevents its quit on
      // macOS halts the shutdown), so the stop starts unasked. On macOS it comes from
      // NSWorkspaceWillPowerOffNotification, before the system's quit (electron/electron#24111),
      // so that quit's 'before-quit' finds `agreed` set; a Cmd+Q does not emit it since then.
      monitor.on('shutdown', () => {
        log.info('the system is shutting down: the app stops as on quit, without asking')
        stopThenQuit()
      })
    },
    askFirst(next) {
      question = next
    }
  }
}
