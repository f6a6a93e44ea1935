/**
 * "Start at login": the saved setting drives the operating system's login item — Electron's
 * login item on macOS and Windows, an XDG autostart entry on Linux — and a start at login opens
 * no window when there is a way back to it (the Dock, or a tray icon).
 */
import type { LoginItemSettings, Settings } from 'electron'
import type { Logger } from '../core/log'
import { applyLinuxAutostart, type LinuxAutostartTarget } from './linux/linux-autostart'

/** Passed at login on Windows and Linux, so the app starts in the tray instead of its window. */
export const HIDDEN_ARG = '--hidden'

export interface LoginItemApp {
  setLoginItemSettings(settings: Settings): void
  getLoginItemSettings(): Pick<LoginItemSettings, 'wasOpenedAtLogin'>
}

export interface LoginItemTarget extends LinuxAutostartTarget {
  platform: NodeJS.Platform
  log: Logger
}

export function loginItemSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux'
}

export function applyStartAtLogin(
  app: LoginItemApp,
  enabled: boolean,
  target: LoginItemTarget
): void {
  const { platform } = target
  if (platform === 'linux') {
    try {
      applyLinuxAutostart(target, enabled, [HIDDEN_ARG])
    } catch (error) {
      target.log.warn('the autostart entry was not changed', { error })
    }
    return
  }
  if (!loginItemSupported(platform)) return
  // macOS registers the app bundle itself (no arguments); Windows the executable with its args.
  app.setLoginItemSettings(
    platform === 'win32' ? { openAtLogin: enabled, args: [HIDDEN_ARG] } : { openAtLogin: enabled }
  )
}

function startedHidden(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_ARG)
}

/**
 * Whether the main window opens at start. macOS passes no arguments to a login item; Electron
 * tells instead (Electron docs, app.getLoginItemSettings: "wasOpenedAtLogin ... true if the app
 * was opened at login automatically"). A start at login stays out of sight only where something
 * brings the window back: the Dock on macOS, else the tray icon.
 */
export function opensWindowAtStart(
  app: LoginItemApp,
  argv: readonly string[],
  platform: NodeJS.Platform,
  trayShown: boolean
): boolean {
  const atLogin =
    platform === 'darwin' ? app.getLoginItemSettings().wasOpenedAtLogin : startedHidden(argv)
  return !atLogin || !(platform === 'darwin' || trayShown)
}
