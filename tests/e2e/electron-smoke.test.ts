/**
 * The real desktop app, through Playwright's Electron driver: it starts from the build, opens its
 * window with only the preload's bridges in the page, takes the built-in test call, and answers a
 * Messenger call from the toast with real audio both ways, measured as the browser tests measure it
 * (the page's getStats() audio energy coming in; the simulated caller's level going out), then
 * hangs up and checks that the call is over on screen and at "Meta". The simulator runs in this
 * test process and plays Meta: the app is pointed at it by the same environment variables a
 * headless run uses.
 *
 * It needs the Electron binary. Where it is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, as on the
 * CI machines without internet) the suite is skipped and says so. On Linux it needs a display (run
 * under xvfb-run there).
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { findElectronBinary } from '../../scripts/electron-binary'
import { startSimulator, type Simulator } from '../../src/main/simulator/simulator'
import { pageHearing, RECORD_PEER_CONNECTIONS } from './support/browser'
import { writeToneWav } from './support/tone-wav'

const ROOT = join(import.meta.dirname, '../..')
/** What the app's fake microphone plays; the simulated caller answers with 440 Hz. */
const MICROPHONE_HZ = 880
/** Well above the caller's silence floor (-60 dBFS) and well below the half-scale tone (-9). */
const AUDIBLE_DBFS = -45

const electron = findElectronBinary(join(ROOT, 'node_modules/electron'), process.env)
if ('missing' in electron) {
  console.warn(
    `Skipping the Electron smoke test: the Electron binary is not installed (${electron.missing}; ` +
      '`npx install-electron` downloads it).'
  )
}

/** A port free right now on loopback, for the app's webhook listener (the simulator must know it). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe.skipIf('missing' in electron)('the desktop app in real Electron', () => {
  let app: ElectronApplication
  let sim: Simulator
  let dataDir: string

  const page = async (name: 'index' | 'toast'): Promise<Page> => {
    for (let i = 0; i < 100; i++) {
      const found = app.windows().find((w) => w.url().endsWith(`/${name}.html`))
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no ${name} window`)
  }

  /** The main window's audio energy received so far, once it rose (as the browser tests read it). */
  async function inboundEnergyRises(main: Page): Promise<void> {
    await expect
      .poll(async () => (await pageHearing(main)).energy, { timeout: 15_000 })
      .toBeGreaterThan(0)
    const before = (await pageHearing(main)).energy
    await expect
      .poll(async () => (await pageHearing(main)).energy, { timeout: 5_000 })
      .toBeGreaterThan(before)
  }

  /** Answers the ringing call `callId` with the toast's button; resolves once it is connected. */
  async function answerFromToast(main: Page, callId: string): Promise<void> {
    const toast = await page('toast')
    await toast
      .locator(`[data-call-id="${callId}"]`)
      .getByRole('button', { name: 'Answer' })
      .click()
    const inCall = main.getByRole('region', { name: 'Call in progress' })
    await inCall.getByText('Connected').waitFor({ timeout: 30_000 })
  }

  /** Hangs up with the button; resolves once the call has left the main window. */
  async function hangUp(main: Page): Promise<void> {
    const inCall = main.getByRole('region', { name: 'Call in progress' })
    await inCall.getByRole('button', { name: 'Hang up' }).click()
    await expect.poll(() => inCall.count(), { timeout: 10_000 }).toBe(0)
    await main
      .getByText(/Call ended/)
      .first()
      .waitFor()
  }

  beforeAll(async () => {
    if (!('path' in electron)) return
    // Through node, not node_modules/.bin: on Windows that entry is a shell script spawn cannot run.
    const electronVite = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js')
    execFileSync(process.execPath, [electronVite, 'build'], { cwd: ROOT })
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-electron-'))
    const toneFile = join(dataDir, `tone-${MICROPHONE_HZ}.wav`)
    writeToneWav(toneFile, MICROPHONE_HZ)
    const credentials = {
      pageId: '106378625516323',
      pageAccessToken: `EAASimulated${randomBytes(24).toString('hex')}`,
      appId: '987654321012345',
      appSecret: randomBytes(16).toString('hex')
    }
    sim = await startSimulator(credentials)
    const port = await freePort()
    sim.setWebhookUrl(`http://127.0.0.1:${port}/webhook`)
    app = await _electron.launch({
      executablePath: electron.path,
      args: [
        // Chromium's fake microphone plays the tone file, granted without a prompt: the app's own
        // permission handler still decides (it allows audio only).
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-audio-capture=${toneFile}`,
        '--autoplay-policy=no-user-gesture-required',
        ROOT
      ],
      env: {
        ...process.env,
        SOFTPHONE_DATA_DIR: dataDir,
        WEBHOOK_PORT: String(port),
        GRAPH_API_URL: sim.graphUrl,
        FB_PAGE_ID: credentials.pageId,
        FB_PAGE_ACCESS_TOKEN: credentials.pageAccessToken,
        FB_APP_ID: credentials.appId,
        FB_APP_SECRET: credentials.appSecret,
        FB_VERIFY_TOKEN: randomBytes(12).toString('hex'),
        SOFTPHONE_RING_TIMEOUT_S: '50'
      }
    })
  })

  afterAll(async () => {
    await app?.close()
    await sim?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('opens the main window with the bridges and without Node', async () => {
    const main = await page('index')
    await main.waitForLoadState('domcontentloaded')
    const globals = await main.evaluate(() => ({
      softphone: typeof (globalThis as { softphone?: unknown }).softphone,
      shell: typeof (globalThis as { shell?: unknown }).shell,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process
    }))
    expect(globals).toEqual({
      softphone: 'object',
      shell: 'object',
      require: 'undefined',
      process: 'undefined'
    })
    // The simulator's Page: the core started with the environment's credentials and Meta said yes.
    await main.getByText('Page connected').waitFor({ timeout: 30_000 })
  })

  it('takes a test call answered from the toast, hears it, and hangs up', async () => {
    const main = await page('index')
    // Keeps the connections the app makes reachable for getStats(); the app itself is unchanged.
    await main.evaluate(RECORD_PEER_CONNECTIONS)
    const { callId } = await main.evaluate(async () => {
      const api = (
        globalThis as { softphone?: { startTestCall(r: object): Promise<{ callId: string }> } }
      ).softphone
      if (!api) throw new Error('no bridge')
      return api.startTestCall({})
    })
    await answerFromToast(main, callId)
    // The test line greets with a tone: audio arrives in the main window.
    await inboundEnergyRises(main)
    await hangUp(main)
    const state = await main.evaluate(async (id) => {
      const api = (
        globalThis as {
          softphone?: { listCalls(r: object): Promise<{ id: string; state: string }[]> }
        }
      ).softphone
      return (await api?.listCalls({}))?.find((call) => call.id === id)?.state
    }, callId)
    expect(state === undefined || state === 'ended').toBe(true)
  })

  it('answers a Messenger call from the toast with audio both ways, and hanging up ends it', async () => {
    const main = await page('index')
    await main.evaluate(RECORD_PEER_CONNECTIONS)
    const callId = await sim.placeCall()
    await answerFromToast(main, callId)

    // In: the caller's tone reaches the main window's peer connection.
    await inboundEnergyRises(main)
    // Out: the simulated caller hears the app's microphone, its tone at a level well above silence
    // (the app's audio processing stays on; in Chromium it leaves this tone near -29 dBFS).
    const caller = sim.callerOf(callId)
    expect(caller).toBeDefined()
    await caller!.waitForAudio({ minPackets: 25, frequency: MICROPHONE_HZ, timeoutMs: 15_000 })
    await expect
      .poll(() => caller!.stats().level, { timeout: 15_000 })
      .toBeGreaterThan(AUDIBLE_DBFS)

    await hangUp(main)
    // Meta was told: the fake Graph ended the call on the business's word.
    const ending = await sim.whenEnded(callId)
    expect(ending.by).toBe('business')
  })
})
