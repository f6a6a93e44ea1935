/**
 * `npm run sim` the way the README runs it: a headless core started on its own (`npm run serve`,
 * its own process) and the simulator in a second process, sharing only the environment. The
 * simulator finds the core through bridge.json and plays a whole call against it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RUN_CORE } from '../serve-process'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** `node` with `args`: the built core (RUN_CORE), or a TypeScript tool through tsx. */
function run(args: string[], env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, stdout: () => stdout, stderr: () => stderr }
}

describe('npm run sim against npm run serve', () => {
  let dataDir: string | undefined
  let core: ReturnType<typeof run> | undefined

  afterEach(async () => {
    if (core && core.child.exitCode === null) core.child.kill('SIGKILL')
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('plays a call through a core running in another process', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-sim-serve-'))
    const env = {
      FB_PAGE_ID: '106378625516323',
      FB_PAGE_ACCESS_TOKEN: 'EAAsimulatedServeTest',
      FB_APP_ID: '987654321012345',
      FB_APP_SECRET: 'simulated-serve-secret',
      GRAPH_API_URL: `http://127.0.0.1:${await freePort()}`,
      SOFTPHONE_DATA_DIR: dataDir,
      SOFTPHONE_RING_TIMEOUT_S: '10',
      WEBHOOK_PORT: '0',
      SOFTPHONE_UI_PORT: '0'
    }
    core = run([RUN_CORE], env)
    const deadline = Date.now() + 15_000
    while (!core.stderr().includes('headless core running')) {
      if (Date.now() > deadline) throw new Error(`the core did not start:\n${core.stderr()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }

    const sim = run(['--import', 'tsx', 'src/main/simulator/cli.ts', 'caller-hangs-up'], env)
    const code = await sim.exited
    expect(sim.stdout()).toMatch(/^\d+ passed, 0 failed$/m)
    expect(code).toBe(0)
    // The core saw the call, in its own log.
    expect(core.stderr()).toMatch(/call ended.*"outcome":"completed"/)

    core.child.kill('SIGTERM')
    expect(await core.exited).toBe(0)
  })
})
