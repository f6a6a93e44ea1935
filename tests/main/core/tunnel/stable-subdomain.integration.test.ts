/**
 * A hub restarted with the same data folder comes back at the same tunnel address, even when the
 * tunnel server still holds its old tunnel for a moment, so a seat paired before the restart
 * finds it again by retrying the address it knows. Real cores (core/start-core) and a real seat
 * client, through the fake localtunnel server.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/log'
import { SeatClient } from '../../../../src/main/core/seat-link/seat-client'
import { startCore, type StartedCore } from '../../../../src/main/core/start-core'
import {
  startFakeLocaltunnelServer,
  type FakeLocaltunnelServer
} from '../../../support/fake-localtunnel-server'
import { untilStatus } from '../seat-link/seat-statuses'

let lt: FakeLocaltunnelServer
const dirs: string[] = []

beforeAll(async () => {
  // Forgets a tunnel only 2 s after its sockets dropped, longer than a hub takes to restart.
  lt = await startFakeLocaltunnelServer({ graceMs: 2000 })
})

afterAll(async () => {
  await lt?.close()
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stable-subdomain-'))
  dirs.push(dir)
  return dir
}

function startHub(dataDir: string): Promise<StartedCore> {
  return startCore({
    env: {
      WEBHOOK_PORT: '0',
      GRAPH_API_URL: 'http://127.0.0.1:9',
      TUNNEL: 'localtunnel',
      TUNNEL_HOST: lt.url
    },
    dataDir,
    logger: silentLogger,
    tunnel: true
  })
}

async function publicUrlOf(hub: StartedCore): Promise<string> {
  await expect.poll(() => hub.core.status().publicUrl, { timeout: 15_000 }).toBeTruthy()
  return hub.core.status().publicUrl!
}

describe("a hub's tunnel address across restarts", () => {
  it('is the same after a restart, and a seat paired before reconnects there', async () => {
    const hubDir = await tempDir()
    let hub = await startHub(hubDir)
    const before = await publicUrlOf(hub)
    expect(before).toBe(`${lt.url}/${hub.core.seats!.tunnelSubdomain}`)
    const seat = new SeatClient({
      hubUrl: before,
      dataDir: await tempDir(),
      pairingCode: hub.core.seats!.issueCode('Front desk').text,
      backoff: { initialMs: 100, maxMs: 500, factor: 2, jitter: 0 }
    })
    try {
      seat.start()
      await untilStatus(seat, 'online')

      await hub.dispose()
      await untilStatus(seat, 'offline')
      hub = await startHub(hubDir)
      // The server still held the old tunnel: the hub asked again until it had its own back.
      expect(await publicUrlOf(hub)).toBe(before)
      expect(await untilStatus(seat, 'online', 15_000)).toMatchObject({ name: 'Front desk' })
    } finally {
      seat.close()
      await hub.dispose()
    }
  })
})
