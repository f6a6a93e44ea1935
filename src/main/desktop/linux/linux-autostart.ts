/**
 * "Start at login" on Linux. Electron's app.setLoginItemSettings works on macOS and Windows only
 * (Electron docs, app.setLoginItemSettings: "macOS Windows"), so on Linux the app writes the
 * freedesktop autostart entry itself: $XDG_CONFIG_HOME/autostart/<desktopName> (XDG Autostart
 * specification), named like the installed .desktop file so desktops treat both as one app.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { APP_NAME, LINUX_DESKTOP_NAME } from '../app-identity'

export interface LinuxAutostartTarget {
  env: NodeJS.ProcessEnv
  /** process.execPath: the installed binary (deb), or the binary inside a mounted AppImage. */
  execPath: string
}

export function autostartFile(env: NodeJS.ProcessEnv): string | undefined {
  const configHome = env['XDG_CONFIG_HOME'] || (env['HOME'] ? join(env['HOME'], '.config') : '')
  return configHome ? join(configHome, 'autostart', LINUX_DESKTOP_NAME) : undefined
}

/** One Exec argument, quoted per the Desktop Entry spec and escaped again as a string value. */
function execArgument(value: string): string {
  const quoted = `"${value.replace(/["`$\\]/g, (c) => `\\${c}`)}"`
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')
}

export function autostartEntry(target: LinuxAutostartTarget, args: readonly string[]): string {
  // An AppImage runs from a temporary mount that is gone after logout: start the image itself.
  const program = target.env['APPIMAGE'] || target.execPath
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${APP_NAME}`,
    `Exec=${[program, ...args].map(execArgument).join(' ')}`,
    `Icon=${LINUX_DESKTOP_NAME.replace(/\.desktop$/, '')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

/** Writes or removes the entry; throws when the folder cannot be written (the caller logs it). */
export function applyLinuxAutostart(
  target: LinuxAutostartTarget,
  enabled: boolean,
  args: readonly string[]
): void {
  const file = autostartFile(target.env)
  if (!file) throw new Error('neither XDG_CONFIG_HOME nor HOME is set')
  if (!enabled) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, autostartEntry(target, args), { mode: 0o644 })
}
