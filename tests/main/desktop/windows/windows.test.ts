import { describe, expect, it } from 'vitest'
import type { Rectangle } from 'electron'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  createMainWindow,
  revealWindow,
  type CloseAction
} from '../../../../src/main/desktop/windows/main-window'
import { toastPosition } from '../../../../src/main/desktop/windows/toast-placement'
import {
  TOAST_SIZE,
  createToast,
  createToastWindow
} from '../../../../src/main/desktop/windows/toast-window'
import { createFakeElectron, type FakeElectron } from '../../../mocks/electron'

const PRELOAD = '/opt/app/out/preload/index.cjs'

function mainWindow(
  electron: FakeElectron,
  options: { closeAction?: CloseAction; quitting?: () => boolean; showWhenReady?: boolean } = {}
) {
  return createMainWindow({
    BrowserWindow: electron.BrowserWindow,
    url: 'file:///opt/app/out/renderer/index.html',
    preload: PRELOAD,
    devTools: false,
    title: 'Messenger Softphone',
    closeAction: () => options.closeAction ?? 'hide',
    isQuitting: options.quitting ?? (() => false),
    showWhenReady: options.showWhenReady ?? true,
    log: memoryLogger()
  })
}

function toastWindow(electron: FakeElectron, platform: NodeJS.Platform = 'win32') {
  return createToastWindow({
    BrowserWindow: electron.BrowserWindow,
    url: 'file:///opt/app/out/renderer/toast.html',
    preload: PRELOAD,
    devTools: false,
    platform,
    isQuitting: () => false,
    log: memoryLogger()
  })
}

describe('web preferences of both windows', () => {
  const electron = createFakeElectron()
  it.each([
    ['main', mainWindow(electron)],
    ['toast', toastWindow(electron)]
  ])('%s window: isolated, sandboxed, no Node, not throttled', (_name, window) => {
    expect(window.options.webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required'
    })
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(window.options.show).toBe(false)
  })
})

describe('main window', () => {
  it('loads the app page and shows itself once painted', () => {
    const electron = createFakeElectron()
    const window = mainWindow(electron)
    expect(window.loadedUrl).toBe('file:///opt/app/out/renderer/index.html')
    expect(window.visible).toBe(false)
    window.ready()
    expect(window.visible).toBe(true)
  })

  it('stays hidden when started at login', () => {
    const window = mainWindow(createFakeElectron(), { showWhenReady: false })
    window.ready()
    expect(window.visible).toBe(false)
  })

  it('hides instead of closing while a tray icon can bring it back', () => {
    const window = mainWindow(createFakeElectron(), { closeAction: 'hide' })
    window.show()
    expect(window.close()).toBe(false)
    expect(window.isDestroyed()).toBe(false)
    expect(window.visible).toBe(false)
  })

  it('minimises instead of closing where there is no tray', () => {
    const window = mainWindow(createFakeElectron(), { closeAction: 'minimize' })
    window.show()
    expect(window.close()).toBe(false)
    expect(window.isDestroyed()).toBe(false)
    expect(window.visible).toBe(true)
    expect(window.minimized).toBe(true)
  })

  it('really closes when the app quits', () => {
    const window = mainWindow(createFakeElectron(), { quitting: () => true })
    expect(window.close()).toBe(true)
    expect(window.isDestroyed()).toBe(true)
  })

  it('comes back restored, shown and focused', () => {
    const window = mainWindow(createFakeElectron(), { closeAction: 'minimize' })
    window.close()
    revealWindow(window)
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true })
  })
})

describe('toast window', () => {
  it('is a small frameless always-on-top window outside the taskbar', () => {
    const window = toastWindow(createFakeElectron())
    expect(window.options).toMatchObject({
      ...TOAST_SIZE,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      show: false
    })
    expect(window.loadedUrl).toBe('file:///opt/app/out/renderer/toast.html')
    expect(window.options.type).toBeUndefined()
  })

  it('floats over full-screen apps on every Space on macOS, and leaves the Dock icon alone', () => {
    const window = toastWindow(createFakeElectron(), 'darwin')
    expect(window.options.type).toBe('panel')
    // Without skipTransformProcessType Electron turns the app into a UIElement: no Dock icon.
    expect(window.visibleOnAllWorkspaces).toEqual({
      visible: true,
      options: { visibleOnFullScreen: true, skipTransformProcessType: true }
    })
  })

  it('is dismissed, not destroyed, by closing it', () => {
    const window = toastWindow(createFakeElectron())
    window.showInactive()
    expect(window.close()).toBe(false)
    expect(window.visible).toBe(false)
  })

  it('shows in the work area corner without taking the focus, once', () => {
    const electron = createFakeElectron()
    const window = toastWindow(electron)
    const toast = createToast({
      window,
      screen: electron.screen,
      platform: 'win32',
      trayBounds: () => undefined
    })
    toast.show()
    expect(window.visible).toBe(true)
    expect(window.focused).toBe(false)
    expect(window.bounds).toEqual({ x: 1920 - 360 - 12, y: 1040 - 132 - 12, ...TOAST_SIZE })
    window.setBounds({ x: 5, y: 5 })
    toast.show()
    expect(window.bounds.x).toBe(5)
    toast.hide()
    expect(window.visible).toBe(false)
  })

  it('appears on the screen that holds the tray icon', () => {
    const electron = createFakeElectron()
    electron.screen.displays.push({
      bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
      workArea: { x: 1920, y: 0, width: 1280, height: 984 }
    })
    const window = toastWindow(electron)
    const trayBounds: Rectangle = { x: 3100, y: 990, width: 24, height: 24 }
    createToast({
      window,
      screen: electron.screen,
      platform: 'win32',
      trayBounds: () => trayBounds
    }).show()
    expect(window.bounds).toMatchObject({ x: 1920 + 1280 - 360 - 12, y: 984 - 132 - 12 })
  })
})

describe('toast placement', () => {
  const workArea: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 }
  const size = { width: 360, height: 132 }
  const right = 1920 - 360 - 12
  const bottom = 1040 - 132 - 12

  it.each<[string, NodeJS.Platform, Rectangle | undefined, { x: number; y: number }]>([
    ['Windows: bottom right', 'win32', undefined, { x: right, y: bottom }],
    ['Linux: bottom right', 'linux', undefined, { x: right, y: bottom }],
    ['macOS: top right, under the menu bar', 'darwin', undefined, { x: right, y: 12 }],
    [
      'Linux tray without bounds',
      'linux',
      { x: 0, y: 0, width: 0, height: 0 },
      { x: right, y: bottom }
    ],
    [
      'macOS tray icon near the right',
      'darwin',
      { x: 1700, y: 0, width: 22, height: 22 },
      { x: right, y: 12 }
    ],
    [
      'Windows taskbar at the top',
      'win32',
      { x: 1800, y: 4, width: 24, height: 24 },
      { x: right, y: 12 }
    ],
    [
      'Windows taskbar on the left',
      'win32',
      { x: 4, y: 1000, width: 24, height: 24 },
      { x: 12, y: bottom }
    ]
  ])('%s', (_name, platform, trayBounds, expected) => {
    expect(toastPosition({ workArea, size, platform, trayBounds })).toEqual(expected)
  })

  it('keeps the toast on a work area that does not start at 0,0', () => {
    const offset: Rectangle = { x: -1280, y: 200, width: 1280, height: 984 }
    expect(toastPosition({ workArea: offset, size, platform: 'win32' })).toEqual({
      x: -1280 + 1280 - 360 - 12,
      y: 200 + 984 - 132 - 12
    })
  })

  it('keeps the top left corner on screen when the work area is smaller than the toast', () => {
    const tiny: Rectangle = { x: 10, y: 20, width: 300, height: 100 }
    expect(toastPosition({ workArea: tiny, size, platform: 'linux' })).toEqual({ x: 10, y: 20 })
  })
})
