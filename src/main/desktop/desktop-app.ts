/**
 * The desktop app, wired: the desk (desktop-core, through the desk runtime) -> windows and IPC
 * (desktop-windows) -> tray, notifications and badge (shell-alerts) -> updater, and everything
 * disposed again on quit, last started first. Electron arrives as a parameter (a narrow view of
 * the module), so a test can run this whole file against a fake Electron.
 */
import { join } from 'node:path'
import { appMenuTemplate } from './app-menu'
import type { CallAlerts } from './alerts/call-alerts'
import type { SoftphoneCore } from '../core/softphone-core'
import type { LiveTunnel } from '../core/settings-effects/live-tunnel'
import type { DeskRuntime } from '../core/desk/desk-runtime'
import type { StartedCore, TunnelFactory } from '../core/start-core'
import type { TestCallSimulatorFactory } from '../core/test-line'
import { startDesktopCore } from './desktop-core'
import { openDesktopWindows } from './desktop-windows'
import { Disposables } from '../core/shared/disposables'
import { claimInstance, listenForLaunches } from './instance-lock'
import { restartThroughXWayland } from './linux/linux-display'
import { appImageSandboxNote } from './linux/linux-sandbox'
import { logFolder, setUpLogging, type LogBackend } from './logging'
import { installQuitPath } from './quit-path'
import type { SecretStorageState } from './secrets/safe-storage-store'
import { installContentSecurityPolicy } from './security/content-security-policy'
import { installPermissionHandlers } from './security/permissions'
import { safeOpenURL } from './security/safe-open-url'
import { guardWebContents } from './security/web-contents-guards'
import type { ShellElectron, ShellWindow } from './shell-electron'
import { startShellAlerts } from './shell-alerts'
import { createShellWords } from './shell-language'
import { APP_NAME } from './app-identity'
import type { ShellTray } from './tray/tray'
import { trayExpected } from './tray/tray'
import {
  packagedUpdateFeedExists,
  startUpdater,
  type UpdateState,
  type UpdaterLike
} from './updater'
import { revealWindow } from './windows/main-window'
import { createRendererSource } from './windows/renderer-source'
import { refreshOnWakeUp } from './wake-up'

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
  /** The tunnel (default: the live tunnel `npm run serve` runs); tests pass their own. */
  createTunnel?: TunnelFactory | undefined
  /** The simulator behind the "Test call" item; without it the item is greyed out. */
  testCallSimulator?: TestCallSimulatorFactory | undefined
}

export interface DesktopApp {
  /** The desk, hub or seat, and its one service (core/desk). */
  readonly runtime: DeskRuntime
  /** The hub role's core (tests); a seat has none, and asking for it then throws. */
  readonly core: SoftphoneCore
  readonly mainWindow: ShellWindow
  readonly toastWindow: ShellWindow
  readonly tray: ShellTray | undefined
  readonly alerts: CallAlerts
  /** Undefined on a seat, or when the webhook listener (or the tunnel itself) could not start. */
  readonly tunnel: LiveTunnel | undefined
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
  const quit = installQuitPath(app, async () => void (await disposables.dispose()), log)

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
  // After `ready` (Electron's getLocale needs it); the system's languages until the settings load.
  const words = createShellWords(app)
  const setAppMenu = (): void =>
    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(appMenuTemplate(platform, APP_NAME, words.t))
    )
  setAppMenu()

  const { runtime, secrets } = await startDesktopCore({
    electron,
    platform,
    env: options.env,
    logDir: logFolder(options.logBackend),
    testCallSimulator: options.testCallSimulator,
    createTunnel: options.createTunnel,
    logger,
    t: words.t
  })
  // The tunnel and the core (or the seat's link), stopped after everything below.
  disposables.add('core', () => runtime.dispose())
  words.follow(runtime.settings)
  disposables.add('language', () => words.dispose())
  disposables.add('app menu language', words.onChange(setAppMenu))
  /** The hub role's parts; undefined while this desk is a seat (it has no Page or tunnel). */
  const hub = (): StartedCore | undefined => {
    const role = runtime.current()
    return role.role === 'hub' ? role.started : undefined
  }
  // The tunnel and the Page's checks exist only in the hub role: a seat's wake-up asks nothing.
  refreshOnWakeUp(
    electron.powerMonitor,
    {
      tunnel: { refresh: () => hub()?.tunnel?.refresh() },
      core: {
        checkPage: async () => hub()?.core.checkPage(),
        checkWebhookOwner: async () => hub()?.core.checkWebhookOwner()
      }
    },
    log
  )

  const assets = app.isPackaged
    ? join(options.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources')
  const trayShown = trayExpected(platform, options.env)
  const windows = openDesktopWindows({
    electron,
    platform,
    argv: options.argv,
    mainDir: options.mainDir,
    assets,
    source,
    // The desk's one service: windows and alerts stay attached when it joins or leaves a hub.
    service: runtime.service,
    quit,
    launches,
    trayShown,
    // Asked when a window closes, long after the tray below was made (or not).
    hasTray: (): boolean => shell.tray !== undefined,
    development,
    disposables,
    logger,
    t: words.t
  })
  const shell = startShellAlerts({
    electron,
    platform,
    env: options.env,
    argv: options.argv,
    execPath: options.execPath,
    assets,
    service: runtime.service,
    settings: runtime.settings,
    windows,
    trayShown,
    testCalls: options.testCallSimulator !== undefined,
    disposables,
    logger,
    words
  })
  const { notifier } = shell

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

  log.info('desktop app ready', {
    renderer: source.url('index'),
    tray: trayShown,
    role: runtime.current().role,
    configured: hub()?.config.page.configured ?? false
  })

  return {
    runtime,
    get core() {
      const started = hub()
      if (!started) throw new Error('This desk is a seat: it runs no hub core.')
      return started.core
    },
    mainWindow: windows.mainWindow,
    toastWindow: windows.toastWindow,
    tray: shell.tray,
    alerts: shell.alerts,
    get tunnel() {
      return hub()?.tunnel
    },
    secretStorage: () => secrets.state(),
    updates: () => updater.state(),
    shutdown: async () => void (await disposables.dispose())
  }
}
