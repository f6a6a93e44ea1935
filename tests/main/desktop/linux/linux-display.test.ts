import { afterEach, describe, expect, it } from 'vitest'
import { runDesktopApp } from '../../../../src/main/desktop/desktop-app'
import {
  linuxDisplay,
  restartThroughXWayland
} from '../../../../src/main/desktop/linux/linux-display'
import { createFakeElectron } from '../../../mocks/electron'
import { fakeLogBackend } from '../../../mocks/electron-log'
import { MAIN_DIR, cleanUp, ringCall, startDesktop, type StartedDesktop } from '../desktop-fixtures'

const WAYLAND_WITH_XWAYLAND = { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }
const WAYLAND_ONLY = { WAYLAND_DISPLAY: 'wayland-0' }

describe('linuxDisplay', () => {
  it('leaves other systems and X11 sessions alone', () => {
    expect(linuxDisplay('darwin', WAYLAND_WITH_XWAYLAND, [])).toBe('x11')
    expect(linuxDisplay('win32', WAYLAND_WITH_XWAYLAND, [])).toBe('x11')
    expect(linuxDisplay('linux', { DISPLAY: ':0' }, [])).toBe('x11')
  })

  it('restarts a Wayland session through XWayland when DISPLAY says XWayland is there', () => {
    expect(linuxDisplay('linux', WAYLAND_WITH_XWAYLAND, ['/opt/x/app'])).toBe(
      'restart-through-xwayland'
    )
  })

  it('runs natively on Wayland without XWayland, or when the user asked for it', () => {
    expect(linuxDisplay('linux', WAYLAND_ONLY, [])).toBe('wayland')
    expect(linuxDisplay('linux', WAYLAND_WITH_XWAYLAND, ['app', '--ozone-platform=wayland'])).toBe(
      'wayland'
    )
  })

  it('does not restart again once started with --ozone-platform=x11', () => {
    expect(linuxDisplay('linux', WAYLAND_WITH_XWAYLAND, ['app', '--ozone-platform=x11'])).toBe(
      'x11'
    )
  })
})

describe('restartThroughXWayland', () => {
  it('relaunches the same command with the switch, then exits', () => {
    const { app } = createFakeElectron()
    app.isPackaged = true
    const leaving = restartThroughXWayland(app, {
      platform: 'linux',
      env: WAYLAND_WITH_XWAYLAND,
      argv: ['/opt/Messenger Softphone/messenger-softphone', '--hidden'],
      execPath: '/opt/Messenger Softphone/messenger-softphone'
    })
    expect(leaving).toBe(true)
    expect(app.relaunches).toEqual([
      {
        execPath: '/opt/Messenger Softphone/messenger-softphone',
        args: ['--hidden', '--ozone-platform=x11']
      }
    ])
    expect(app.exitCode).toBe(0)
  })

  it('starts the AppImage file itself, not the binary inside its vanishing mount', () => {
    const { app } = createFakeElectron()
    app.isPackaged = true
    const started: { file: string; args: string[] }[] = []
    const leaving = restartThroughXWayland(
      app,
      {
        platform: 'linux',
        env: { ...WAYLAND_WITH_XWAYLAND, APPIMAGE: '/home/u/Messenger.AppImage' },
        argv: ['/tmp/.mount_Mess/messenger-softphone'],
        execPath: '/tmp/.mount_Mess/messenger-softphone'
      },
      (file, args) => started.push({ file, args })
    )
    expect(leaving).toBe(true)
    expect(started).toEqual([
      { file: '/home/u/Messenger.AppImage', args: ['--ozone-platform=x11'] }
    ])
    // app.relaunch's helper would run from the mount, which goes away with this instance.
    expect(app.relaunches).toEqual([])
    expect(app.exitCode).toBe(0)
  })

  it('does nothing on X11, on native Wayland, or in development (electron-vite runs it)', () => {
    const { app } = createFakeElectron()
    const options = { platform: 'linux' as const, argv: [], execPath: '/x' }
    expect(restartThroughXWayland(app, { ...options, env: WAYLAND_WITH_XWAYLAND })).toBe(false)
    app.isPackaged = true
    expect(restartThroughXWayland(app, { ...options, env: { DISPLAY: ':0' } })).toBe(false)
    expect(restartThroughXWayland(app, { ...options, env: WAYLAND_ONLY })).toBe(false)
    expect(app.relaunches).toEqual([])
    expect(app.exitCode).toBeUndefined()
  })
})

describe('the desktop app on Wayland', () => {
  let started: StartedDesktop | undefined
  afterEach(async () => {
    await cleanUp(started)
    started = undefined
  })

  it('leaves for an XWayland instance before taking the lock or opening anything', async () => {
    const electron = createFakeElectron()
    electron.app.isPackaged = true
    electron.app.hasLock = false // would make it quit if it got that far
    const app = await runDesktopApp({
      electron,
      logBackend: fakeLogBackend(),
      env: WAYLAND_WITH_XWAYLAND,
      argv: ['/opt/softphone/messenger-softphone'],
      platform: 'linux',
      execPath: '/opt/softphone/messenger-softphone',
      mainDir: MAIN_DIR,
      resourcesPath: '/opt/softphone/resources',
      loadUpdater: async () => {
        throw new Error('unused')
      }
    })
    expect(app).toBeUndefined()
    expect(electron.app.relaunches).toHaveLength(1)
    expect(electron.app.exitCode).toBe(0)
    expect(electron.app.quitCalls).toBe(0)
    expect(electron.created.windows).toEqual([])
  })

  it('without XWayland, rings with a notification that opens the main window, not the toast', async () => {
    started = await startDesktop({ env: WAYLAND_ONLY })
    const { electron, app } = started
    const [main, toast] = electron.created.windows
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl || !main || !toast) throw new Error('not started')
    main.hide()
    await ringCall(webhookUrl, 'c_wayland_1')
    await expect.poll(() => electron.created.notifications.length).toBe(1)
    expect(toast.visible).toBe(false)
    electron.created.notifications[0]?.click()
    expect(main).toMatchObject({ visible: true, focused: true })
    expect(electron.app.relaunches).toEqual([])
  })
})
