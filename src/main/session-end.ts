/**
 * Windows log-off, restart and shutdown. Electron's docs (app, events 'before-quit' and 'will-quit')
 * note that "on Windows, this event will not be emitted if the app is closed due to a
 * shutdown/restart of the system or a user logout": without this, live calls would stay open at
 * Meta and the last history entries would be lost. The window's 'session-end' (win32 only) is
 * emitted instead, and "once this event fires, there is no way to prevent the session from ending",
 * so it starts the same stop the app runs on quit, straight away.
 */
import type { Logger } from './core/log'

export interface SessionEndWindow {
  on(event: 'session-end', listener: () => void): unknown
}

export interface SessionEndOptions {
  platform: NodeJS.Platform
  /** The app's own quit path: ends live calls with Meta and flushes history; safe to call twice. */
  stop: () => void
  log: Logger
}

export function stopOnSessionEnd(window: SessionEndWindow, options: SessionEndOptions): void {
  if (options.platform !== 'win32') return
  window.on('session-end', () => {
    options.log.info('Windows is ending the session: the app stops as on quit')
    options.stop()
  })
}
