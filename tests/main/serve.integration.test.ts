/**
 * The headless core as people run it: `npm run serve` (the built core) in its own process. It logs call
 * events, prints the browser-mode address alone on one plain line, refuses a bad variable by name,
 * and stops cleanly on SIGTERM and SIGINT.
 */
import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { signBody } from '../../src/main/core/webhook/signature'
import { serve, waitFor, type Running } from './serve-process'

const SECRET = 'serve-test-app-secret'
const TOKEN = 'serve-test-ui-token-0123456789'

describe('npm run serve', () => {
  let dataDir: string
  let running: Running | undefined

  afterEach(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL')
    running = undefined
    await rm(dataDir, { recursive: true, force: true })
  })

  it('logs a call that rings, prints the page address on its own line, and stops on SIGTERM', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-serve-'))
    running = serve(
      {
        SOFTPHONE_DATA_DIR: dataDir,
        FB_PAGE_ID: '1234',
        FB_PAGE_ACCESS_TOKEN: 'EAAserveTestToken',
        FB_APP_SECRET: SECRET,
        WEBHOOK_PORT: '0',
        SOFTPHONE_UI_PORT: '0',
        SOFTPHONE_UI_TOKEN: TOKEN
      },
      ['--web']
    )
    await waitFor(() => running!.stdout().includes('\n'), 'the page address')
    const line = running.stdout().split('\n')[0]!
    // Plain and alone: scripts read it as is (no colour codes, no label around it).
    expect(line).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`))
    await waitFor(() => running!.stderr().includes('headless core running'), 'start-up')
    const webhook = /"webhook":"(http:\/\/127\.0\.0\.1:\d+\/webhook)"/.exec(running.stderr())?.[1]
    expect(webhook).toBeDefined()

    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: '1234',
          time: Math.floor(Date.now() / 1000),
          calls: [
            {
              id: 'c_serve1',
              from: 'psid-9',
              to: '1234',
              event: 'connect',
              timestamp: Math.floor(Date.now() / 1000),
              call_direction: 'user_initiated'
            }
          ]
        }
      ]
    })
    const response = await fetch(webhook!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signBody(body, SECRET)
      },
      body
    })
    expect(response.status).toBe(200)
    await waitFor(
      () => /call ringing.*c_serve1/.test(running!.stderr()),
      'the call event in the log'
    )
    expect(running.stderr()).not.toContain('EAAserveTestToken')
    expect(running.stderr()).not.toContain(SECRET)
    // Caller data stays out of the log: the call id is what support needs.
    expect(running.stderr()).not.toContain('psid-9')
    expect(existsSync(join(dataDir, 'bridge.json'))).toBe(true)

    running.child.kill('SIGTERM')
    expect(await running.exited).toBe(0)
    expect(running.stderr()).toContain('stopping')
    expect(existsSync(join(dataDir, 'bridge.json'))).toBe(false)
  })

  it('stops cleanly on SIGINT too', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-serve-'))
    running = serve({ SOFTPHONE_DATA_DIR: dataDir, WEBHOOK_PORT: '0', SOFTPHONE_UI_PORT: '0' })
    await waitFor(() => running!.stderr().includes('headless core running'), 'start-up')
    running.child.kill('SIGINT')
    expect(await running.exited).toBe(0)
  })

  it('refuses a bad variable at start, naming it', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-serve-'))
    running = serve({ SOFTPHONE_DATA_DIR: dataDir, WEBHOOK_PORT: 'eighty' })
    expect(await running.exited).toBe(2)
    expect(running.stderr()).toMatch(/WEBHOOK_PORT must be a whole number/)
  })

  // A second copy of the app is the usual reason; the person starting it needs the variable, not
  // Node's "listen EADDRINUSE" and a stack trace.
  it.each(['WEBHOOK_PORT', 'SOFTPHONE_UI_PORT'])(
    'says which variable names a port already in use, without a stack trace (%s)',
    async (variable) => {
      dataDir = await mkdtemp(join(tmpdir(), 'softphone-serve-'))
      const taken = createServer()
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
      const port = (taken.address() as AddressInfo).port
      try {
        running = serve({
          SOFTPHONE_DATA_DIR: dataDir,
          WEBHOOK_PORT: '0',
          SOFTPHONE_UI_PORT: '0',
          [variable]: String(port)
        })
        expect(await running.exited).not.toBe(0)
        const said = running.stderr()
        expect(said).toContain(
          `Cannot start: Port ${port} (${variable}) is already in use, so another copy of the ` +
            `softphone is probably running: close it, or set ${variable} to a free port.`
        )
        expect(said).not.toContain('EADDRINUSE')
        expect(said).not.toMatch(/^\s+at /m)
      } finally {
        await new Promise((resolve) => taken.close(resolve))
      }
    }
  )
})
