/**
 * The desktop app, wired: the core (desktop-core) -> IPC -> windows -> tray
 * and alerts -> updater, and everything disposed again on quit. Electron arrives as a parameter (a
 * narrow view of the module), so a test can run this whole file against a fake Electron.
 */
import { join } from 'node:path'
import type { CallAction } from '../../shared/ipc'
import { IPC } from '../../shared/ipc'
import { appMenuTemplate } from './app-menu'
import { APP_ID, APP_NAME } from './app-identity'
import { startCallAlerts, type CallAlerts } from './alerts/call-alerts'
import type { ClientHandle } from '../core/service/softphone-service'
import type { SoftphoneCore } from '../core/softphone-core'
import type { TestCallSimulatorFactory } from '../core/test-line'
import { startDesktopCore } from './desktop-core'
import { Disposables } from '../core/shared/disposables'
import { claimInstance, listenForLaunches } from './instance-lock'
import { registerIpc } from './ipc/register-ipc'
import { WindowClients } from './ipc/window-clients'
import { linuxDisplay, NATIVE_WAYLAND_NOTE, restartThroughXWayland } from './linux/linux-display'
import { appImageSandboxNote } from './linux/linux-sandbox'
import { logFolder, setUpLogging, type LogBackend } from './logging'
import { applyStartAtLogin, loginItemSupported, opensWindowAtStart } from './login-item'
import { microphoneAccessCheck } from './microphone-access'
import { startMissedBadge } from './alerts/missed-badge'
import { createNotifier } from './alerts/notifications'
import { installQuitPath } from './quit-path'
import type { SecretStorageState } from './secrets/safe-storage-store'
import { installContentSecurityPolicy } from './security/content-security-policy'
import { installPermissionHandlers } from './security/permissions'
import { safeOpenURL } from './security/safe-open-url'
import { guardWebContents } from './security/web-contents-guards'
import type { ShellElectron, ShellWindow } from './shell-electron'
import { createTray, trayExpected, trayGuid, type ShellTray } from './tray/tray'
import type { TrayView } from './tray/tray-state'
import { trayIconPath } from './tray/tray-icons'
import { coreTunnel, type TunnelFactory, type TunnelHook } from './tunnel-hook'
import {
  packagedUpdateFeedExists,
  startUpdater,
  type UpdateState,
  type UpdaterLike
} from './updater'
import { createMainWindow, revealWindow } from './windows/main-window'
import { createRendererSource } from './windows/renderer-source'
import { refreshOnWakeUp } from './wake-up'
import { createToast, createToastWindow } from './windows/toast-window'

export interface DesktopAppOptions<Image, MenuT> {
  electron: ShellElectron<Image, MenuT>
  logBackend: LogBackend
  env: NodeJS.ProcessEnv
  argv: readonly string[]
  platform: NodeJS.Platform
  execPath: string
  /** The built main process folder (out/main): the preload and renderer are beside it. */
  mainDir: string
  /** process.resourcesPath: where a packaged app's tray icons are. */
  resourcesPath: string
  loadUpdater: () => Promise<UpdaterLike>
  /** The tunnel (default: core/tunnel's startTunnel); tests pass their own. */
  createTunnel?: TunnelFactory | undefined
  /** The simulator behind the "Test call" item; without it the item is greyed out. */
  testCallSimulator?: TestCallSimulatorFactory | undefined
}

export interface DesktopApp {
  readonly core: SoftphoneCore
  readonly mainWindow: ShellWindow
  readonly toastWindow: ShellWindow
  readonly tray: ShellTray | undefined
  readonly alerts: CallAlerts
  readonly tunnel: TunnelHook
  secretStorage(): Promise<SecretStorageState>
  updates(): UpdateState
  /** What will-quit runs: every service stopped, last created first. */
  shutdown(): Promise<void>
}

/** Resolves undefined when another instance already runs (it is focused instead). */
export async function runDesktopApp<Image, MenuT>(
  options: DesktopAppOptions<Image, MenuT>
): Promise<DesktopApp | undefined> {
  const { electron, platform } = options
  const { app } = electron
  // Before anything else (the lock included): this instance leaves for one that runs on XWayland.
  if (restartThroughXWayland(app, options)) return undefined
  if (!claimInstance(app, options)) return undefined
  // Before the core starts: a launch during start-up still brings the window up once it exists.
  const launches = listenForLaunches(app, revealWindow)

  const development = !app.isPackaged
  const logger = setUpLogging(options.logBackend, {
    development,
    level: options.env['SOFTPHONE_LOG_LEVEL']
  })
  const log = logger.child('shell')
  const sandboxNote = appImageSandboxNote(options)
  if (sandboxNote) log.warn(sandboxNote)
  const disposables = new Disposables(log)
  const quit = installQuitPath(app, () => disposables.dispose(), log)

  const source = createRendererSource({
    devServerUrl: development ? options.env['ELECTRON_RENDERER_URL'] : undefined,
    rendererDir: join(options.mainDir, '../renderer')
  })
  const openExternal = (url: string): boolean =>
    safeOpenURL(url, (target) => electron.shell.openExternal(target), log)
  // Before any window exists, so no webContents is ever unguarded.
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { isOwnPage: source.isOwnPage, openExternal, log })
  )

  await app.whenReady()
  const session = electron.session.defaultSession
  installPermissionHandlers(session, { isOwnPage: source.isOwnPage, log })
  installContentSecurityPolicy(session.webRequest, source.isOwnPage)
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(appMenuTemplate(platform)))

  const { core, config, settings, secrets } = await startDesktopCore({
    electron,
    platform,
    env: options.env,
    logDir: logFolder(options.logBackend),
    testCallSimulator: options.testCallSimulator,
    logger
  })
  // Stopped even when its listener could not start: it holds the history and the registry.
  disposables.add('core', () => core.stop())

  const tunnel = (options.createTunnel ?? coreTunnel)(core, config, logger)
  disposables.add('tunnel', () => tunnel.stop())
  refreshOnWakeUp(electron.powerMonitor, { tunnel, core }, log)

  const assets = app.isPackaged
    ? join(options.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources')
  const preload = join(options.mainDir, '../preload/index.cjs')
  const trayShown = trayExpected(platform, options.env)
  let tray: ShellTray | undefined
  const shared = {
    BrowserWindow: electron.BrowserWindow,
    preload,
    devTools: development,
    isQuitting: quit.isQuitting,
    log
  }
  const mainWindow = createMainWindow({
    ...shared,
    url: source.url('index'),
    title: APP_NAME,
    icon: platform === 'linux' ? join(assets, 'icon.png') : undefined,
    // macOS keeps a hidden app in the Dock; elsewhere hiding needs a tray icon to come back from.
    closeAction: () => (platform === 'darwin' || tray ? 'hide' : 'minimize'),
    showWhenReady: opensWindowAtStart(app, options.argv, platform, trayShown)
  })
  quit.stopOnSessionEnd(mainWindow, platform)
  const toastWindow = createToastWindow({ ...shared, url: source.url('toast'), platform })
  // Same tick as the windows' creation: their pages cannot send anything before this runs.
  const clients = new WindowClients(core.service)
  disposables.add('window clients', () => clients.dispose())
  const forwardCallAction = (action: CallAction): void => {
    if (mainWindow.isDestroyed()) return
    revealWindow(mainWindow)
    mainWindow.webContents.send(IPC.callActionRequested, action)
  }
  disposables.add(
    'ipc',
    registerIpc({
      ipcMain: electron.ipcMain,
      service: core.service,
      clients,
      isOwnPage: source.isOwnPage,
      forwardCallAction,
      microphone: microphoneAccessCheck(electron.systemPreferences, platform),
      log: logger
    })
  )

  clients.attach(mainWindow.webContents)
  clients.attach(toastWindow.webContents)
  launches.attach(mainWindow)
  app.on('activate', () => revealWindow(mainWindow))

  const menuState = () => ({
    doNotDisturb: settings.get().doNotDisturb.enabled,
    startAtLogin: loginItemSupported(platform) ? settings.get().startAtLogin : undefined
  })
  const loginItem = { platform, env: options.env, execPath: options.execPath, log }
  const saveSetting = (patch: Parameters<typeof settings.update>[0]): void => {
    settings
      .update(patch)
      .catch((error: unknown) => log.error('a setting was not saved', { error }))
  }
  const testCallClient: ClientHandle = { id: 'tray', send: () => undefined }
  const startTestCall = options.testCallSimulator
    ? () => {
        revealWindow(mainWindow)
        core.service.dispatch('startTestCall', {}, testCallClient).catch((error: unknown) => {
          log.warn('the test call did not start', { error })
        })
      }
    : undefined

  const initialView: TrayView = { state: 'offline', tooltip: `${APP_NAME}: starting` }
  if (trayShown) {
    tray = createTray({
      electron,
      iconPath: (state) => trayIconPath(assets, platform, state),
      platform,
      appName: APP_NAME,
      guid: platform === 'win32' && app.isPackaged ? trayGuid(APP_ID, options.execPath) : undefined,
      initial: initialView,
      menuState,
      actions: {
        open: () => revealWindow(mainWindow),
        startTestCall,
        setDoNotDisturb: (enabled) => saveSetting({ doNotDisturb: { enabled } }),
        setStartAtLogin: (enabled) => saveSetting({ startAtLogin: enabled }),
        quit: () => app.quit()
      }
    })
    const created = tray
    disposables.add('tray', () => created.destroy())
  }

  const nativeWayland = linuxDisplay(platform, options.env, options.argv) === 'wayland'
  if (nativeWayland) log.warn(NATIVE_WAYLAND_NOTE)
  const notifier = createNotifier({
    Notification: electron.Notification,
    appName: APP_NAME,
    onCallClicked: (callId) => forwardCallAction({ callId, action: 'focus' }),
    onUpdateClicked: () => revealWindow(mainWindow)
  })
  disposables.add('notifications', () => notifier.dispose())
  const toast = createToast({
    window: toastWindow,
    screen: electron.screen,
    platform,
    trayBounds: () => tray?.bounds()
  })
  // Before the alerts, whose tray views it adds the count to; later counts redraw the tray.
  const missedBadge = startMissedBadge({
    service: core.service,
    initial: core.history.unseenMissedCount(),
    app,
    platform,
    onChange: () => tray?.setView(missedBadge.decorate(alerts.view()))
  })
  disposables.add('missed badge', () => missedBadge.dispose())
  const alerts = startCallAlerts({
    service: core.service,
    initial: { calls: core.registry.list(), status: core.status() },
    appName: APP_NAME,
    doNotDisturb: () => settings.get().doNotDisturb.enabled,
    showView: (view) => tray?.setView(missedBadge.decorate(view)),
    toast,
    notifier,
    floatingToast: !nativeWayland
  })
  disposables.add('alerts', () => alerts.dispose())
  disposables.add(
    'settings',
    settings.onChange((next, previous) => {
      if (next.doNotDisturb.enabled !== previous.doNotDisturb.enabled) alerts.refresh()
      if (next.startAtLogin !== previous.startAtLogin && app.isPackaged) {
        applyStartAtLogin(app, next.startAtLogin, loginItem)
      }
      tray?.refreshMenu()
    })
  )
  // A login item names the executable: a development run must not register electron itself.
  if (app.isPackaged) applyStartAtLogin(app, settings.get().startAtLogin, loginItem)

  const updater = startUpdater({
    enabled: app.isPackaged,
    hasUpdateFeed: () => packagedUpdateFeedExists(options.resourcesPath),
    load: options.loadUpdater,
    onState: (state) => {
      if (state.state === 'ready') notifier.updateReady(state.version)
    },
    log: logger
  })
  disposables.add('updater', () => updater.dispose())

  if (core.status().webhookUrl) {
    try {
      tunnel.start()
    } catch (error) {
      log.error('the tunnel did not start', { error })
    }
  }
  log.info('desktop app ready', {
    renderer: source.url('index'),
    tray: trayShown,
    configured: config.page.configured
  })

  return {
    core,
    mainWindow,
    toastWindow,
    tray,
    alerts,
    tunnel,
    secretStorage: () => secrets.state(),
    updates: () => updater.state(),
    shutdown: () => disposables.dispose()
  }
}
