/**
 * The parts of the `electron` module the desktop shell uses, as narrow interfaces built from each
 * module's own needs. The real module satisfies them (index.ts passes it, so a mismatch is a compile
 * error) and so does the hand-written fake in tests/mocks/electron.ts.
 */
import type { BaseWindow, Event, MessageBoxOptions, MessageBoxReturnValue } from 'electron'
import type { IpcMainLike } from './ipc/register-ipc'
import type { ClientWebContents } from './ipc/window-clients'
import type { RelaunchingApp } from './linux/linux-display'
import type { LoginItemApp } from './login-item'
import type { LanguageApp } from './shell-language'
import type { MediaAccessPreferences } from './microphone-access'
import type { BadgeApp } from './alerts/missed-badge'
import type { NotificationFactory } from './alerts/notifications'
import type { SessionEndWindow } from './quit-path'
import type { SafeStorageLike } from './secrets/safe-storage-store'
import type { HeaderHook } from './security/content-security-policy'
import type { PermissionSession } from './security/permissions'
import type { GuardedWebContents } from './security/web-contents-guards'
import type { TrayElectron } from './tray/tray'
import type { MainWindowLike, WindowConstructor } from './windows/main-window'
import type { ToastScreen, ToastWindowLike } from './windows/toast-window'

export interface ShellApp extends LoginItemApp, BadgeApp, RelaunchingApp, LanguageApp {
  readonly isPackaged: boolean
  getPath(name: 'userData'): string
  setPath(name: 'userData', path: string): void
  getAppPath(): string
  getVersion(): string
  requestSingleInstanceLock(): boolean
  setAppUserModelId(id: string): void
  whenReady(): Promise<void>
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
  on(event: 'activate', listener: () => void): unknown
  on(event: 'before-quit', listener: (event: Event) => void): unknown
  on(event: 'will-quit', listener: (event: Event) => void): unknown
  on(
    event: 'web-contents-created',
    listener: (event: Event, contents: GuardedWebContents) => void
  ): unknown
}

export interface ShellWindow extends MainWindowLike, ToastWindowLike, SessionEndWindow {
  readonly webContents: ClientWebContents
  on(event: 'close', listener: (event: Event) => void): unknown
  on(event: 'session-end', listener: () => void): unknown
}

/** The parts of the `electron` module the shell uses. */
export interface ShellElectron<Image, MenuT> extends TrayElectron<Image, MenuT> {
  app: ShellApp
  BrowserWindow: WindowConstructor<ShellWindow>
  Menu: TrayElectron<Image, MenuT>['Menu'] & { setApplicationMenu(menu: MenuT | null): void }
  Notification: NotificationFactory
  ipcMain: IpcMainLike
  session: { defaultSession: PermissionSession & { webRequest: HeaderHook } }
  safeStorage: SafeStorageLike
  screen: ToastScreen
  shell: { openExternal(url: string): Promise<void> }
  powerMonitor: {
    on(event: 'resume', listener: () => void): unknown
    on(event: 'shutdown', listener: () => void): unknown
  }
  dialog: {
    showErrorBox(title: string, content: string): void
    showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>
    showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>
  }
  systemPreferences: MediaAccessPreferences
}
