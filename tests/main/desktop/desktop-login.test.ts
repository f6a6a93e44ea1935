/**
 * The desktop app started at login, against the fake Electron: no window where something brings it
 * back (the Dock, the tray), and on Linux an XDG autostart entry that follows the setting.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientHandle } from '../../../src/main/core/service/softphone-service'
import { cleanUp, startDesktop, type StartedDesktop } from './desktop-fixtures'

let started: StartedDesktop | undefined
let configHome: string | undefined

afterEach(async () => {
  await cleanUp(started)
  started = undefined
  if (configHome) rmSync(configHome, { recursive: true, force: true })
  configHome = undefined
})

const settingsWindow: ClientHandle = { id: 'settings-view', send: () => undefined }

function mainWindowShownAtStart(desktop: StartedDesktop): boolean | undefined {
  const main = desktop.electron.created.windows[0]
  main?.ready()
  return main?.visible
}

describe('started at login', () => {
  it('on macOS: opened as a login item, the window stays closed; the Dock brings it back', async () => {
    started = await startDesktop({ platform: 'darwin', packaged: true, openedAtLogin: true })
    expect(mainWindowShownAtStart(started)).toBe(false)
  })

  it('on macOS: opened by the user, the window opens', async () => {
    started = await startDesktop({ platform: 'darwin', packaged: true })
    expect(mainWindowShownAtStart(started)).toBe(true)
  })

  it('on Windows: --hidden keeps the window in the tray', async () => {
    started = await startDesktop({ platform: 'win32', packaged: true, argv: ['--hidden'] })
    expect(mainWindowShownAtStart(started)).toBe(false)
  })

  it('on plain GNOME (no tray to come back from), --hidden still opens the window', async () => {
    started = await startDesktop({
      platform: 'linux',
      packaged: true,
      argv: ['--hidden'],
      env: { XDG_CURRENT_DESKTOP: 'GNOME' }
    })
    expect(mainWindowShownAtStart(started)).toBe(true)
  })

  it('on Linux: "Start at login" writes and removes the XDG autostart entry', async () => {
    configHome = mkdtempSync(join(tmpdir(), 'xdg-config-'))
    started = await startDesktop({
      platform: 'linux',
      packaged: true,
      env: { XDG_CONFIG_HOME: configHome, XDG_CURRENT_DESKTOP: 'KDE' }
    })
    const { app, electron } = started
    const entry = join(configHome, 'autostart', 'messenger-softphone.desktop')
    expect(existsSync(entry)).toBe(false)
    const tray = electron.created.trays[0]
    expect(tray?.contextMenu?.item('Start at login')?.checked).toBe(false)

    await app.core.service.dispatch('updateSettings', { startAtLogin: true }, settingsWindow)
    expect(readFileSync(entry, 'utf8')).toContain(
      'Exec="/opt/softphone/messenger-softphone" "--hidden"\n'
    )
    expect(tray?.contextMenu?.item('Start at login')?.checked).toBe(true)

    await app.core.service.dispatch('updateSettings', { startAtLogin: false }, settingsWindow)
    expect(existsSync(entry)).toBe(false)
    // Electron's login item is macOS and Windows only: it is never asked on Linux.
    expect(electron.app.loginItems).toEqual([])
  })
})
