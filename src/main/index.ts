/**
 * Entry point of the desktop app's main process: hands the real Electron modules to the composition
 * root (desktop-app.ts) and reports a failed start in a dialog, since there is no window yet to
 * show it in. Everything else lives where a test can reach it.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray
} from 'electron'
import log from 'electron-log/main'
import type { TestCallSimulatorFactory } from './core/test-line'
import { APP_NAME } from './desktop/app-identity'
import { runDesktopApp } from './desktop/desktop-app'
import { createShellWords } from './desktop/shell-language'
import type { UpdaterLike } from './desktop/updater'

// electron-updater is CommonJS and defines `autoUpdater` with a getter, which Node's ESM named
// import cannot see: it is reached through the default export, and only in a packaged app.
const loadUpdater = async (): Promise<UpdaterLike> =>
  (await import('electron-updater')).default.autoUpdater

// The simulator (werift, Opus) loads only when the user places a test call, not at every start.
const testCallSimulator: TestCallSimulatorFactory = async (logger) =>
  (await import('./simulator/test-call')).createTestCallSimulator(logger)

runDesktopApp({
  electron: {
    app,
    BrowserWindow,
    Menu,
    Notification,
    Tray,
    ipcMain,
    nativeImage,
    powerMonitor,
    safeStorage,
    screen,
    session,
    shell,
    dialog,
    systemPreferences
  },
  logBackend: log,
  env: process.env,
  argv: process.argv,
  platform: process.platform,
  execPath: process.execPath,
  mainDir: import.meta.dirname,
  resourcesPath: process.resourcesPath,
  loadUpdater,
  testCallSimulator
}).catch((error: unknown) => {
  log.error('the app could not start', error)
  const message = error instanceof Error ? error.message : String(error)
  // The desk's settings may be what failed: the system's languages word the title.
  const { t } = createShellWords(app)
  dialog.showErrorBox(t('shell.dialog.couldNotStart', { app: APP_NAME }), message)
  app.exit(1)
})
