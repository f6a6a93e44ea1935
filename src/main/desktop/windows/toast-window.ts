/**
 * The incoming-call toast: the app's own small window, always on top and frameless, shown without
 * taking the focus from whatever the user is typing into. It only shows the ringing call and sends
 * Answer/Decline to main; the answering itself happens in the main window, which holds the media.
 * It is created hidden at start, so a call shows within a frame instead of after a page load.
 */
import type {
  BrowserWindowConstructorOptions,
  Event,
  Rectangle,
  Size,
  VisibleOnAllWorkspacesOptions
} from 'electron'
import type { Logger } from '../../core/log'
import type { WindowConstructor } from './main-window'
import { toastPosition } from './toast-placement'
import { secureWebPreferences } from './web-preferences'

export const TOAST_SIZE: Size = { width: 360, height: 132 }

export interface ToastWindowLike {
  isDestroyed(): boolean
  isVisible(): boolean
  showInactive(): void
  hide(): void
  setBounds(bounds: Partial<Rectangle>): void
  setVisibleOnAllWorkspaces(visible: boolean, options?: VisibleOnAllWorkspacesOptions): void
  on(event: 'close', listener: (event: Event) => void): unknown
  loadURL(url: string): Promise<void>
}

export interface ToastScreen {
  getPrimaryDisplay(): { workArea: Rectangle }
  getDisplayMatching(rect: Rectangle): { workArea: Rectangle }
}

export interface ToastWindowOptions<W> {
  BrowserWindow: WindowConstructor<W>
  url: string
  preload: string
  devTools: boolean
  platform: NodeJS.Platform
  isQuitting: () => boolean
  log: Logger
}

export function toastWindowOptions(
  options: Pick<ToastWindowOptions<unknown>, 'preload' | 'devTools' | 'platform'>
): BrowserWindowConstructorOptions {
  return {
    ...TOAST_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Incoming call',
    // macOS: a non-activating panel floats above full-screen apps and on every Space without
    // activating the app, so a ringing call never pulls the user out of what they are doing.
    ...(options.platform === 'darwin' ? { type: 'panel' } : {}),
    webPreferences: secureWebPreferences(options)
  }
}

export function createToastWindow<W extends ToastWindowLike>(options: ToastWindowOptions<W>): W {
  const window = new options.BrowserWindow(toastWindowOptions(options))
  if (options.platform === 'darwin') {
    // On every Space and above full-screen apps. Electron's docs (BrowserWindow
    // setVisibleOnAllWorkspaces, option skipTransformProcessType): by default the call "will
    // transform the process type between UIElementApplication and ForegroundApplication", and with
    // visibleOnFullScreen it leaves the app a UIElement, without Dock icon nor menu bar
    // (electron/electron#26350), while the app relies on the Dock to reopen its window. The panel
    // type (above) already floats over full-screen apps, so the transform is skipped.
    window.setVisibleOnAllWorkspaces(true, {
      visibleOnFullScreen: true,
      skipTransformProcessType: true
    })
  }
  window.on('close', (event) => {
    if (options.isQuitting()) return
    // Closing it (Alt+F4) dismisses it; it is reused for the next call.
    event.preventDefault()
    window.hide()
  })
  window.loadURL(options.url).catch((error: unknown) => {
    options.log.error('the toast window did not load', { error })
  })
  return window
}

export interface Toast {
  /** Shows the toast near the tray without taking the focus; a no-op when already shown. */
  show(): void
  hide(): void
}

export interface ToastDeps {
  window: ToastWindowLike
  screen: ToastScreen
  platform: NodeJS.Platform
  trayBounds: () => Rectangle | undefined
}

export function createToast({ window, screen, platform, trayBounds }: ToastDeps): Toast {
  return {
    show() {
      if (window.isDestroyed() || window.isVisible()) return
      const anchor = trayBounds()
      // The screen holding the tray; else the primary one, where the taskbar is by default.
      const display =
        anchor && anchor.width > 0 ? screen.getDisplayMatching(anchor) : screen.getPrimaryDisplay()
      const position = toastPosition({
        workArea: display.workArea,
        size: TOAST_SIZE,
        platform,
        trayBounds: anchor
      })
      window.setBounds({ ...position, ...TOAST_SIZE })
      window.showInactive()
    },
    hide() {
      if (!window.isDestroyed() && window.isVisible()) window.hide()
    }
  }
}
