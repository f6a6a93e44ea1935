/**
 * The real desktop app, through Playwright's Electron driver: it starts from the build, opens its
 * window with only the preload's bridge in the page, and takes a test call end to end (the built-in
 * simulator rings, the toast's Answer is clicked, the main window connects the call).
 *
 * It needs the Electron binary. Where it is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, as on the
 * CI machines without internet) the suite is skipped and says so. On Linux it needs a display (run
 * under xvfb-run there).
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { findElectronBinary } from '../../scripts/electron-binary'

const ROOT = join(import.meta.dirname, '../..')

const electron = findElectronBinary(join(ROOT, 'node_modules/electron'), process.env)
if ('missing' in electron) {
  console.warn(
    `Skipping the Electron smoke test: the Electron binary is not installed (${electron.missing}; ` +
      '`npx install-electron` downloads it).'
  )
}

interface CallView {
  id: string
  state: string
}

describe.skipIf('missing' in electron)('the desktop app in real Electron', () => {
  let app: ElectronApplication
  let dataDir: string

  const page = async (name: 'index' | 'toast'): Promise<Page> => {
    for (let i = 0; i < 100; i++) {
      const found = app.windows().find((w) => w.url().endsWith(`/${name}.html`))
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no ${name} window`)
  }

  beforeAll(async () => {
    if (!('path' in electron)) return
    // Through node, not node_modules/.bin: on Windows that entry is a shell script spawn cannot run.
    const electronVite = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js')
    execFileSync(process.execPath, [electronVite, 'build'], { cwd: ROOT })
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-electron-'))
    app = await _electron.launch({
      executablePath: electron.path,
      // Chromium's fake microphone, granted without a prompt: the app's own permission handler
      // still decides (it allows audio only).
      args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', ROOT],
      env: { ...process.env, SOFTPHONE_DATA_DIR: dataDir, WEBHOOK_PORT: '0' }
    })
  })

  afterAll(async () => {
    await app?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('opens the main window with the bridge and without Node', async () => {
    const main = await page('index')
    await main.waitForLoadState('domcontentloaded')
    const globals = await main.evaluate(() => ({
      softphone: typeof (globalThis as { softphone?: unknown }).softphone,
      desk: typeof (globalThis as { desk?: unknown }).desk,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process
    }))
    expect(globals).toEqual({
      softphone: 'object',
      desk: 'object',
      require: 'undefined',
      process: 'undefined'
    })
  })

  it('takes a test call answered from the toast', async () => {
    const main = await page('index')
    const { callId } = await main.evaluate(async () => {
      const api = (
        globalThis as { softphone?: { startTestCall(r: object): Promise<{ callId: string }> } }
      ).softphone
      if (!api) throw new Error('no bridge')
      return api.startTestCall({})
    })
    const toast = await page('toast')
    await toast.getByRole('button', { name: 'Answer' }).click()
    await expect
      .poll(
        async () =>
          main.evaluate(async (id) => {
            const api = (
              globalThis as { softphone?: { listCalls(r: object): Promise<CallView[]> } }
            ).softphone
            return (await api?.listCalls({}))?.find((call) => call.id === id)?.state
          }, callId),
        { timeout: 30_000 }
      )
      .toBe('connected')
    await main.evaluate(async (id) => {
      const api = (globalThis as { softphone?: { hangUp(r: { callId: string }): Promise<void> } })
        .softphone
      await api?.hangUp({ callId: id })
    }, callId)
  })
})
