/**
 * The tunnel's sockets against a loopback localtunnel server that behaves like the real one: it
 * keeps idle sockets without reading them (so a stale answer waits in a socket for the next
 * request), and it may take fewer sockets than it announces.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { TunnelConnection } from '../../../../src/main/core/tunnel/connection'
import {
  openLocaltunnel,
  type LocaltunnelOptions
} from '../../../../src/main/core/tunnel/localtunnel-client'
import {
  startFakeLocaltunnelServer,
  type FakeLocaltunnelServer
} from '../../../support/fake-localtunnel-server'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

let server: FakeLocaltunnelServer | undefined
let local: Server | undefined
const opened: TunnelConnection[] = []
const seen: string[] = []

afterEach(async () => {
  for (const connection of opened.splice(0)) connection.close()
  seen.length = 0
  local?.closeAllConnections()
  await new Promise((resolve) => (local ? local.close(resolve) : resolve(undefined)))
  local = undefined
  await server?.close()
  server = undefined
})

/**
 * A local HTTP server with Node's stock behaviour, timeouts scaled down: a connection that sends
 * nothing is answered "408 Request Timeout" and closed, as the webhook listener used to do.
 */
async function startImpatientLocal(): Promise<number> {
  local = createServer(
    { headersTimeout: 50, requestTimeout: 100, connectionsCheckingInterval: 10 },
    (req, res) => {
      seen.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'text/plain' }).end('local answer')
    }
  )
  await new Promise<void>((resolve) => local?.listen(0, '127.0.0.1', resolve))
  return (local.address() as AddressInfo).port
}

async function open(
  lt: FakeLocaltunnelServer,
  localPort: number,
  options: LocaltunnelOptions = {}
): Promise<TunnelConnection> {
  const connection = await openLocaltunnel({ localPort, host: lt.url }, AbortSignal.timeout(5000), {
    probeIntervalMs: 0,
    ...options
  })
  opened.push(connection)
  return connection
}

const idOf = (connection: TunnelConnection): string => connection.url.split('/').pop() ?? ''

describe('after a quiet spell', () => {
  it('the first request gets the local answer, not a stale 408', async () => {
    server = await startFakeLocaltunnelServer({ maxConnCount: 4 })
    const connection = await open(server, await startImpatientLocal())
    await expect.poll(() => server?.socketCount(idOf(connection))).toBe(4)
    // Many times the local server's timeouts: any idle connection to it would be dead by now.
    await sleep(600)
    for (const n of [1, 2, 3, 4, 5]) {
      const res = await fetch(`${connection.url}/webhook?n=${n}`)
      expect({ status: res.status, body: await res.text() }).toEqual({
        status: 200,
        body: 'local answer'
      })
    }
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `/webhook?n=${n}`))
  })

  it('the probe takes a stale 408 for a dead tunnel, although the request came through', async () => {
    server = await startFakeLocaltunnelServer({ maxConnCount: 1 })
    // The stale answer a timed-out connection leaves behind, on every request.
    local = createServer((_req, res) => res.writeHead(408).end())
    await new Promise<void>((resolve) => local?.listen(0, '127.0.0.1', resolve))
    const port = (local.address() as AddressInfo).port
    const connection = await open(server, port, { probeIntervalMs: 50, probeTimeoutMs: 500 })
    const down = new Promise<string>((resolve) => connection.onDown(resolve))
    expect(await down).toBe('Requests to the public address no longer reach this app.')
    expect(server.forwarded.length).toBeGreaterThanOrEqual(2)
  })
})

describe('a server that announces more sockets than it takes', () => {
  it('keeps the sockets the server takes, without a reconnect storm, and still carries requests', async () => {
    server = await startFakeLocaltunnelServer({ maxConnCount: 10, acceptConnCount: 2 })
    const connection = await open(server, await startImpatientLocal(), {
      socketBackoff: { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 }
    })
    const id = idOf(connection)
    await sleep(300)
    const before = server.connectionAttempts(id)
    const windowMs = 2000
    await sleep(windowMs)
    const perSecond = ((server.connectionAttempts(id) - before) * 1000) / windowMs
    expect(perSecond).toBeLessThan(3)
    expect(server.socketCount(id)).toBe(2)

    const answers = await Promise.all(
      [1, 2, 3, 4].map(async (n) => (await fetch(`${connection.url}/after?n=${n}`)).status)
    )
    expect(answers).toEqual([200, 200, 200, 200])
    // Used sockets are replaced, and still only up to what the server takes.
    await sleep(300)
    expect(server.socketCount(id)).toBeLessThanOrEqual(2)
  })

  it('all sockets dropping at once is a blip, not a refusal: the pool fills up again', async () => {
    server = await startFakeLocaltunnelServer({ maxConnCount: 4, graceMs: 5000 })
    const connection = await open(server, await startImpatientLocal(), {
      socketBackoff: { initialMs: 50, maxMs: 200, factor: 2, jitter: 0 },
      refusedWithinMs: 1000
    })
    const id = idOf(connection)
    await expect.poll(() => server?.socketCount(id)).toBe(4)
    const before = server.connectionAttempts(id)
    server.severSockets(id)
    // One socket tries first, the other three follow once it stays.
    await expect.poll(() => server?.connectionAttempts(id), { timeout: 4000 }).toBe(before + 4)
    await expect.poll(() => server?.socketCount(id)).toBe(4)
    expect((await fetch(`${connection.url}/after-blip`)).status).toBe(200)
  })

  it('a server that closes every socket is knocked on ever more rarely, one socket at a time', async () => {
    // Patient with a client that has no socket, unlike upstream, to watch the knocking.
    server = await startFakeLocaltunnelServer({
      maxConnCount: 10,
      acceptConnCount: 0,
      graceMs: 60_000
    })
    const connection = await open(server, await startImpatientLocal(), {
      staleAfterMs: 10_000,
      socketBackoff: { initialMs: 200, maxMs: 5000, factor: 2, jitter: 0 }
    })
    await sleep(2500)
    // The first 10, then one after 0.2 s, 0.4 s, 0.8 s: a fourth would be due after 3 s.
    const attempts = server.connectionAttempts(idOf(connection))
    expect(attempts).toBeGreaterThanOrEqual(11)
    expect(attempts).toBeLessThanOrEqual(13)
  })
})
