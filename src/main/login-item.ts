/**
 * "Start at login": the saved setting drives the operating system's login item, on the platforms
 * where Electron can set one (macOS and Windows; Linux has no such API in Electron).
 */
import type { Settings as LoginItemSettings } from 'electron'

/** Passed at login on Windows, so the app starts in the tray instead of opening its window. */
export const HIDDEN_ARG = '--hidden'

export interface LoginItemApp {
  setLoginItemSettings(settings: LoginItemSettings): void
}

export function loginItemSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32'
}

export function applyStartAtLogin(
  app: LoginItemApp,
  enabled: boolean,
  platform: NodeJS.Platform
): void {
  if (!loginItemSupported(platform)) return
  // macOS registers the app bundle itself (no arguments); Windows the executable with its args.
  app.setLoginItemSettings(
    platform === 'win32' ? { openAtLogin: enabled, args: [HIDDEN_ARG] } : { openAtLogin: enabled }
  )
}

export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_ARG)
}
