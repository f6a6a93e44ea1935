/**
 * The desktop's windows and their IPC: the main window, the hidden toast window, both made clients
 * of the service in the tick they are created, and the IPC handlers that serve them. What it
 * registers is added to the app's disposables.
 */
import { join } from 'node:path'
import type { BaseWindow } from 'electron'
import type { CallAction } from '../../shared/ipc'
import { IPC } from '../../shared/ipc'
import type { Logger } from '../core/log'
import type { Disposables } from '../core/shared/disposables'
import { APP_NAME } from './app-identity'
import type { DeskServicePort } from './desk-service-port'
import type { LaunchFocus } from './instance-lock'
import { registerIpc } from './ipc/register-ipc'
import { WindowClients } from './ipc/window-clients'
import { opensWindowAtStart } from './login-item'
import { microphoneAccessCheck } from './microphone-access'
import type { QuitPath } from './quit-path'
import { startQuitQuestion } from './quit-question'
import type { ShellElectron, ShellWindow } from './shell-electron'
import type { Translate } from '../../shared/i18n/translate'
import { createMainWindow, revealWindow } from './windows/main-window'
import type { RendererSource } from './windows/renderer-source'
import { createToastWindow } from './windows/toast-window'

export interface DesktopWindowsOptions<Image, MenuT> {
  electron: ShellElectron<Image, MenuT>
  platform: NodeJS.Platform
  argv: readonly string[]
  /** The built main process folder (out/main): the preload is beside it. */
  mainDir: string
  /** The app's resources folder (the Linux window icon). */
  assets: string
  source: RendererSource
  /** The desk's service, a hub's or a seat's. */
  service: DeskServicePort
  quit: QuitPath
  launches: LaunchFocus
  /** A tray icon is expected: the window may start hidden, closing hides it. */
  trayShown: boolean
  /** Whether the tray icon exists now (created after the windows). */
  hasTray: () => boolean
  development: boolean
  disposables: Disposables
  logger: Logger
  /** The desk's language of the moment (the quit question). */
  t: Translate
}

export interface DesktopWindows {
  mainWindow: ShellWindow
  toastWindow: ShellWindow
  /** Brings the main window up and asks its page to act on a call (a notification's click). */
  forwardCallAction(action: CallAction): void
}

export function openDesktopWindows<Image, MenuT>(
  options: DesktopWindowsOptions<Image, MenuT>
): DesktopWindows {
  const { electron, platform, disposables, logger } = options
  const { app } = electron
  const log = logger.child('shell')
  const shared = {
    BrowserWindow: electron.BrowserWindow,
    preload: join(options.mainDir, '../preload/index.cjs'),
    devTools: options.development,
    isQuitting: options.quit.isQuitting,
    log
  }
  const mainWindow = createMainWindow({
    ...shared,
    url: options.source.url('index'),
    title: APP_NAME,
    icon: platform === 'linux' ? join(options.assets, 'icon.png') : undefined,
    // macOS keeps a hidden app in the Dock; elsewhere hiding needs a tray icon to come back from.
    closeAction: () => (platform === 'darwin' || options.hasTray() ? 'hide' : 'minimize'),
    showWhenReady: opensWindowAtStart(app, options.argv, platform, options.trayShown)
  })
  options.quit.stopOnSessionEnd(mainWindow, platform)
  const toastWindow = createToastWindow({
    ...shared,
    url: options.source.url('toast'),
    platform
  })
  // Same tick as the windows' creation: their pages cannot send anything before this runs.
  const clients = new WindowClients(options.service)
  disposables.add('window clients', () => clients.dispose())
  const forwardCallAction = (action: CallAction): void => {
    if (mainWindow.isDestroyed()) return
    revealWindow(mainWindow)
    mainWindow.webContents.send(IPC.callActionRequested, action)
  }
  disposables.add(
    'ipc',
    registerIpc({
      ipcMain: electron.ipcMain,
      service: options.service,
      clients,
      isOwnPage: options.source.isOwnPage,
      forwardCallAction,
      microphone: microphoneAccessCheck(electron.systemPreferences, platform),
      log: logger
    })
  )

  const ownClients = new Set(
    [mainWindow, toastWindow].map((window) => clients.attach(window.webContents).id)
  )
  options.launches.attach(mainWindow)
  options.quit.stopOnSystemEnd(electron.powerMonitor)
  const question = startQuitQuestion({
    service: options.service,
    ownClient: (id) => ownClients.has(id),
    showBox: (box) => {
      // Electron's dialog: "The `window` argument allows the dialog to attach itself to a parent
      // window, making it modal." Shown first: a sheet on a hidden window would not be seen.
      if (mainWindow.isDestroyed()) return electron.dialog.showMessageBox(box)
      revealWindow(mainWindow)
      // Made by electron.BrowserWindow, so a BaseWindow; ShellWindow types only what the shell uses.
      return electron.dialog.showMessageBox(mainWindow as unknown as BaseWindow, box)
    },
    log,
    t: options.t
  })
  disposables.add('quit question', () => question.dispose())
  options.quit.askFirst(() => question.ask())
  app.on('activate', () => revealWindow(mainWindow))
  return { mainWindow, toastWindow, forwardCallAction }
}
