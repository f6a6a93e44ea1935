/**
 * The tray icon and its menu (Element's tray.ts, with the window passed in rather than global).
 * The icon shows idle / ringing / in call / offline; the menu opens the app, places a test call,
 * toggles Do not disturb and Start at login, and quits, which is the only way to end the app while
 * its window is merely hidden.
 */
import { createHash } from 'node:crypto'
import type { MenuItemConstructorOptions, Rectangle } from 'electron'
import type { Translate } from '../../../shared/i18n/translate'
import { TRAY_STATES, type TrayState, type TrayView } from './tray-state'

export interface TrayLike<Image, MenuT> {
  setImage(image: Image): void
  setToolTip(toolTip: string): void
  setContextMenu(menu: MenuT | null): void
  getBounds(): Rectangle
  on(event: 'click', listener: () => void): unknown
  destroy(): void
}

export interface TrayElectron<Image, MenuT> {
  Tray: new (image: Image, guid?: string) => TrayLike<Image, MenuT>
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): MenuT }
  nativeImage: { createFromPath(path: string): Image }
}

export interface TrayMenuState {
  doNotDisturb: boolean
  /** undefined where the app cannot start at login (see loginItemSupported). */
  startAtLogin: boolean | undefined
}

export interface TrayActions {
  open(): void
  /** Absent until the built-in test call is available: the item then says so, greyed out. */
  startTestCall?: (() => void) | undefined
  setDoNotDisturb(enabled: boolean): void
  setStartAtLogin(enabled: boolean): void
  quit(): void
}

export interface ShellTray {
  setView(view: TrayView): void
  /** Rebuilds the menu from `menuState()` and `t` (after a setting or the language changed). */
  refreshMenu(): void
  /** The icon's screen bounds, where the platform reports them (the toast goes next to it). */
  bounds(): Rectangle | undefined
  destroy(): void
}

export interface TrayOptions<Image, MenuT> {
  electron: TrayElectron<Image, MenuT>
  iconPath: (state: TrayState) => string
  platform: NodeJS.Platform
  appName: string
  /** Windows only, and only for a signed, installed build: see `trayGuid`. */
  guid?: string | undefined
  initial: TrayView
  menuState: () => TrayMenuState
  actions: TrayActions
  /** The desk's language of the moment: `refreshMenu` after it changed. */
  t: Translate
}

export function trayMenuTemplate(
  appName: string,
  state: TrayMenuState,
  actions: TrayActions,
  t: Translate
): MenuItemConstructorOptions[] {
  const testCall = actions.startTestCall
  const items: MenuItemConstructorOptions[] = [
    { label: t('shell.tray.open', { app: appName }), click: () => actions.open() },
    { type: 'separator' },
    testCall
      ? { label: t('shell.tray.testCall'), click: () => testCall() }
      : { label: t('shell.tray.testCallUnavailable'), enabled: false },
    {
      label: t('shell.tray.doNotDisturb'),
      type: 'checkbox',
      checked: state.doNotDisturb,
      click: (item) => actions.setDoNotDisturb(item.checked)
    }
  ]
  if (state.startAtLogin !== undefined) {
    items.push({
      label: t('shell.tray.startAtLogin'),
      type: 'checkbox',
      checked: state.startAtLogin,
      click: (item) => actions.setStartAtLogin(item.checked)
    })
  }
  items.push({ type: 'separator' }, { label: t('shell.tray.quit'), click: () => actions.quit() })
  return items
}

/**
 * A stable GUID for the Windows tray icon, so Windows keeps the user's "always show this icon"
 * choice across updates (https://github.com/electron/electron/pull/21891). Windows ties the GUID
 * to the code signature, or to the executable's path when unsigned, and refuses it from another
 * path; hence a GUID only for packaged builds, derived from the id and install location.
 */
export function trayGuid(appId: string, exePath: string): string {
  const hex = createHash('sha1').update(`${appId}\n${exePath}`).digest('hex')
  // Shaped as an RFC 4122 name-based (version 5) UUID, the format Windows expects.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32)
  ].join('-')
}

export function createTray<Image, MenuT>(options: TrayOptions<Image, MenuT>): ShellTray {
  const { electron } = options
  const images = new Map<TrayState, Image>(
    TRAY_STATES.map((state) => [
      state,
      electron.nativeImage.createFromPath(options.iconPath(state))
    ])
  )
  const image = (state: TrayState): Image => images.get(state) as Image
  // The GUID must be left out, not passed as undefined: Windows then throws "Invalid GUID format".
  const tray = options.guid
    ? new electron.Tray(image(options.initial.state), options.guid)
    : new electron.Tray(image(options.initial.state))
  tray.setToolTip(options.initial.tooltip)
  let current = options.initial

  const refreshMenu = (): void => {
    tray.setContextMenu(
      electron.Menu.buildFromTemplate(
        trayMenuTemplate(options.appName, options.menuState(), options.actions, options.t)
      )
    )
  }
  refreshMenu()
  // macOS opens the menu on click; Windows and Linux (where a click is reported) open the app.
  if (options.platform !== 'darwin') tray.on('click', () => options.actions.open())

  let destroyed = false
  return {
    setView(view) {
      if (destroyed) return
      if (view.state !== current.state) tray.setImage(image(view.state))
      if (view.tooltip !== current.tooltip) tray.setToolTip(view.tooltip)
      current = view
    },
    refreshMenu() {
      if (!destroyed) refreshMenu()
    },
    bounds() {
      if (destroyed) return undefined
      const bounds = tray.getBounds()
      return bounds.width > 0 && bounds.height > 0 ? bounds : undefined
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      tray.destroy()
    }
  }
}

/**
 * Whether a tray icon will be visible. On Linux the icon needs a StatusNotifier host, which plain
 * GNOME lacks (it needs the AppIndicator extension), and Electron cannot tell whether one is there
 * (https://github.com/electron/electron/issues/5872), so a bare GNOME session counts as trayless,
 * as Wire does (https://github.com/wireapp/wire-desktop/pull/970).
 */
export function trayExpected(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true
  const desktops = (env['XDG_CURRENT_DESKTOP'] ?? '').toLowerCase().split(':')
  // Ubuntu, Pop!_OS and others ship GNOME with the AppIndicator extension turned on.
  return !(desktops.length === 1 && desktops[0] === 'gnome')
}
