/**
 * How the desktop tells the user about calls outside the window: the tray icon and its menu, the
 * notifications, the toast, the missed-calls badge, and the settings that change them (Do not
 * disturb, start at login). What it starts is added to the app's disposables.
 */
import type { SettingsStore } from '../core/config'
import type { Logger } from '../core/log'
import type { ClientHandle } from '../core/service/softphone-service'
import type { Disposables } from '../core/shared/disposables'
import { startCallAlerts, type CallAlerts } from './alerts/call-alerts'
import { startMissedBadge } from './alerts/missed-badge'
import { createNotifier, type Notifier } from './alerts/notifications'
import { APP_ID, APP_NAME } from './app-identity'
import type { DeskServicePort } from './desk-service-port'
import type { DesktopWindows } from './desktop-windows'
import { linuxDisplay, NATIVE_WAYLAND_NOTE } from './linux/linux-display'
import { applyStartAtLogin, loginItemSupported } from './login-item'
import type { ShellElectron } from './shell-electron'
import type { ShellWords } from './shell-language'
import { createTray, trayGuid, type ShellTray } from './tray/tray'
import { trayIconPath } from './tray/tray-icons'
import { startingView } from './tray/tray-state'
import { revealWindow } from './windows/main-window'
import { createToast } from './windows/toast-window'

export interface ShellAlertsOptions<Image, MenuT> {
  electron: ShellElectron<Image, MenuT>
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  argv: readonly string[]
  execPath: string
  /** The app's resources folder (the tray icons). */
  assets: string
  /** The desk's service, a hub's or a seat's: everything shown comes from it. */
  service: DeskServicePort
  /** This desk's settings (a seat keeps its own per-desk ones too). */
  settings: Pick<SettingsStore, 'get' | 'update' | 'onChange'>
  windows: DesktopWindows
  trayShown: boolean
  /** The tray's "Test call" item works (the simulator is there); greyed out otherwise. */
  testCalls: boolean
  disposables: Disposables
  logger: Logger
  /** The desk's language: the tray, its menu and the open notifications follow it. */
  words: Pick<ShellWords, 't' | 'onChange'>
}

export interface ShellAlerts {
  tray: ShellTray | undefined
  alerts: CallAlerts
  notifier: Notifier
}

export function startShellAlerts<Image, MenuT>(
  options: ShellAlertsOptions<Image, MenuT>
): ShellAlerts {
  const { electron, platform, service, settings, disposables } = options
  const { t } = options.words
  const { mainWindow, toastWindow, forwardCallAction } = options.windows
  const { app } = electron
  const log = options.logger.child('shell')

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
  const startTestCall = options.testCalls
    ? () => {
        revealWindow(mainWindow)
        service.dispatch('startTestCall', {}, testCallClient).catch((error: unknown) => {
          log.warn('the test call did not start', { error })
        })
      }
    : undefined

  let tray: ShellTray | undefined
  if (options.trayShown) {
    tray = createTray({
      electron,
      iconPath: (state) => trayIconPath(options.assets, platform, state),
      platform,
      appName: APP_NAME,
      guid: platform === 'win32' && app.isPackaged ? trayGuid(APP_ID, options.execPath) : undefined,
      initial: startingView(APP_NAME, t),
      menuState,
      t,
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
    t,
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
    service,
    app,
    platform,
    t,
    onChange: () => tray?.setView(missedBadge.decorate(alerts.view())),
    onAskFailed: (error) => log.warn('the missed-call count was not read', { error })
  })
  disposables.add('missed badge', () => missedBadge.dispose())
  const alerts = startCallAlerts({
    service,
    appName: APP_NAME,
    t,
    doNotDisturb: () => settings.get().doNotDisturb.enabled,
    showView: (view) => tray?.setView(missedBadge.decorate(view)),
    toast,
    notifier,
    floatingToast: !nativeWayland,
    onHelloFailed: (error) => log.warn('the service did not say where calls stand', { error })
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
  disposables.add(
    'shell language',
    options.words.onChange(() => {
      alerts.refresh()
      tray?.refreshMenu()
      notifier.retranslate()
    })
  )
  // A login item names the executable: a development run must not register electron itself.
  if (app.isPackaged) applyStartAtLogin(app, settings.get().startAtLogin, loginItem)
  return { tray, alerts, notifier }
}
