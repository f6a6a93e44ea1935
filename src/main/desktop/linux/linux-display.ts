/**
 * Which display server the app runs on under Linux, and running it through XWayland where a
 * Wayland session has it.
 *
 * Electron runs natively on Wayland when WAYLAND_DISPLAY is set, and there (electron.d.ts,
 * BrowserWindow) `setAlwaysOnTop`, `showInactive` and `setPosition` are "not supported on Wayland
 * (Linux)": the ringing toast would land anywhere, take the focus and may be buried. Under XWayland
 * they work as on X11.
 *
 * Chromium picks its display backend (Ozone) before the main script runs, so
 * `app.commandLine.appendSwitch('ozone-platform', 'x11')` comes too late: only a real command-line
 * switch counts. A fixed `--ozone-platform=x11` in the .desktop file (electron-builder
 * `linux.executableArgs`) would stop the app from starting at all where XWayland is missing, and a
 * directly started AppImage has no .desktop file. So the main process restarts itself once with the
 * switch when, and only when, XWayland is there: through `app.relaunch`, whose `args` option is
 * Electron's documented way to start the new instance with other switches ("does not quit the app
 * [...] call app.quit or app.exit after"), or, for an AppImage, by starting the AppImage file.
 *
 * The detection: a Wayland session is one with WAYLAND_DISPLAY set; XWayland is there when DISPLAY
 * is set as well (compositors export DISPLAY only when they run XWayland). An explicit
 * `--ozone-platform=` given by the user is always respected.
 */

import { spawn } from 'node:child_process'

export type LinuxDisplay =
  /** Not Linux, or an X11 session: nothing to do. */
  | 'x11'
  /** A Wayland session with XWayland: restart once with --ozone-platform=x11. */
  | 'restart-through-xwayland'
  /** Native Wayland (no XWayland, or the user asked for it): no floating toast. */
  | 'wayland'

export const OZONE_X11_SWITCH = '--ozone-platform=x11'

export const NATIVE_WAYLAND_NOTE =
  'native Wayland without XWayland: ringing calls show as notifications, not the floating toast'

export function linuxDisplay(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[]
): LinuxDisplay {
  if (platform !== 'linux') return 'x11'
  const explicit = argv.find((arg) => arg.startsWith('--ozone-platform='))
  if (explicit !== undefined) return explicit === OZONE_X11_SWITCH ? 'x11' : 'wayland'
  if (!env['WAYLAND_DISPLAY']) return 'x11'
  return env['DISPLAY'] ? 'restart-through-xwayland' : 'wayland'
}

export interface RelaunchingApp {
  readonly isPackaged: boolean
  relaunch(options: { execPath?: string; args: string[] }): void
  exit(code?: number): void
}

/** Starts a program that outlives this process (default: a detached child_process.spawn). */
export type SpawnDetached = (file: string, args: string[]) => void

const spawnDetached: SpawnDetached = (file, args) => {
  spawn(file, args, { detached: true, stdio: 'ignore' }).unref()
}

/**
 * Restarts the app through XWayland when `linuxDisplay` says so; returns true when this instance
 * is on its way out (it then must do nothing more, not even take the single-instance lock).
 */
export function restartThroughXWayland(
  app: RelaunchingApp,
  options: {
    platform: NodeJS.Platform
    env: Readonly<Record<string, string | undefined>>
    argv: readonly string[]
    execPath: string
  },
  start: SpawnDetached = spawnDetached
): boolean {
  // Only a packaged app: `npm run dev` and `npm start` run Electron as a child of electron-vite,
  // which stops its dev server when that child exits (pass --ozone-platform=x11 there by hand).
  const display = linuxDisplay(options.platform, options.env, options.argv)
  if (!app.isPackaged || display !== 'restart-through-xwayland') return false
  const args = [...options.argv.slice(1), OZONE_X11_SWITCH]
  const appImage = options.env['APPIMAGE']
  // An AppImage runs from a mount that disappears when this instance exits, and app.relaunch's
  // helper process runs from that mount too (electron-builder#1727): start the AppImage file
  // itself (its runtime sets APPIMAGE to it) now, in a mount of its own.
  if (appImage) start(appImage, args)
  else app.relaunch({ execPath: options.execPath, args })
  app.exit(0)
  return true
}
