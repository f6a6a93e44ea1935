import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IPC } from '../../../src/shared/ipc'
import { APP_ID } from '../../../src/main/desktop/app-identity'
import { HistoryStore } from '../../../src/main/core/history/store'
import { silentLogger } from '../../../src/main/core/log'
import { runDesktopApp } from '../../../src/main/desktop/desktop-app'
import { createFakeElectron, ipcEvent } from '../../mocks/electron'
import { fakeLogBackend } from '../../mocks/electron-log'
import { MAIN_DIR, cleanUp, ringCall, startDesktop, type StartedDesktop } from './desktop-fixtures'

let started: StartedDesktop | undefined

afterEach(async () => {
  await cleanUp(started)
  started = undefined
})

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

describe('the desktop app, composed against a fake Electron', () => {
  it('gives way to an instance that already runs', async () => {
    const electron = createFakeElectron()
    electron.app.hasLock = false
    const app = await runDesktopApp({
      electron,
      logBackend: fakeLogBackend(),
      env: {},
      argv: [],
      platform: 'linux',
      execPath: '/opt/softphone/messenger-softphone',
      mainDir: MAIN_DIR,
      resourcesPath: '/opt/softphone/resources',
      loadUpdater: async () => {
        throw new Error('unused')
      }
    })
    expect(app).toBeUndefined()
    expect(electron.app.quitCalls).toBe(1)
    expect(electron.created.windows).toEqual([])
  })

  it('opens a secured main window and a hidden toast window, both service clients', async () => {
    started = await startDesktop()
    const { electron, app } = started
    const [main, toast] = electron.created.windows
    expect(main?.loadedUrl).toBe('file:///opt/softphone/out/renderer/index.html')
    expect(toast?.loadedUrl).toBe('file:///opt/softphone/out/renderer/toast.html')
    for (const window of [main, toast]) {
      expect(window?.options.webPreferences).toMatchObject({
        preload: '/opt/softphone/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        backgroundThrottling: false
      })
    }
    expect(toast?.visible).toBe(false)
    main?.ready()
    expect(main?.visible).toBe(true)

    // Both receive service events over the event channel.
    app.core.service.publishStatus()
    expect(main?.webContents.sent.at(-1)?.channel).toBe(IPC.event)
    expect(toast?.webContents.sent.at(-1)?.channel).toBe(IPC.event)
    // Both may call the service; each is its own client.
    if (!main || !toast) throw new Error('no windows')
    const hello = async (contents: typeof main.webContents) =>
      electron.ipcMain.invoke(IPC.command, ipcEvent(contents), { command: 'hello', request: {} })
    await expect(hello(main.webContents)).resolves.toMatchObject({
      ok: true,
      result: { clientId: `window-${main.webContents.id}` }
    })
    await expect(hello(toast.webContents)).resolves.toMatchObject({
      ok: true,
      result: { clientId: `window-${toast.webContents.id}` }
    })
  })

  it('installs the security guards before any page loads', async () => {
    started = await startDesktop()
    const { electron } = started
    const session = electron.session.defaultSession
    expect(session.requestHandlerHistory[0]).toBeNull()
    expect(session.requestHandler).toBeTypeOf('function')
    expect(session.checkHandler).toBeTypeOf('function')
    expect(session.webRequest.listener).toBeTypeOf('function')
    const main = electron.created.windows[0]
    expect(main?.webContents.navigate('https://evil.example/')).toBe(false)
    expect(main?.webContents.openWindow('https://www.facebook.com/')).toEqual({ action: 'deny' })
    expect(electron.shell.opened).toEqual(['https://evil.example/', 'https://www.facebook.com/'])
    expect(electron.Menu.applicationMenu?.item('&File')).toBeDefined()
  })

  it('keeps running in the tray: closing hides, a second launch brings the window back', async () => {
    started = await startDesktop()
    const { electron } = started
    const main = electron.created.windows[0]
    if (!main) throw new Error('no window')
    main.show()
    expect(main.close()).toBe(false)
    expect(main.visible).toBe(false)
    electron.app.emit('second-instance')
    expect(main).toMatchObject({ visible: true, focused: true, destroyed: false })
    const tray = electron.created.trays[0]
    expect(tray?.tooltip).toMatch(/^Messenger Softphone: /)
    expect(tray?.contextMenu?.item('Quit')).toBeDefined()
  })

  it('takes the lock for SOFTPHONE_DATA_DIR and listens for launches before the core starts', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'softphone-profile-'))
    try {
      let listeningAtReady = 0
      started = await startDesktop({
        argv: ['--hidden'],
        env: { SOFTPHONE_DATA_DIR: elsewhere },
        prepareElectron: ({ app }) => {
          const whenReady = app.whenReady.bind(app)
          // Electron emits 'second-instance' only after ready: here, while the core starts.
          app.whenReady = async () => {
            await whenReady()
            listeningAtReady = app.listenerCount('second-instance')
            app.emit('second-instance')
          }
        }
      })
      const { electron } = started
      expect(electron.app.calls.slice(0, 3)).toEqual([
        'setPath userData',
        'requestSingleInstanceLock',
        'whenReady'
      ])
      expect(listeningAtReady).toBe(1)
      // Started hidden (at login), yet the launch during start-up brought the window up.
      expect(electron.created.windows[0]).toMatchObject({ visible: true, focused: true })
    } finally {
      await cleanUp(started)
      started = undefined
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  it('minimises on close where the desktop shows no tray (plain GNOME)', async () => {
    started = await startDesktop({ env: { XDG_CURRENT_DESKTOP: 'GNOME' } })
    const { electron } = started
    expect(electron.created.trays).toEqual([])
    const main = electron.created.windows[0]
    main?.show()
    expect(main?.close()).toBe(false)
    expect(main).toMatchObject({ minimized: true, destroyed: false })
    // Quit remains in the application menu.
    const file = electron.Menu.applicationMenu?.item('&File')
    expect(file?.submenu).toEqual([{ role: 'quit', label: 'Quit' }])
  })

  it('still raises the toast window for a ringing call where there is no tray', async () => {
    started = await startDesktop({ env: { XDG_CURRENT_DESKTOP: 'GNOME' } })
    const { electron, app } = started
    const [, toast] = electron.created.windows
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl || !toast) throw new Error('not started')
    expect(electron.created.trays).toEqual([])
    await ringCall(webhookUrl, 'c_no_tray')
    await expect.poll(() => toast.visible).toBe(true)
    expect(electron.created.notifications[0]?.shown).toBe(true)
  })

  it('keeps its files in SOFTPHONE_DATA_DIR when given, Chromium profile included', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'softphone-elsewhere-'))
    try {
      started = await startDesktop({ configured: false, env: { SOFTPHONE_DATA_DIR: elsewhere } })
      expect(started.electron.app.getPath('userData')).toBe(elsewhere)
      await started.quit()
      expect(await readdir(elsewhere)).toContain('secrets.enc')
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  it('says in a dialog which variable names a webhook port already in use, and still opens', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as AddressInfo).port
    try {
      started = await startDesktop({ env: { WEBHOOK_PORT: String(port) } })
      expect(started.electron.dialog.errors).toEqual([
        {
          title: 'Messenger Softphone cannot receive calls',
          content:
            `Port ${port} (WEBHOOK_PORT) is already in use, so another copy of the softphone is ` +
            'probably running: close it, or set WEBHOOK_PORT to a free port.'
        }
      ])
      expect(started.electron.created.windows.length).toBeGreaterThan(0)
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

  it('shows what blocks calls while no Page is set up', async () => {
    started = await startDesktop({ configured: false })
    const tray = started.electron.created.trays[0]
    expect(tray?.image.path).toBe('/tmp/fake-electron-app/resources/tray/offline.png')
    // The shell learns the status by asking the service (`hello`), a moment after the start.
    await expect.poll(() => tray?.tooltip).toContain('Not set up')
  })

  it('rings: tray, toast without focus, and a notification that opens the call', async () => {
    started = await startDesktop()
    const { electron, app } = started
    const [main, toast] = electron.created.windows
    const tray = electron.created.trays[0]
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl || !main || !toast) throw new Error('not started')
    main.hide()
    await ringCall(webhookUrl, 'c_ring_1')
    await expect.poll(() => toast.visible).toBe(true)
    expect(toast.focused).toBe(false)
    expect(tray?.image.path).toMatch(/ringing\.png$/)
    const notification = electron.created.notifications[0]
    expect(notification?.shown).toBe(true)
    expect(notification?.options.silent).toBe(true)
    notification?.click()
    expect(main).toMatchObject({ visible: true, focused: true })
    expect(main.webContents.sent.at(-1)).toEqual({
      channel: IPC.callActionRequested,
      args: [{ callId: 'c_ring_1', action: 'focus' }]
    })
  })

  it('stays quiet in Do not disturb, switched from the tray menu', async () => {
    started = await startDesktop()
    const { electron, app } = started
    const tray = electron.created.trays[0]
    tray?.contextMenu?.click('Do not disturb')
    await expect.poll(() => tray?.contextMenu?.item('Do not disturb')?.checked).toBe(true)
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl) throw new Error('not started')
    await ringCall(webhookUrl, 'c_quiet_1')
    await expect
      .poll(() => app.core.registry.get('c_quiet_1'))
      .toMatchObject({ state: 'ringing', silenced: true })
    expect(tray?.image.path).not.toMatch(/ringing\.png$/)
    expect(electron.created.windows[1]?.visible).toBe(false)
    expect(electron.created.notifications).toEqual([])
  })

  it('places a test call from the tray when the simulator is there, and greys it out when not', async () => {
    started = await startDesktop()
    expect(started.electron.created.trays[0]?.contextMenu?.item('Test call')?.enabled).toBe(false)
    await cleanUp(started)
    const opened: string[] = []
    started = await startDesktop({
      testCallSimulator: async () => {
        opened.push('simulator')
        throw new Error('no simulator in this test')
      }
    })
    const { electron } = started
    const main = electron.created.windows[0]
    electron.created.trays[0]?.contextMenu?.click('Test call')
    expect(main).toMatchObject({ visible: true, focused: true })
    await expect.poll(() => opened).toEqual(['simulator'])
  })

  it('starts the tunnel once listening, refreshes it and checks the Page and the webhook owner on wake-up, and stops it on quit', async () => {
    const calls: string[] = []
    started = await startDesktop({
      createTunnel: () => ({
        start: () => calls.push('start'),
        refresh: () => calls.push('refresh'),
        stop: () => calls.push('stop')
      })
    })
    const checkPage = vi.spyOn(started.app.core, 'checkPage')
    const checkWebhookOwner = vi.spyOn(started.app.core, 'checkWebhookOwner')
    expect(calls).toEqual(['start'])
    started.electron.powerMonitor.emit('resume')
    expect(calls).toEqual(['start', 'refresh'])
    expect(checkPage).toHaveBeenCalledOnce()
    expect(checkWebhookOwner).toHaveBeenCalledOnce()
    await started.quit()
    expect(calls).toEqual(['start', 'refresh', 'stop'])
  })

  it('stops every service when it quits, then lets Electron quit', async () => {
    started = await startDesktop()
    const { electron, app } = started
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl) throw new Error('not started')
    expect(await reachable(webhookUrl)).toBe(true)
    await started.quit()
    // Held while the calls are listed (none: no question), then held again for the stop.
    expect(electron.app.quitCalls).toBe(3)
    expect(electron.dialog.boxes).toEqual([])
    expect(await reachable(webhookUrl)).toBe(false)
    expect(electron.created.trays[0]?.destroyed).toBe(true)
    expect(electron.ipcMain.handlers.size).toBe(0)
    expect(electron.created.windows.every((window) => window.isDestroyed())).toBe(true)
  })

  it('on Windows: ends live calls and writes the history when the session ends (no will-quit then)', async () => {
    started = await startDesktop({ platform: 'win32' })
    const { electron, app, dataDir } = started
    const webhookUrl = app.core.status().webhookUrl
    const main = electron.created.windows[0]
    if (!webhookUrl || !main) throw new Error('not started')
    await ringCall(webhookUrl, 'c_session_end')
    await expect.poll(() => app.core.registry.get('c_session_end')?.state).toBe('ringing')
    const endAllLive = vi.spyOn(app.core.registry, 'endAllLive')
    main.endSession()
    main.endSession()
    await vi.waitFor(() => {
      if (!electron.app.quitted) throw new Error('still stopping')
    })
    expect(endAllLive).toHaveBeenCalledExactlyOnceWith('shutdown')
    expect(await reachable(webhookUrl)).toBe(false)
    const history = await HistoryStore.open(dataDir, silentLogger)
    expect(history.get('c_session_end')).toMatchObject({ outcome: 'missed', reason: 'shutdown' })
    await history.close()
  })

  it('leaves session-end alone outside Windows, where quit events always fire', async () => {
    started = await startDesktop({ platform: 'linux' })
    started.electron.created.windows[0]?.endSession()
    expect(started.electron.app.quitCalls).toBe(0)
  })

  it('on Windows: sets the AppUserModelID, a tray GUID and the login item when installed', async () => {
    started = await startDesktop({ platform: 'win32', packaged: true })
    const { electron } = started
    expect(electron.app.appUserModelId).toBe(APP_ID)
    expect(electron.created.trays[0]?.guid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(electron.app.loginItems).toEqual([{ openAtLogin: false, args: ['--hidden'] }])
    // The fixture's resources folder has no app-update.yml: a build without an update feed.
    expect(started.app.updates()).toEqual({
      state: 'disabled',
      reason: 'no update feed in this build'
    })
  })

  it('in development: no tray GUID, no login item, no updater', async () => {
    started = await startDesktop({ platform: 'win32' })
    const { electron } = started
    expect(electron.app.appUserModelId).toBe('/opt/softphone/messenger-softphone')
    expect(electron.created.trays[0]?.constructorArity).toBe(1)
    expect(electron.app.loginItems).toEqual([])
    expect(started.app.updates()).toMatchObject({ state: 'disabled' })
  })
})
