/**
 * The AppImage on Ubuntu 24.04 and later, where AppArmor restricts unprivileged user namespaces and
 * Chromium's sandbox then cannot start.
 *
 * What the app can and cannot see: when the restriction stops the sandbox, Chromium aborts before
 * the main script runs, so the app cannot explain that failure itself (README, "Linux: the
 * AppImage on Ubuntu 24.04 and later", maps Chromium's message to the fix). The app only runs on
 * such a system when something let it: an AppArmor profile (the .deb installs one), the restriction
 * lifted, or the user's own `--no-sandbox`. The last one is what this module notices, to point to
 * the fix that keeps the sandbox (Electron's security checklist: "Enable process sandboxing"); the
 * app itself never turns the sandbox off.
 */
import { readFileSync } from 'node:fs'

export const USERNS_RESTRICTION_FILE = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'

export const APPIMAGE_SANDBOX_FIX =
  'Install the .deb package (it brings its AppArmor profile), or allow user namespaces with ' +
  '`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, then start the app without ' +
  '--no-sandbox.'

export interface SandboxCheck {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  argv: readonly string[]
  /** Reads a file's text, throwing when it is absent (default: the real file system). */
  readFile?: (path: string) => string
}

/** Whether AppArmor restricts unprivileged user namespaces here (Ubuntu 24.04+ default). */
export function userNamespacesRestricted(readFile: (path: string) => string): boolean {
  try {
    return readFile(USERNS_RESTRICTION_FILE).trim() === '1'
  } catch {
    return false // no such setting: an older kernel or no AppArmor, nothing restricts them
  }
}

/**
 * A sentence for the log when an AppImage runs without its sandbox because of the restriction;
 * undefined otherwise.
 */
export function appImageSandboxNote(check: SandboxCheck): string | undefined {
  if (check.platform !== 'linux' || !check.env['APPIMAGE']) return undefined
  if (!check.argv.includes('--no-sandbox')) return undefined
  const readFile = check.readFile ?? ((path: string) => readFileSync(path, 'utf8'))
  if (!userNamespacesRestricted(readFile)) return undefined
  return (
    'This AppImage runs without the Chromium sandbox (--no-sandbox) because AppArmor restricts ' +
    `user namespaces on this system. ${APPIMAGE_SANDBOX_FIX}`
  )
}
