/**
 * Item 5: acknowledged means kept. The headless core (`npm run serve`) in its own process
 * takes a burst of 2,000 signed `terminate` deliveries and is killed with SIGKILL in the middle of
 * it; a second core started on the same data folder must have every delivery that got a 200 in
 * its call history. (Each terminate is of a call never seen ringing: it becomes a missed call.)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { RUN_CORE } from '../../serve-process'
import { historyIn, delivery, SECRET, terminate } from './core-harness'
import { signBody } from '../../../../src/main/core/webhook/signature'

const DELIVERIES = 2000
/** Requests in flight at once: a burst, as Meta's retries after an outage would be. */
const CONCURRENCY = 64

interface Core {
  child: ChildProcess
  webhook: string
  exited: Promise<void>
}

const children: ChildProcess[] = []
let dataDir: string | undefined

afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  children.length = 0
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

function serve(dir: string): Promise<Core> {
  const child = spawn(process.execPath, [RUN_CORE], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      SOFTPHONE_DATA_DIR: dir,
      FB_PAGE_ID: '1234567890',
      FB_PAGE_ACCESS_TOKEN: 'EAAcrashTestToken',
      FB_APP_SECRET: SECRET,
      GRAPH_API_URL: 'http://127.0.0.1:9',
      WEBHOOK_PORT: '0',
      SOFTPHONE_UI_PORT: '0',
      SOFTPHONE_UI_TOKEN: 'crash-test-ui-token-0123456789'
    },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  children.push(child)
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`no start-up: ${stderr}`)), 20_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const webhook = /"webhook":"(http:\/\/127\.0\.0\.1:\d+\/webhook)"/.exec(stderr)?.[1]
      if (webhook && stderr.includes('headless core running')) {
        clearTimeout(timer)
        resolve({ child, webhook, exited })
      }
    })
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
}

/** POSTs the bodies with a few in flight; resolves with the call ids that got a 200. */
function burst(url: string, killAfter: number, kill: () => void): Promise<Set<string>> {
  const target = new URL(url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const acked = new Set<string>()
  let next = 0
  let inFlight = 0
  let stopped = false
  return new Promise((resolve) => {
    const settle = (): void => {
      inFlight -= 1
      if (!stopped && next < DELIVERIES) return send()
      if (inFlight === 0) {
        agent.destroy()
        resolve(acked)
      }
    }
    const send = (): void => {
      const callId = `c_crash_${next++}`
      const body = JSON.stringify(delivery(terminate(callId)))
      inFlight += 1
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-hub-signature-256': signBody(body, SECRET)
          }
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            if (res.statusCode === 200) {
              acked.add(callId)
              if (acked.size === killAfter) kill()
            }
            settle()
          })
          res.on('error', () => {
            stopped = true
            settle()
          })
        }
      )
      // A refused or cut connection after the kill: not acknowledged, and nothing more to send.
      req.on('error', () => {
        stopped = true
        settle()
      })
      req.end(body)
    }
    for (let i = 0; i < CONCURRENCY; i++) send()
  })
}

it('keeps every acknowledged delivery through a kill -9 mid-burst', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'journal-crash-'))
  const first = await serve(dataDir)
  const killAfter = 600 + Math.floor(Math.random() * 800)
  const acked = await burst(first.webhook, killAfter, () => first.child.kill('SIGKILL'))
  await first.exited
  expect(first.child.signalCode).toBe('SIGKILL')
  expect(acked.size).toBeGreaterThanOrEqual(killAfter)
  expect(acked.size).toBeLessThan(DELIVERIES)

  // The restarted core applies what the journal holds before it listens.
  const second = await serve(dataDir)
  second.child.kill('SIGKILL')
  await second.exited
  const history = await historyIn(dataDir)
  const missing = [...acked].filter((callId) => history.get(callId) === undefined)
  await history.close()
  expect(missing).toEqual([])
}, 45_000)
