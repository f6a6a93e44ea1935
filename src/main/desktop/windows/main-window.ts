/**
 * The main window: created once and never destroyed before quit, because its renderer holds the
 * call's RTCPeerConnection and must keep running while nobody looks at it. Closing it hides it in
 * the tray, or minimises it on desktops without a tray, where a hidden window could not come back.
 */
import type { BrowserWindowConstructorOptions, Event } from 'electron'
import type { Logger } from '../../core/log'
import { secureWebPreferences } from './web-preferences'

/** The window operations `revealWindow` uses. */
export interface RevealableWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

export interface MainWindowLike extends RevealableWindow {
  hide(): void
  minimize(): void
  on(event: 'close', listener: (event: Event) => void): unknown
  once(event: 'ready-to-show', listener: () => void): unknown
  loadURL(url: string): Promise<void>
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W

/** What closing the window does while the app keeps running. */
export type CloseAction = 'hide' | 'minimize'

export interface MainWindowOptions<W> {
  BrowserWindow: WindowConstructor<W>
  url: string
  preload: string
  devTools: boolean
  title: string
  /** The window icon on Linux (Windows and macOS use the executable's). */
  icon?: string | undefined
  /** Asked at each close: a tray can disappear (explorer.exe restarts) or never exist. */
  closeAction: () => CloseAction
  isQuitting: () => boolean
  /** False when the app was started at login: it waits in the tray until called. */
  showWhenReady: boolean
  log: Logger
}

export function mainWindowOptions(
  options: Pick<MainWindowOptions<unknown>, 'preload' | 'devTools' | 'title' | 'icon'>
): BrowserWindowConstructorOptions {
  return {
    width: 420,
    height: 680,
    minWidth: 360,
    minHeight: 520,
    show: false,
    title: options.title,
    ...(options.icon ? { icon: options.icon } : {}),
    // Windows and Linux: the menu (with Quit) stays reachable with Alt without taking a row.
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options)
  }
}

export function createMainWindow<W extends MainWindowLike>(options: MainWindowOptions<W>): W {
  const window = new options.BrowserWindow(mainWindowOptions(options))
  if (options.showWhenReady) window.once('ready-to-show', () => window.show())
  window.on('close', (event) => {
    if (options.isQuitting()) return
    event.preventDefault()
    if (options.closeAction() === 'hide') window.hide()
    else window.minimize()
  })
  window.loadURL(options.url).catch((error: unknown) => {
    options.log.error('the main window did not load', { error })
  })
  return window
}

/** Brings a window to the front, from the tray, a notification or a second launch. */
export function revealWindow(window: RevealableWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
