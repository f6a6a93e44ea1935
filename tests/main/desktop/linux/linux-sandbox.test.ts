import { describe, expect, it } from 'vitest'
import {
  USERNS_RESTRICTION_FILE,
  appImageSandboxNote,
  userNamespacesRestricted
} from '../../../../src/main/desktop/linux/linux-sandbox'

const files =
  (content: Record<string, string>) =>
  (path: string): string => {
    const text = content[path]
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    return text
  }
const RESTRICTED = files({ [USERNS_RESTRICTION_FILE]: '1\n' })
const APPIMAGE = { APPIMAGE: '/home/u/Messenger-Softphone.AppImage' }
const NO_SANDBOX = ['/tmp/.mount_x/messenger-softphone', '--no-sandbox']

describe('userNamespacesRestricted', () => {
  it('reads the AppArmor restriction setting, absent meaning unrestricted', () => {
    expect(userNamespacesRestricted(RESTRICTED)).toBe(true)
    expect(userNamespacesRestricted(files({ [USERNS_RESTRICTION_FILE]: '0\n' }))).toBe(false)
    expect(userNamespacesRestricted(files({}))).toBe(false)
  })
})

describe('appImageSandboxNote', () => {
  it('tells an AppImage started with --no-sandbox on a restricted system the fix that keeps it', () => {
    const note = appImageSandboxNote({
      platform: 'linux',
      env: APPIMAGE,
      argv: NO_SANDBOX,
      readFile: RESTRICTED
    })
    expect(note).toMatch(/without the Chromium sandbox/)
    expect(note).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0')
    expect(note).toMatch(/\.deb/)
  })

  it('says nothing otherwise', () => {
    const base = {
      platform: 'linux' as const,
      env: APPIMAGE,
      argv: NO_SANDBOX,
      readFile: RESTRICTED
    }
    expect(appImageSandboxNote({ ...base, platform: 'darwin' })).toBeUndefined()
    expect(appImageSandboxNote({ ...base, env: {} })).toBeUndefined() // the .deb: it has its profile
    expect(appImageSandboxNote({ ...base, argv: ['/tmp/.mount_x/app'] })).toBeUndefined()
    expect(appImageSandboxNote({ ...base, readFile: files({}) })).toBeUndefined()
  })
})
