/**
 * The one start-up every root runs: what it starts for each option, that disposing it stops them
 * last started first (a failing stop does not keep the others from running), and that a failing
 * step stops what had started and says in words which step failed.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_INFO_FILE } from '../../../src/main/core/bridge/ui-server'
import { MemorySecretStore, PortInUseError } from '../../../src/main/core/config'
import { memoryLogger } from '../../../src/main/core/log'
import type { LiveTunnel } from '../../../src/main/core/settings-effects/live-tunnel'
import {
  CoreStartError,
  startCore,
  type StartedCore,
  type TunnelFactory
} from '../../../src/main/core/start-core'

const ENV = { WEBHOOK_PORT: '0', GRAPH_API_URL: 'http://127.0.0.1:9' }

let dataDir: string
let started: StartedCore | undefined
const servers: Server[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'softphone-start-'))
})

afterEach(async () => {
  await started?.dispose()
  started = undefined
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
  await rm(dataDir, { recursive: true, force: true })
})

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

/** A port someone else holds. */
async function takenPort(): Promise<number> {
  const server = createServer()
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** A tunnel that only says what was done to it. */
function recordingTunnel(said: string[]): TunnelFactory & { opened: unknown[][] } {
  const opened: unknown[][] = []
  const factory = (...args: unknown[]): LiveTunnel => {
    opened.push(args)
    return {
      start: () => said.push('tunnel started'),
      refresh: () => said.push('tunnel refreshed'),
      stop: () => said.push('tunnel stopped')
    }
  }
  return Object.assign(factory, { opened })
}

describe('startCore', () => {
  it('starts the core and its webhook listener, and nothing else unless asked', async () => {
    const core = await startCore({ env: ENV, dataDir, logger: memoryLogger() })
    started = core
    expect(core.dataDir).toBe(dataDir)
    expect(core.webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook$/)
    expect(core.core.status().webhookUrl).toBe(core.webhookUrl)
    expect(await reachable(core.webhookUrl)).toBe(true)
    expect(core.tunnel).toBeUndefined()
    expect(core.ui).toBeUndefined()
    expect(existsSync(join(dataDir, BRIDGE_INFO_FILE))).toBe(false)
    // The file store by default: the verify token generated at first start is kept there.
    expect(JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8'))).toMatchObject({
      verifyToken: core.config.credentials.verifyToken
    })

    expect(await core.dispose()).toBe(true)
    expect(await reachable(core.webhookUrl)).toBe(false)
  })

  it('uses the secret store it is given', async () => {
    const secrets = new MemorySecretStore()
    started = await startCore({ env: ENV, dataDir, secrets, logger: memoryLogger() })
    expect(started.secrets).toBe(secrets)
    expect((await secrets.get()).verifyToken).toBe(started.config.credentials.verifyToken)
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false)
  })

  it('opens the tunnel once listening and serves the UI bridge when asked', async () => {
    const said: string[] = []
    const tunnel = recordingTunnel(said)
    const core = await startCore({
      env: ENV,
      dataDir,
      logger: memoryLogger(),
      onListening: ({ webhookUrl }) => void said.push(`listening at ${webhookUrl}`),
      tunnel,
      ui: { port: 0, token: 'start-core-test-token-0123456789' }
    })
    started = core
    expect(said).toEqual([`listening at ${core.webhookUrl}`, 'tunnel started'])
    expect(tunnel.opened).toEqual([[core.core, core.config, expect.anything()]])
    expect(core.tunnel).toBeDefined()
    expect(core.ui.info.token).toBe('start-core-test-token-0123456789')
    const info = JSON.parse(await readFile(join(dataDir, BRIDGE_INFO_FILE), 'utf8'))
    expect(info).toMatchObject({ port: core.ui.info.port, url: core.ui.info.url })
    expect(await reachable(`http://127.0.0.1:${core.ui.info.port}/`)).toBe(true)
  })

  it('stops what it started last started first, and a failing stop does not stop the rest', async () => {
    const said: string[] = []
    const logger = memoryLogger()
    const core = await startCore({
      env: ENV,
      dataDir,
      logger,
      tunnel: recordingTunnel(said),
      ui: { port: 0 }
    })
    started = core
    const { ui, webhookUrl } = core
    const closeUi = ui.close.bind(ui)
    vi.spyOn(ui, 'close').mockImplementation(async () => {
      said.push('UI bridge closed')
      await closeUi()
      throw new Error('the UI bridge fails to stop')
    })
    const stopCore = core.core.stop.bind(core.core)
    vi.spyOn(core.core, 'stop').mockImplementation(async () => {
      said.push('core stopped')
      await stopCore()
    })

    expect(await core.dispose()).toBe(false)
    expect(said).toEqual(['tunnel started', 'UI bridge closed', 'tunnel stopped', 'core stopped'])
    expect(await reachable(webhookUrl)).toBe(false)
    expect(existsSync(join(dataDir, BRIDGE_INFO_FILE))).toBe(false)
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'a service did not stop cleanly',
        fields: expect.objectContaining({ name: 'UI bridge' })
      })
    )
    // Once: a second dispose is the same.
    expect(await core.dispose()).toBe(false)
    expect(said.filter((line) => line === 'core stopped')).toHaveLength(1)
  })

  it('stops what had started when the UI bridge cannot start, and says which port', async () => {
    const port = await takenPort()
    const said: string[] = []
    let webhookUrl = ''
    const failure = await startCore({
      env: ENV,
      dataDir,
      logger: memoryLogger(),
      onListening: (listening) => void (webhookUrl = listening.webhookUrl),
      tunnel: recordingTunnel(said),
      ui: { port }
    }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(CoreStartError)
    expect(failure).toMatchObject({
      step: 'start the UI bridge',
      message:
        `Port ${port} (SOFTPHONE_UI_PORT) is already in use, so another copy of the softphone ` +
        'is probably running: close it, or set SOFTPHONE_UI_PORT to a free port.'
    })
    expect((failure as CoreStartError).cause).toBeInstanceOf(PortInUseError)
    expect(said).toEqual(['tunnel started', 'tunnel stopped'])
    expect(await reachable(webhookUrl)).toBe(false)
  })

  it('names the step in the message of a failure that does not say it', async () => {
    let webhookUrl = ''
    const failure = await startCore({
      env: ENV,
      dataDir,
      logger: memoryLogger(),
      onListening: (listening) => void (webhookUrl = listening.webhookUrl),
      tunnel: () => {
        throw new Error('the tunnel host is unreachable')
      }
    }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(CoreStartError)
    expect((failure as Error).message).toBe(
      'Could not open the tunnel: the tunnel host is unreachable'
    )
    expect(webhookUrl).not.toBe('')
    expect(await reachable(webhookUrl)).toBe(false)
  })

  it('fails on a bad variable before anything starts, with its sentence', async () => {
    const failure = await startCore({
      env: { ...ENV, WEBHOOK_PORT: 'eighty' },
      dataDir,
      logger: memoryLogger()
    }).catch((error: unknown) => error)
    expect(failure).toMatchObject({
      step: 'load the configuration',
      message: expect.stringMatching(/^WEBHOOK_PORT must be a whole number/)
    })
  })

  it('runs degraded when allowed: a taken webhook port is reported and no tunnel opens', async () => {
    const port = await takenPort()
    const said: string[] = []
    const failures: CoreStartError[] = []
    const core = await startCore({
      env: { ...ENV, WEBHOOK_PORT: String(port) },
      dataDir,
      logger: memoryLogger(),
      onDegraded: (failure) => failures.push(failure),
      tunnel: recordingTunnel(said),
      ui: { port: 0 }
    })
    started = core
    expect(failures).toMatchObject([
      { step: 'start the webhook listener', cause: expect.any(PortInUseError) }
    ])
    expect(core.webhookUrl).toBeUndefined()
    expect(core.tunnel).toBeUndefined()
    expect(said).toEqual([])
    // The rest still runs: the UI bridge serves the core, which holds the history.
    expect(await reachable(`http://127.0.0.1:${core.ui.info.port}/`)).toBe(true)
    expect(core.core.history.unseenMissedCount()).toBe(0)
  })
})
