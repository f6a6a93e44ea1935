/**
 * The desktop shell applying settings saved from any UI, without a restart: start at login reaches
 * the operating system and the tray's checkbox, and new tunnel settings reopen the tunnel.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientHandle } from '../../../src/main/core/service/softphone-service'
import { cleanUp, startDesktop, type StartedDesktop } from './desktop-fixtures'

let started: StartedDesktop | undefined

afterEach(async () => {
  await cleanUp(started)
  started = undefined
})

const settingsWindow: ClientHandle = { id: 'settings-view', send: () => undefined }

describe('settings changed while the desktop app runs', () => {
  it('start at login: the Settings view and the tray checkbox drive the same login item', async () => {
    started = await startDesktop({ platform: 'win32', packaged: true })
    const { electron, app } = started
    const tray = electron.created.trays[0]
    expect(electron.app.loginItems.at(-1)).toEqual({ openAtLogin: false, args: ['--hidden'] })

    await app.core.service.dispatch('updateSettings', { startAtLogin: true }, settingsWindow)
    expect(electron.app.loginItems.at(-1)).toEqual({ openAtLogin: true, args: ['--hidden'] })
    expect(tray?.contextMenu?.item('Start at login')?.checked).toBe(true)

    tray?.contextMenu?.click('Start at login')
    await expect
      .poll(() => app.core.service.dispatch('getSettings', {}, settingsWindow))
      .toMatchObject({
        startAtLogin: false
      })
    expect(electron.app.loginItems.at(-1)).toEqual({ openAtLogin: false, args: ['--hidden'] })
  })

  it('tunnel: a public address saved in Settings is used at once', async () => {
    started = await startDesktop()
    const { app } = started
    expect(app.core.status()).toMatchObject({ publicUrl: null, tunnel: { state: 'off' } })
    await app.core.service.dispatch(
      'updateSettings',
      { tunnel: { mode: 'own-url', publicUrl: 'https://desk.example.com/' } },
      settingsWindow
    )
    expect(app.core.status()).toMatchObject({
      publicUrl: 'https://desk.example.com',
      tunnel: { state: 'up', url: 'https://desk.example.com' }
    })
    await app.core.service.dispatch('updateSettings', { tunnel: { mode: 'none' } }, settingsWindow)
    expect(app.core.status()).toMatchObject({ publicUrl: null, tunnel: { state: 'off' } })
  })
})
