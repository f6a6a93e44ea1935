/**
 * A hand-written fake of the parts of the `electron` module the desktop shell uses (Electron
 * Fiddle's tests/mocks/electron.ts, typed). Each piece records what was done to it and offers a few
 * helpers to play the user or the operating system (close a window, navigate, wake from sleep).
 *
 * Tests take a fresh set from `createFakeElectron()`; the named exports are one shared set, for
 * `vi.mock('electron', () => import('../mocks/electron'))` when a module imports electron itself.
 */
import { EventEmitter } from 'node:events'
import type {
  BrowserWindowConstructorOptions,
  DecryptStringAsyncReturnValue,
  Event,
  HandlerDetails,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  OnHeadersReceivedListenerDetails,
  HeadersReceivedResponse,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Rectangle,
  SafeStorage,
  Session,
  Settings as LoginItemSettings,
  VisibleOnAllWorkspacesOptions,
  WindowOpenHandlerResponse
} from 'electron'

/** An Electron event: `preventDefault()` plus the event's own fields. */
export function fakeEvent<P extends object = object>(params?: P): Event<P> {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
    ...params
  }
  return event as unknown as Event<P>
}

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>
type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>
type HeadersListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void
) => void

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

export class FakeImage {
  constructor(readonly path: string) {}
}

export class FakeMenu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}

  /** The item with this label (or whose label starts with it). */
  item(label: string): MenuItemConstructorOptions | undefined {
    return this.template.find((item) => item.label?.startsWith(label))
  }

  /** Clicks an item as Electron does: a checkbox flips before its handler runs. */
  click(label: string): void {
    const item = this.item(label)
    if (!item) throw new Error(`No menu item "${label}"`)
    if (item.enabled === false) throw new Error(`Menu item "${label}" is disabled`)
    const checked = item.type === 'checkbox' ? !item.checked : Boolean(item.checked)
    type Click = Parameters<NonNullable<MenuItemConstructorOptions['click']>>
    item.click?.({ ...item, checked } as unknown as Click[0], undefined, {} as Click[2])
  }
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly sent: { channel: string; args: unknown[] }[] = []
  readonly mainFrame: FakeFrame = { url: '', parent: null }
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined
  /**
   * The page's side of `send`: a fake ipcRenderer (electron-renderer.ts) listens here. Electron
   * delivers asynchronously and copies the arguments, so this does too.
   */
  readonly pageIpc = new EventEmitter()
  private destroyed = false

  get url(): string {
    return this.mainFrame.url
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, args })
    if (this.pageIpc.listenerCount(channel) === 0) return
    const copy = structuredClone(args)
    setImmediate(() => this.pageIpc.emit(channel, fakeEvent(), ...copy))
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }

  /** The page asks to navigate (a link, a form, `location = ...`); returns whether it may. */
  navigate(url: string, isMainFrame = true): boolean {
    const event = fakeEvent({ url, isMainFrame })
    this.emit('will-navigate', event)
    return !event.defaultPrevented
  }

  /** A server redirect while loading; returns whether it may proceed. */
  redirect(url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true })
    this.emit('will-redirect', event)
    return !event.defaultPrevented
  }

  /** The page calls window.open / a target=_blank link. */
  openWindow(url: string): WindowOpenHandlerResponse | undefined {
    return this.windowOpenHandler?.({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' }
    } as HandlerDetails)
  }

  /** The page adds a <webview>; returns whether it was allowed to attach. */
  attachWebview(): boolean {
    const event = fakeEvent()
    this.emit('will-attach-webview', event, {}, {})
    return !event.defaultPrevented
  }
}

export class FakeSession {
  /** Every handler ever set, in order (null included), to check the reset-first rule. */
  readonly requestHandlerHistory: (RequestHandler | null)[] = []
  readonly checkHandlerHistory: (CheckHandler | null)[] = []
  deviceHandler: DeviceHandler | null = null
  readonly webRequest = {
    listener: undefined as HeadersListener | undefined,
    onHeadersReceived(listener: HeadersListener): void {
      this.listener = listener
    }
  }

  get requestHandler(): RequestHandler | null {
    return this.requestHandlerHistory.at(-1) ?? null
  }

  get checkHandler(): CheckHandler | null {
    return this.checkHandlerHistory.at(-1) ?? null
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandlerHistory.push(handler)
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandlerHistory.push(handler)
  }

  setDevicePermissionHandler(handler: DeviceHandler | null): void {
    this.deviceHandler = handler
  }
}

/** safeStorage with a reversible toy cipher; `available` and `backend` play the OS. */
export class FakeSafeStorage {
  available = true
  backend: StorageBackend = 'gnome_libsecret'
  /** The next decryption reports a rotated key. */
  rotateKey = false
  readonly encrypted: string[] = []

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available
  }

  getSelectedStorageBackend(): StorageBackend {
    return this.backend
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('Encryption is not available')
    this.encrypted.push(plainText)
    return Buffer.concat([
      Buffer.from('FAKE1'),
      Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a)
    ])
  }

  async decryptStringAsync(encrypted: Buffer): Promise<DecryptStringAsyncReturnValue> {
    if (!this.available) throw new Error('Decryption is not available')
    if (encrypted.subarray(0, 5).toString() !== 'FAKE1') throw new Error('Error while decrypting')
    const result = Buffer.from(encrypted.subarray(5).map((byte) => byte ^ 0x5a)).toString('utf8')
    const shouldReEncrypt = this.rotateKey
    this.rotateKey = false
    return { shouldReEncrypt, result }
  }
}

export interface FakeDisplay {
  bounds: Rectangle
  workArea: Rectangle
}

/** What every fake of one Electron instance shares: the app, and everything created so far. */
export interface FakeWorld {
  app: FakeApp
  windows: FakeBrowserWindow[]
  trays: FakeTray[]
  notifications: FakeNotification[]
}

export class FakeApp extends EventEmitter {
  isPackaged = false
  readonly paths = new Map<string, string>([['userData', '/tmp/fake-electron-user-data']])
  appPath = '/tmp/fake-electron-app'
  version = '0.1.0'
  hasLock = true
  appUserModelId: string | undefined
  readonly loginItems: LoginItemSettings[] = []
  quitCalls = 0
  /** What `setBadgeCount` last set (the Dock or launcher badge). */
  badgeCount = 0
  exitCode: number | undefined
  /** True once a quit went through (nothing prevented will-quit). */
  quitted = false
  /** What the OS lists as the user's languages (Electron: app.getPreferredSystemLanguages). */
  preferredSystemLanguages: string[] = ['en-US']
  /** Chromium's locale for the app (Electron: app.getLocale). */
  locale = 'en-US'
  /** The start-up calls in the order they came (setPath, requestSingleInstanceLock, whenReady...). */
  readonly calls: string[] = []

  constructor(private readonly windows: () => FakeBrowserWindow[]) {
    super()
  }

  getPath(name: string): string {
    const path = this.paths.get(name)
    if (!path) throw new Error(`Failed to get '${name}' path`)
    return path
  }

  setPath(name: string, path: string): void {
    this.calls.push(`setPath ${name}`)
    this.paths.set(name, path)
  }

  getAppPath(): string {
    return this.appPath
  }

  getVersion(): string {
    return this.version
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock')
    return this.hasLock
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id
  }

  async whenReady(): Promise<void> {
    this.calls.push('whenReady')
  }

  getPreferredSystemLanguages(): string[] {
    return [...this.preferredSystemLanguages]
  }

  getLocale(): string {
    return this.locale
  }

  setBadgeCount(count = 0): boolean {
    this.badgeCount = count
    return true
  }

  setLoginItemSettings(settings: LoginItemSettings): void {
    this.loginItems.push(settings)
  }

  /** What macOS reports about this start; set `wasOpenedAtLogin` before the app starts. */
  wasOpenedAtLogin = false
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return {
      openAtLogin: this.loginItems.at(-1)?.openAtLogin ?? false,
      wasOpenedAtLogin: this.wasOpenedAtLogin
    }
  }

  /**
   * Electron's order: before-quit, windows close, will-quit, then quit unless prevented; a
   * prevented before-quit stops it before any window closes.
   */
  quit(): void {
    this.quitCalls++
    const before = fakeEvent()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    for (const window of this.windows()) if (!window.isDestroyed()) window.close()
    const event = fakeEvent()
    this.emit('will-quit', event)
    if (!event.defaultPrevented) {
      this.quitted = true
      this.emit('quit', fakeEvent(), 0)
    }
  }

  exit(code = 0): void {
    this.exitCode = code
  }

  /** What `relaunch` was asked to start once this instance exits. */
  readonly relaunches: { execPath?: string; args: string[] }[] = []
  relaunch(options: { execPath?: string; args: string[] }): void {
    this.relaunches.push(options)
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  visible = false
  focused = false
  minimized = false
  destroyed = false
  bounds: Rectangle
  visibleOnAllWorkspaces: { visible: boolean; options?: VisibleOnAllWorkspacesOptions } | undefined
  loadedUrl: string | undefined

  constructor(
    world: FakeWorld,
    readonly options: BrowserWindowConstructorOptions = {}
  ) {
    super()
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600
    }
    world.windows.push(this)
    // As in Electron: every webContents is announced before anything loads in it.
    world.app.emit('web-contents-created', fakeEvent(), this.webContents)
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    this.webContents.mainFrame.url = url
  }

  /** Electron fires this once the first paint is ready. */
  ready(): void {
    this.emit('ready-to-show')
  }

  show(): void {
    this.visible = true
    this.focused = true
    this.minimized = false
  }

  showInactive(): void {
    this.visible = true
  }

  hide(): void {
    this.visible = false
    this.focused = false
  }

  focus(): void {
    this.focused = true
  }

  minimize(): void {
    this.minimized = true
    this.focused = false
  }

  restore(): void {
    this.minimized = false
  }

  isMinimized(): boolean {
    return this.minimized
  }

  isVisible(): boolean {
    return this.visible
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds }
  }

  getBounds(): Rectangle {
    return this.bounds
  }

  setVisibleOnAllWorkspaces(visible: boolean, options?: VisibleOnAllWorkspacesOptions): void {
    this.visibleOnAllWorkspaces = { visible, options }
  }

  /** Windows logs off, restarts or shuts down (Electron emits this on win32 only). */
  endSession(): void {
    this.emit('session-end', fakeEvent({ reasons: ['shutdown'] }))
  }

  /** The user (or the OS) closes the window; returns whether it really closed. */
  close(): boolean {
    const event = fakeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroy()
    return true
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.webContents.destroy()
    this.emit('closed')
  }
}

export class FakeTray extends EventEmitter {
  image: FakeImage
  tooltip = ''
  contextMenu: FakeMenu | null = null
  destroyed = false
  bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 }
  readonly guid: string | undefined
  /** How many arguments the constructor got: Windows rejects an explicit undefined GUID. */
  readonly constructorArity: number

  constructor(world: FakeWorld, args: [image: FakeImage, guid?: string]) {
    super()
    this.image = args[0]
    this.guid = args[1]
    this.constructorArity = args.length
    world.trays.push(this)
  }

  setImage(image: FakeImage): void {
    this.image = image
  }

  setToolTip(toolTip: string): void {
    this.tooltip = toolTip
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu
  }

  getBounds(): Rectangle {
    return this.bounds
  }

  destroy(): void {
    this.destroyed = true
  }
}

export class FakeNotification extends EventEmitter {
  shown = false
  closed = false

  constructor(
    world: FakeWorld,
    readonly options: NotificationConstructorOptions
  ) {
    super()
    world.notifications.push(this)
  }

  show(): void {
    this.shown = true
  }

  close(): void {
    this.closed = true
  }

  click(): void {
    this.emit('click', fakeEvent())
  }
}

/** The parts of an IPC event the shell reads. */
export interface FakeIpcEvent {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}
type IpcListener = (event: FakeIpcEvent, payload: unknown) => unknown

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, IpcListener>()

  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** What ipcRenderer.invoke would resolve with (or reject with). */
  async invoke(channel: string, event: FakeIpcEvent, payload?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, payload)
  }

  /** What ipcRenderer.send does. */
  sendFrom(channel: string, event: FakeIpcEvent, payload?: unknown): void {
    this.emit(channel, event, payload)
  }
}

export class FakeScreen {
  readonly displays: FakeDisplay[] = [
    {
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 }
    }
  ]

  getPrimaryDisplay(): FakeDisplay {
    return this.displays[0] as FakeDisplay
  }

  getDisplayMatching(rect: Rectangle): FakeDisplay {
    const cx = rect.x + rect.width / 2
    const cy = rect.y + rect.height / 2
    const inside = (d: FakeDisplay): boolean =>
      cx >= d.bounds.x &&
      cx < d.bounds.x + d.bounds.width &&
      cy >= d.bounds.y &&
      cy < d.bounds.y + d.bounds.height
    return this.displays.find(inside) ?? this.getPrimaryDisplay()
  }
}

export class FakeMenuModule {
  applicationMenu: FakeMenu | null | undefined

  buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return new FakeMenu(template)
  }

  setApplicationMenu(menu: FakeMenu | null): void {
    this.applicationMenu = menu
  }
}

export class FakeShell {
  readonly opened: string[] = []

  async openExternal(url: string): Promise<void> {
    this.opened.push(url)
  }
}

/** A message box on screen: `answer` plays the person clicking a button (by its index). */
export interface FakeMessageBox {
  /** The window it is modal to; undefined: none. */
  parent: unknown
  options: MessageBoxOptions
  answer(response: number): void
}

export class FakeDialog {
  readonly errors: { title: string; content: string }[] = []
  /** Every message box shown, in order; answered ones stay listed. */
  readonly boxes: FakeMessageBox[] = []

  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content })
  }

  /** As Electron: an optional parent window first, then the options. */
  showMessageBox(
    ...args: [parent: unknown, options: MessageBoxOptions] | [options: MessageBoxOptions]
  ): Promise<MessageBoxReturnValue> {
    const [parent, options] = args.length === 2 ? args : [undefined, args[0]]
    return new Promise((resolve) => {
      this.boxes.push({
        parent,
        options,
        answer: (response) => resolve({ response, checkboxChecked: false })
      })
    })
  }
}

/** systemPreferences' media access: `microphone` plays the OS setting, `askAnswer` the user. */
export class FakeSystemPreferences {
  microphone: 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown' = 'granted'
  /** What the user picks in macOS's prompt. */
  askAnswer = true
  asks = 0

  getMediaAccessStatus(
    mediaType: 'microphone' | 'camera' | 'screen'
  ): FakeSystemPreferences['microphone'] {
    if (mediaType !== 'microphone') throw new Error(`not faked: ${mediaType}`)
    return this.microphone
  }

  /** As on macOS: prompts only while undecided, else resolves with the existing access. */
  async askForMediaAccess(mediaType: 'microphone' | 'camera'): Promise<boolean> {
    if (mediaType !== 'microphone') throw new Error(`not faked: ${mediaType}`)
    if (this.microphone === 'not-determined') {
      this.asks++
      this.microphone = this.askAnswer ? 'granted' : 'denied'
    }
    return this.microphone === 'granted'
  }
}

export interface FakeElectron {
  app: FakeApp
  BrowserWindow: new (options?: BrowserWindowConstructorOptions) => FakeBrowserWindow
  Tray: new (image: FakeImage, guid?: string) => FakeTray
  Notification: {
    new (options: NotificationConstructorOptions): FakeNotification
    isSupported(): boolean
    /** What isSupported() answers. */
    supported: boolean
  }
  Menu: FakeMenuModule
  nativeImage: { createFromPath(path: string): FakeImage }
  ipcMain: FakeIpcMain
  session: { defaultSession: FakeSession }
  safeStorage: FakeSafeStorage
  screen: FakeScreen
  shell: FakeShell
  powerMonitor: EventEmitter
  dialog: FakeDialog
  systemPreferences: FakeSystemPreferences
  /** Everything created so far, for assertions. */
  created: FakeWorld
}

export function createFakeElectron(): FakeElectron {
  const world: FakeWorld = {
    app: new FakeApp(() => world.windows),
    windows: [],
    trays: [],
    notifications: []
  }
  const BoundNotification = class extends FakeNotification {
    static supported = true
    static isSupported(): boolean {
      return BoundNotification.supported
    }
    constructor(options: NotificationConstructorOptions) {
      super(world, options)
    }
  }
  return {
    app: world.app,
    BrowserWindow: class extends FakeBrowserWindow {
      constructor(options?: BrowserWindowConstructorOptions) {
        super(world, options)
      }
    },
    Tray: class extends FakeTray {
      constructor(...args: [image: FakeImage, guid?: string]) {
        super(world, args)
      }
    },
    Notification: BoundNotification,
    Menu: new FakeMenuModule(),
    nativeImage: { createFromPath: (path) => new FakeImage(path) },
    ipcMain: new FakeIpcMain(),
    session: { defaultSession: new FakeSession() },
    safeStorage: new FakeSafeStorage(),
    screen: new FakeScreen(),
    shell: new FakeShell(),
    powerMonitor: new EventEmitter(),
    dialog: new FakeDialog(),
    systemPreferences: new FakeSystemPreferences(),
    created: world
  }
}

/** The IPC event a renderer frame would produce (defaults: the top frame of `contents`). */
export function ipcEvent(
  contents: FakeWebContents,
  frame: Partial<FakeFrame> | null = {}
): { sender: FakeWebContents; senderFrame: FakeFrame | null } {
  return {
    sender: contents,
    senderFrame: frame === null ? null : { url: contents.url, parent: null, ...frame }
  }
}

const shared = createFakeElectron()
export const {
  app,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  ipcMain,
  session,
  safeStorage,
  screen,
  shell,
  powerMonitor,
  dialog,
  systemPreferences
} = shared
export default shared
