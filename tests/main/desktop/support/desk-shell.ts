/**
 * The desktop's windows and quit path over any desk service (a fake port, a SeatService), as
 * desktop-app composes them, against a fake Electron.
 */
import { expect, vi } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import { Disposables } from '../../../../src/main/core/shared/disposables'
import type { DeskServicePort } from '../../../../src/main/desktop/desk-service-port'
import { openDesktopWindows } from '../../../../src/main/desktop/desktop-windows'
import { listenForLaunches } from '../../../../src/main/desktop/instance-lock'
import { installQuitPath } from '../../../../src/main/desktop/quit-path'
import { startShellAlerts } from '../../../../src/main/desktop/shell-alerts'
import { createShellWords } from '../../../../src/main/desktop/shell-language'
import { revealWindow } from '../../../../src/main/desktop/windows/main-window'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'
import { createFakeElectron, type FakeBrowserWindow } from '../../../mocks/electron'
import { fixedSettings } from './scripted-seat-hub'

export function openDeskShell(
  service: DeskServicePort,
  platform: NodeJS.Platform = 'linux',
  /** The OS's preferred languages (the desk's language setting is "system"). */
  systemLanguages = ['en-US']
) {
  const electron = createFakeElectron()
  electron.app.preferredSystemLanguages = systemLanguages
  const words = createShellWords(electron.app)
  const log = memoryLogger()
  const disposables = new Disposables(log)
  const stop = vi.fn(() => disposables.dispose().then(() => undefined))
  const quit = installQuitPath(electron.app, stop, log)
  const windows = openDesktopWindows({
    electron,
    platform,
    argv: [],
    mainDir: '/opt/softphone/out/main',
    assets: '/opt/softphone/resources',
    source: createRendererSource({ rendererDir: '/opt/softphone/out/renderer' }),
    service,
    quit,
    launches: listenForLaunches(electron.app, revealWindow),
    trayShown: true,
    hasTray: () => true,
    development: false,
    disposables,
    logger: log,
    t: words.t
  })
  const [mainWindow, toastWindow] = electron.created.windows as [
    FakeBrowserWindow,
    FakeBrowserWindow
  ]
  return {
    electron,
    log,
    disposables,
    quit,
    stop,
    windows,
    /** The fakes behind `windows` (made in this order), with the user's hands on them. */
    mainWindow,
    toastWindow,
    /** The service client id of the main window (what `answeredBy` names when it answered). */
    mainWindowClient: `window-${mainWindow.webContents.id}`,
    boxes: electron.dialog.boxes,
    /** The tray, notifications, toast and badge over the same service. */
    startAlerts: () =>
      startShellAlerts({
        electron,
        platform,
        env: {},
        argv: [],
        execPath: '/opt/softphone/messenger-softphone',
        assets: '/opt/softphone/resources',
        service,
        settings: fixedSettings(),
        windows,
        trayShown: true,
        testCalls: false,
        disposables,
        logger: log,
        words
      }),
    /** The tray's Quit, the app menu's Quit and Cmd+Q all come down to this. */
    askToQuit: () => electron.app.quit(),
    quitted: () => vi.waitFor(() => expect(electron.app.quitted).toBe(true))
  }
}
