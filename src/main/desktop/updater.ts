/**
 * Updates with electron-updater from the GitHub releases: a check at start and then daily; an
 * update found is downloaded in the background and installed when the user quits (never in the
 * middle of a call). The user is told when one is ready. Off in development, where there is no
 * installed app to update, and in a build without an update feed; browser mode never loads this
 * module.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../core/log'

export const UPDATE_INTERVAL_MS = 24 * 60 * 60 * 1000
/** The first check waits for the app to settle, so it does not compete with the start. */
export const FIRST_CHECK_DELAY_MS = 10_000

export type UpdateState =
  | { state: 'disabled'; reason: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'downloading'; version: string }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string }

/** The part of electron-updater's AppUpdater this module drives. */
export interface UpdaterLike {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  logger: UpdaterLogger | null
  checkForUpdates(): Promise<unknown>
  on(event: 'checking-for-update', listener: () => void): unknown
  on(event: 'update-not-available', listener: () => void): unknown
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdaterLogger {
  info(message?: unknown): void
  warn(message?: unknown): void
  error(message?: unknown): void
  debug?(message: string): void
}

export interface UpdaterOptions {
  /** False in development (`!app.isPackaged`). */
  enabled: boolean
  /** Loads electron-updater only when enabled: it reads the packaged app's update config. */
  load: () => Promise<UpdaterLike>
  /** Whether this build names an update feed (see packagedUpdateFeedExists). */
  hasUpdateFeed: () => boolean
  onState: (state: UpdateState) => void
  log: Logger
  intervalMs?: number
  firstCheckDelayMs?: number
}

export interface Updater {
  state(): UpdateState
  /** Checks now unless a check is already running. */
  check(): Promise<void>
  dispose(): void
}

/**
 * electron-builder writes resources/app-update.yml only when the build has a `publish` target, and
 * electron-updater reads its feed from exactly that file (electron-builder docs, "Auto Update":
 * "app-update.yml ... will be generated automatically"). A local `npm run dist` without publish
 * config has none: every check would only fail with ENOENT, so there is nothing to check.
 */
export function packagedUpdateFeedExists(resourcesPath: string): boolean {
  return existsSync(join(resourcesPath, 'app-update.yml'))
}

function disabledReason(options: UpdaterOptions): string | undefined {
  if (!options.enabled) return 'development build'
  if (!options.hasUpdateFeed()) return 'no update feed in this build'
  return undefined
}

function updaterLogger(log: Logger): UpdaterLogger {
  const text = (message: unknown): string =>
    typeof message === 'string' ? message : String(message)
  return {
    info: (message) => log.info(text(message)),
    warn: (message) => log.warn(text(message)),
    error: (message) => log.error(text(message)),
    debug: (message) => log.debug(message)
  }
}

export function startUpdater(options: UpdaterOptions): Updater {
  const log = options.log.child('updater')
  const off = disabledReason(options)
  let state: UpdateState = off ? { state: 'disabled', reason: off } : { state: 'idle' }
  const set = (next: UpdateState): void => {
    state = next
    options.onState(next)
  }
  if (off) {
    log.info(`Updates are off: ${off}, so the app never checks for a new version.`)
    return { state: () => state, check: async () => undefined, dispose: () => undefined }
  }

  let updater: Promise<UpdaterLike> | undefined
  let running: Promise<void> | undefined
  let disposed = false

  const loadUpdater = (): Promise<UpdaterLike> => {
    updater ??= options.load().then((instance) => {
      instance.autoDownload = true
      instance.autoInstallOnAppQuit = true
      instance.logger = updaterLogger(log)
      instance.on('checking-for-update', () => set({ state: 'checking' }))
      instance.on('update-not-available', () => set({ state: 'idle' }))
      instance.on('update-available', (info) =>
        set({ state: 'downloading', version: info.version })
      )
      instance.on('update-downloaded', (info) => set({ state: 'ready', version: info.version }))
      // Offline is the usual cause: logged, shown as state, never a dialog.
      instance.on('error', (error) => set({ state: 'error', message: error.message }))
      return instance
    })
    return updater
  }

  const check = (): Promise<void> => {
    if (disposed) return Promise.resolve()
    // A downloaded update waits for the quit; checking again would only download it again.
    if (state.state === 'ready') return Promise.resolve()
    running ??= loadUpdater()
      .then((instance) => instance.checkForUpdates())
      .then(
        () => undefined,
        (error: unknown) => {
          log.warn('update check failed', { error })
          set({ state: 'error', message: error instanceof Error ? error.message : String(error) })
        }
      )
      .finally(() => {
        running = undefined
      })
    return running
  }

  const first = setTimeout(() => void check(), options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS)
  const daily = setInterval(() => void check(), options.intervalMs ?? UPDATE_INTERVAL_MS)

  return {
    state: () => state,
    check,
    dispose() {
      disposed = true
      clearTimeout(first)
      clearInterval(daily)
    }
  }
}
