/** Starting the whole desktop app against the fake Electron, for the composition tests. */
import { createHmac } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { runDesktopApp, type DesktopApp } from '../../../src/main/desktop/desktop-app'
import type { TestCallSimulatorFactory } from '../../../src/main/core/test-line'
import type { TunnelFactory } from '../../../src/main/core/start-core'
import type { UpdaterLike } from '../../../src/main/desktop/updater'
import { createFakeElectron, type FakeElectron } from '../../mocks/electron'
import { fakeLogBackend, type FakeLogBackend } from '../../mocks/electron-log'

export const MAIN_DIR = '/opt/softphone/out/main'
export const PAGE_ID = '1029384756'
/** Credentials that look real enough for every redaction rule to be exercised. */
export const SECRETS = {
  pageAccessToken: 'EAAGm0PX4ZCpsBAPageTokenThatMustNeverLeaveMain1234567890',
  appSecret: 'f00dfacecafebabe0123456789abcdef',
  verifyToken: 'verify-token-that-stays-in-main-42'
}

export interface StartedDesktop {
  app: DesktopApp
  electron: FakeElectron
  log: FakeLogBackend
  dataDir: string
  loadUpdater: ReturnType<typeof vi.fn<() => Promise<UpdaterLike>>>
  /** Quits as the user would and resolves once Electron was allowed to quit. */
  quit(): Promise<void>
}

export interface StartOptions {
  platform?: NodeJS.Platform
  env?: NodeJS.ProcessEnv
  packaged?: boolean
  /** macOS: the app was started as a login item (app.getLoginItemSettings().wasOpenedAtLogin). */
  openedAtLogin?: boolean
  argv?: string[]
  configured?: boolean
  createTunnel?: TunnelFactory
  testCallSimulator?: TestCallSimulatorFactory
  /** Lays files in the data folder before the app starts (as an older version left them). */
  prepareDataDir?: (dataDir: string) => Promise<void>
  /** Plays the operating system on the fake before the app starts (events during start-up). */
  prepareElectron?: (electron: FakeElectron) => void
}

export async function startDesktop(options: StartOptions = {}): Promise<StartedDesktop> {
  const electron = createFakeElectron()
  const dataDir = await mkdtemp(join(tmpdir(), 'softphone-shell-'))
  electron.app.paths.set('userData', dataDir)
  electron.app.isPackaged = options.packaged ?? false
  electron.app.wasOpenedAtLogin = options.openedAtLogin ?? false
  const log = fakeLogBackend({ folder: join(dataDir, 'logs') })
  await options.prepareDataDir?.(dataDir)
  options.prepareElectron?.(electron)
  const loadUpdater = vi.fn<() => Promise<UpdaterLike>>(async () => {
    throw new Error('no updater in tests')
  })
  const credentials =
    options.configured === false
      ? {}
      : {
          FB_PAGE_ID: PAGE_ID,
          FB_PAGE_ACCESS_TOKEN: SECRETS.pageAccessToken,
          FB_APP_SECRET: SECRETS.appSecret,
          FB_VERIFY_TOKEN: SECRETS.verifyToken,
          // Nothing listens there: caller lookups fail fast instead of reaching Meta.
          GRAPH_API_URL: 'http://127.0.0.1:9'
        }
  const app = await runDesktopApp({
    electron,
    logBackend: log,
    env: { WEBHOOK_PORT: '0', ...credentials, ...options.env },
    argv: options.argv ?? [],
    platform: options.platform ?? 'linux',
    execPath: '/opt/softphone/messenger-softphone',
    mainDir: MAIN_DIR,
    resourcesPath: '/opt/softphone/resources',
    loadUpdater,
    createTunnel: options.createTunnel,
    testCallSimulator: options.testCallSimulator
  })
  if (!app) throw new Error('the app did not start')
  return {
    app,
    electron,
    log,
    dataDir,
    loadUpdater,
    async quit() {
      electron.app.quit()
      await vi.waitFor(() => {
        if (!electron.app.quitted) throw new Error('still quitting')
      })
    }
  }
}

export async function cleanUp(started: StartedDesktop | undefined): Promise<void> {
  if (!started) return
  await started.app.shutdown()
  await rm(started.dataDir, { recursive: true, force: true })
}

/** Delivers a Meta-signed `connect` webhook for a new call to the running core. */
export async function ringCall(
  webhookUrl: string,
  callId: string,
  psid = '7700112233'
): Promise<void> {
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: PAGE_ID,
        time: Math.floor(Date.now() / 1000),
        calls: [
          {
            id: callId,
            to: PAGE_ID,
            from: psid,
            event: 'connect',
            timestamp: Math.floor(Date.now() / 1000),
            call_direction: 'user_initiated'
          }
        ]
      }
    ]
  })
  const signature = createHmac('sha256', SECRETS.appSecret).update(body).digest('hex')
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
    body
  })
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`)
}
