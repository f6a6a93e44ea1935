import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  applyLinuxAutostart,
  autostartEntry,
  autostartFile
} from '../../../../src/main/desktop/linux/linux-autostart'
import { applyStartAtLogin, opensWindowAtStart } from '../../../../src/main/desktop/login-item'

let home: string

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'home-'))
})

afterEach(() => {
  rmSync(home, { recursive: true, force: true })
})

const neverAsked = {
  setLoginItemSettings: () => {
    throw new Error('Electron has no login item on Linux')
  },
  getLoginItemSettings: () => ({ wasOpenedAtLogin: false })
}

describe('Linux autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart, under the desktopName', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/x/config', HOME: '/home/zoe' })).toBe(
      '/x/config/autostart/messenger-softphone.desktop'
    )
    expect(autostartFile({ HOME: '/home/zoe' })).toBe(
      '/home/zoe/.config/autostart/messenger-softphone.desktop'
    )
    expect(autostartFile({})).toBeUndefined()
  })

  it('quotes the program per the Desktop Entry spec, and starts an AppImage from the image', () => {
    const odd = autostartEntry({ env: {}, execPath: '/opt/My $oft "phone"/run 100%' }, ['--hidden'])
    expect(odd).toContain('Exec="/opt/My \\\\$oft \\\\"phone\\\\"/run 100%%" "--hidden"\n')
    const image = autostartEntry(
      { env: { APPIMAGE: '/home/zoe/Apps/Softphone.AppImage' }, execPath: '/tmp/.mount_x/app' },
      ['--hidden']
    )
    expect(image).toContain('Exec="/home/zoe/Apps/Softphone.AppImage" "--hidden"\n')
    expect(image).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Messenger Softphone\n/)
  })

  it('is written when turned on and removed when turned off', () => {
    const target = { env: { HOME: home }, execPath: '/opt/softphone/messenger-softphone' }
    const file = join(home, '.config/autostart/messenger-softphone.desktop')
    applyLinuxAutostart(target, true, ['--hidden'])
    expect(readFileSync(file, 'utf8')).toContain('X-GNOME-Autostart-enabled=true')
    expect(statSync(file).mode & 0o777).toBe(0o644)
    applyLinuxAutostart(target, false, ['--hidden'])
    expect(existsSync(file)).toBe(false)
    // Turning off what is not there is fine.
    expect(() => applyLinuxAutostart(target, false, ['--hidden'])).not.toThrow()
  })

  it('a folder that cannot be written is logged, never thrown at the settings change', () => {
    const log = memoryLogger()
    applyStartAtLogin(neverAsked, true, { platform: 'linux', env: {}, execPath: '/x', log })
    expect(log.entries).toMatchObject([
      { level: 'warn', message: 'the autostart entry was not changed' }
    ])
  })
})

describe('the window at a start at login', () => {
  const app = (wasOpenedAtLogin: boolean) => ({
    ...neverAsked,
    getLoginItemSettings: () => ({ wasOpenedAtLogin })
  })

  it.each([
    ['darwin', true, [], false, false],
    ['darwin', false, [], false, true],
    // macOS passes no arguments to a login item: --hidden means nothing there.
    ['darwin', false, ['--hidden'], true, true],
    ['win32', false, ['--hidden'], true, false],
    ['win32', false, [], true, true],
    ['linux', false, ['--hidden'], true, false],
    ['linux', false, ['--hidden'], false, true]
  ] as const)(
    '%s, wasOpenedAtLogin %s, argv %j, tray %s: opens %s',
    (platform, openedAtLogin, argv, trayShown, opens) => {
      expect(opensWindowAtStart(app(openedAtLogin), argv, platform, trayShown)).toBe(opens)
    }
  )
})
