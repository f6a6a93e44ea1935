import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TunnelError, type TunnelConnection } from '../../../../src/main/core/tunnel/connection'
import {
  openLocaltunnel,
  type LocaltunnelOptions
} from '../../../../src/main/core/tunnel/localtunnel-client'
import {
  startFakeLocaltunnelServer,
  type FakeLocaltunnelServer
} from '../../../support/fake-localtunnel-server'

let server: FakeLocaltunnelServer
let local: Server
let localPort: number
const opened: TunnelConnection[] = []
/** Refused sockets are tried again within the tests' waits. */
const FAST_BACKOFF = { initialMs: 50, maxMs: 200, factor: 2, jitter: 0 }
const seen: string[] = []

beforeEach(async () => {
  seen.length = 0
  server = await startFakeLocaltunnelServer({ graceMs: 200 })
  local = createServer((req, res) => {
    seen.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'text/plain' }).end('local answer')
  })
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
  localPort = (local.address() as AddressInfo).port
})

afterEach(async () => {
  for (const connection of opened.splice(0)) connection.close()
  local.closeAllConnections()
  await new Promise((resolve) => local.close(resolve))
  await server.close()
})

async function open(
  options: LocaltunnelOptions & { subdomain?: string; signal?: AbortSignal; host?: string } = {}
): Promise<TunnelConnection> {
  const connection = await openLocaltunnel(
    { localPort, host: options.host ?? server.url, subdomain: options.subdomain },
    options.signal ?? AbortSignal.timeout(5000),
    { probeIntervalMs: 0, socketBackoff: FAST_BACKOFF, ...options }
  )
  opened.push(connection)
  return connection
}

const idOf = (connection: TunnelConnection): string => connection.url.split('/').pop() ?? ''

function downReason(connection: TunnelConnection): Promise<string> {
  return new Promise((resolve) => connection.onDown(resolve))
}

describe('opening', () => {
  it('resolves once a socket is up, with the URL the server gave, and carries requests', async () => {
    const connection = await open({ subdomain: 'front-desk' })
    expect(connection.url).toBe(`${server.url}/front-desk`)
    const res = await fetch(`${connection.url}/webhook?x=1`)
    expect(await res.text()).toBe('local answer')
    expect(seen).toEqual(['/webhook?x=1'])
  })

  it('surfaces the server’s refusal as a permanent error with its reason', async () => {
    const error = await open({ subdomain: 'NO' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TunnelError)
    expect(error).toMatchObject({ permanent: true })
    expect((error as Error).message).toMatch(
      /^The tunnel server http:\/\/127\.0\.0\.1:\d+ refused the tunnel: Invalid subdomain\. .*Check the tunnel settings\.$/
    )
    expect((error as TunnelError).words).toMatchObject({
      key: 'tunnel.serverRefusedSaying',
      params: { server: server.url, said: expect.stringMatching(/^Invalid subdomain\./) }
    })
  })

  it('an unreachable server is a temporary error, reported at once instead of retried forever', async () => {
    const gone = server.url
    await server.close()
    server = await startFakeLocaltunnelServer()
    const error = await open({ host: gone }).catch((e: unknown) => e)
    expect(error).toMatchObject({ permanent: false })
    expect((error as Error).message).toMatch(
      /could not be reached .*check the internet connection\.$/
    )
  })

  it('something that is not a localtunnel server is named as such', async () => {
    const other = createServer((_req, res) => res.end('<html>hello</html>'))
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    try {
      const host = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
      await expect(open({ host })).rejects.toThrow(/did not answer like a localtunnel server/)
    } finally {
      other.closeAllConnections()
      other.close()
    }
  })

  it('honours the abort signal while the server keeps it waiting', async () => {
    const hang = createServer(() => undefined)
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve))
    try {
      const host = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`
      const reason = new TunnelError('too slow')
      const controller = new AbortController()
      setTimeout(() => controller.abort(reason), 100)
      await expect(open({ host, signal: controller.signal })).rejects.toBe(reason)
    } finally {
      hang.closeAllConnections()
      hang.close()
    }
  })
})

describe('watching an open tunnel', () => {
  it('is down at once when the server forgets it (reconnects refused)', async () => {
    const connection = await open()
    const down = downReason(connection)
    server.dropClient(idOf(connection))
    expect(await down).toMatch(/^The tunnel server no longer accepts this tunnel/)
  })

  it('rides out a blip where the sockets drop but the server keeps the tunnel', async () => {
    const connection = await open({ staleAfterMs: 300 })
    let down: string | undefined
    connection.onDown((reason) => (down = reason))
    server.severSockets(idOf(connection))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(down).toBeUndefined()
    expect(await (await fetch(`${connection.url}/after-blip`)).text()).toBe('local answer')
  })

  it('notices half-open sockets with its probe', async () => {
    const connection = await open({ probeIntervalMs: 50, probeTimeoutMs: 100 })
    const down = downReason(connection)
    server.blackhole(idOf(connection))
    expect(await down).toBe('Requests to the public address no longer reach this app.')
  })

  it('a healthy probe keeps the tunnel up', async () => {
    const connection = await open({ probeIntervalMs: 50, probeTimeoutMs: 500 })
    let down: string | undefined
    connection.onDown((reason) => (down = reason))
    await expect.poll(() => server.forwarded.length).toBeGreaterThanOrEqual(3)
    expect(down).toBeUndefined()
    expect(server.forwarded[0]?.path).toMatch(/^\/\.tunnel-probe\//)
  })

  it('close() releases the tunnel: the server forgets it, and no down is reported', async () => {
    const connection = await open()
    let down: string | undefined
    connection.onDown((reason) => (down = reason))
    connection.close()
    await expect.poll(() => server.clientIds()).toEqual([])
    expect(down).toBeUndefined()
  })
})
