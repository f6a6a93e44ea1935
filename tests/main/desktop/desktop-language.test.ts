/**
 * Issue 15 item 4: the texts the main process shows itself (tray tooltip and menu, notifications,
 * application menu) come from the catalogue, in the desk's language: the system's by default
 * (Electron's app.getPreferredSystemLanguages), the one Settings chose otherwise, and they follow
 * a change of it at once. Composed as the app runs, against the fake Electron.
 */
import { createServer, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientHandle } from '../../../src/main/core/service/softphone-service'
import type { FakeMenu } from '../../mocks/electron'
import { cleanUp, ringCall, startDesktop, type StartedDesktop } from './desktop-fixtures'

let started: StartedDesktop | undefined

afterEach(async () => {
  await cleanUp(started)
  started = undefined
})

const settingsWindow: ClientHandle = { id: 'settings-view', send: () => undefined }

const labels = (menu: FakeMenu | null | undefined): unknown[] =>
  (menu?.template ?? []).filter((item) => item.type !== 'separator').map((item) => item.label)

describe('the desktop shell’s own words', () => {
  it('speak Spanish on a Spanish system', async () => {
    started = await startDesktop({
      prepareElectron: ({ app }) => (app.preferredSystemLanguages = ['es-419', 'en-US'])
    })
    const { electron } = started
    const tray = electron.created.trays[0]
    expect(labels(tray?.contextMenu)).toEqual([
      'Abrir Messenger Softphone',
      'Llamada de prueba (todavía no disponible)',
      'No molestar',
      'Abrir al iniciar sesión',
      'Salir'
    ])
    await expect.poll(() => tray?.tooltip).toMatch(/^Messenger Softphone: /)
    expect(tray?.tooltip).not.toMatch(/Ready|starting|Not set up/)
    expect(labels(electron.Menu.applicationMenu)).toEqual(['&Archivo', '&Edición', '&Ver'])
  })

  it('says a webhook port in use in Spanish on a Spanish system (the settings not read yet)', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as AddressInfo).port
    try {
      started = await startDesktop({
        env: { WEBHOOK_PORT: String(port) },
        prepareElectron: ({ app }) => (app.preferredSystemLanguages = ['es-ES'])
      })
      expect(started.electron.dialog.errors).toEqual([
        {
          title: 'Messenger Softphone no puede recibir llamadas',
          content:
            `El puerto ${port} (WEBHOOK_PORT) ya está en uso; probablemente hay otra copia del ` +
            'softphone abierta: ciérrela o asigne a WEBHOOK_PORT un puerto libre.'
        }
      ])
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

  it('falls back to the app locale when the system lists no language', async () => {
    started = await startDesktop({
      prepareElectron: ({ app }) => {
        app.preferredSystemLanguages = []
        app.locale = 'es'
      }
    })
    expect(started.electron.created.trays[0]?.contextMenu?.item('Salir')).toBeDefined()
  })

  it('follows the language chosen in Settings: tray, open notification and app menu', async () => {
    started = await startDesktop()
    const { electron, app } = started
    const tray = electron.created.trays[0]
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl) throw new Error('not started')
    // No name comes back from Graph here: the caller is named as the windows name them.
    await ringCall(webhookUrl, 'c_lang_1')
    await expect.poll(() => electron.created.notifications.length).toBe(1)
    const english = electron.created.notifications[0]
    expect(english?.options).toMatchObject({
      title: 'Incoming Messenger call',
      body: 'Messenger caller is calling your Page.'
    })
    expect(tray?.tooltip).toBe('Messenger Softphone: Messenger caller is calling')
    expect(tray?.contextMenu?.item('Quit')).toBeDefined()

    await app.core.service.dispatch('updateSettings', { desk: { language: 'es' } }, settingsWindow)
    expect(english?.closed).toBe(true)
    const spanish = electron.created.notifications[1]
    expect(spanish).toMatchObject({
      shown: true,
      options: {
        title: 'Llamada entrante de Messenger',
        body: 'Cliente de Messenger está llamando a su página.'
      }
    })
    expect(tray?.tooltip).toBe('Messenger Softphone: Cliente de Messenger está llamando')
    expect(tray?.contextMenu?.item('Salir')).toBeDefined()
    expect(labels(electron.Menu.applicationMenu)).toEqual(['&Archivo', '&Edición', '&Ver'])

    await app.core.service.dispatch('updateSettings', { desk: { language: 'en' } }, settingsWindow)
    const again = electron.created.notifications[2]
    expect(again?.options.title).toBe('Incoming Messenger call')
    expect(labels(electron.Menu.applicationMenu)).toEqual(['&File', '&Edit', '&View'])
    // Shown again, it still opens the call.
    again?.click()
    expect(electron.created.windows[0]?.visible).toBe(true)
  })
})
