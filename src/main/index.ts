/**
 * Composition root of the desktop app. It only wires services together and disposes them on quit;
 * the logic lives in src/main/core (plain Node) so it can run and be tested without Electron.
 */
import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, shell } from 'electron'

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 420,
    height: 640,
    show: false,
    title: 'Messenger Softphone',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // The renderer owns the call's RTCPeerConnection: it must not be throttled while hidden.
      backgroundThrottling: false
    }
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devUrl) void window.loadURL(devUrl)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return window
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void app.whenReady().then(() => {
    ipcMain.handle('app:version', () => app.getVersion())
    let mainWindow = createMainWindow()
    app.on('second-instance', () => {
      if (mainWindow.isDestroyed()) mainWindow = createMainWindow()
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      mainWindow.focus()
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
