import { createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import localtunnel from 'localtunnel'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeLocaltunnelServer, type FakeLocaltunnelServer } from './fake-localtunnel-server'

let server: FakeLocaltunnelServer
let local: Server
let localPort: number
const seen: { method: string; url: string; body: string }[] = []
const tunnels: localtunnel.Tunnel[] = []

beforeEach(async () => {
  seen.length = 0
  server = await startFakeLocaltunnelServer({ graceMs: 200 })
  local = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body })
      res.writeHead(201, { 'x-local': 'yes' }).end(`echo:${body}`)
    })
  })
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
  localPort = (local.address() as AddressInfo).port
})

afterEach(async () => {
  for (const tunnel of tunnels.splice(0)) tunnel.close()
  local.closeAllConnections()
  await new Promise((resolve) => local.close(resolve))
  await server.close()
})

/** The real `localtunnel` client, through its public API, as any user of the package would. */
async function open(subdomain?: string): Promise<localtunnel.Tunnel> {
  const tunnel = await localtunnel({
    port: localPort,
    host: server.url,
    local_host: '127.0.0.1',
    ...(subdomain ? { subdomain } : {})
  })
  tunnels.push(tunnel)
  // Errors are part of some tests; without a listener they would be thrown.
  tunnel.on('error', () => undefined)
  await expect.poll(() => server.socketCount(tunnel.url.split('/').pop() ?? '')).toBe(2)
  return tunnel
}

describe('registration', () => {
  it('answers GET /?new like localtunnel/server', async () => {
    const body = (await (await fetch(`${server.url}/?new`)).json()) as Record<string, unknown>
    expect(body).toEqual({
      id: expect.stringMatching(/^[a-z0-9]+$/),
      port: expect.any(Number),
      max_conn_count: 2,
      url: `${server.url}/${String(body['id'])}`
    })
    expect(server.clientIds()).toEqual([body['id']])
  })

  it('gives a requested subdomain, and a random id when it is taken', async () => {
    const first = (await (await fetch(`${server.url}/desk-one`)).json()) as { id: string }
    const second = (await (await fetch(`${server.url}/desk-one`)).json()) as { id: string }
    expect(first.id).toBe('desk-one')
    expect(second.id).not.toBe('desk-one')
  })

  it('refuses an invalid subdomain with a message, as upstream does', async () => {
    const res = await fetch(`${server.url}/No_Such`)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ message: expect.stringContaining('Invalid subdomain') })
  })

  it('forgets a client that never connects', async () => {
    await fetch(`${server.url}/?new`)
    await expect.poll(() => server.clientIds(), { timeout: 2000 }).toEqual([])
  })
})

describe('with the real localtunnel client', () => {
  it('carries requests and responses through the tunnel, path prefix removed', async () => {
    const tunnel = await open()
    const res = await fetch(`${tunnel.url}/webhook?hub.challenge=42`, {
      method: 'POST',
      body: 'hello'
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('x-local')).toBe('yes')
    expect(await res.text()).toBe('echo:hello')
    expect(seen).toEqual([{ method: 'POST', url: '/webhook?hub.challenge=42', body: 'hello' }])
    expect(server.forwarded.at(-1)).toMatchObject({ path: '/webhook?hub.challenge=42' })
  })

  it('routes by Host: <id>.localhost too', async () => {
    const tunnel = await open('desk-two')
    const port = Number(new URL(server.url).port)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/by-host',
          headers: { host: `desk-two.localhost:${port}` }
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        }
      )
      req.on('error', reject)
      req.end()
    })
    expect(tunnel.url).toBe(`${server.url}/desk-two`)
    expect(status).toBe(201)
    expect(seen.map((s) => s.url)).toEqual(['/by-host'])
  })

  it('dropClient: the client is forgotten, its reconnects are refused, the URL is dead', async () => {
    const tunnel = await open()
    const id = tunnel.url.split('/').pop() ?? ''
    const errors: Error[] = []
    tunnel.on('error', (error: Error) => errors.push(error))
    server.dropClient(id)
    await expect.poll(() => errors.length).toBeGreaterThan(0)
    expect(errors[0]?.message).toMatch(/connection refused/)
    expect(server.clientIds()).toEqual([])
    expect((await fetch(`${tunnel.url}/webhook`)).status).toBe(404)
  })

  it('severSockets: the client reconnects by itself and the URL keeps working', async () => {
    const tunnel = await open()
    const id = tunnel.url.split('/').pop() ?? ''
    server.severSockets(id)
    await expect.poll(() => server.socketCount(id)).toBe(2)
    expect((await fetch(`${tunnel.url}/again`)).status).toBe(201)
    expect(server.clientIds()).toEqual([id])
  })

  it('blackhole: requests are taken but never reach the client', async () => {
    const tunnel = await open()
    server.blackhole(tunnel.url.split('/').pop() ?? '')
    await expect(
      fetch(`${tunnel.url}/lost`, { signal: AbortSignal.timeout(300) })
    ).rejects.toThrow()
    expect(seen).toEqual([])
  })
})

describe('like the real server', () => {
  it('keeps idle sockets unread: a 408 the local server wrote into one is the next answer', async () => {
    // Node's stock timeouts, scaled down: an idle connection gets "408 Request Timeout".
    const impatient = createServer(
      { headersTimeout: 50, requestTimeout: 100, connectionsCheckingInterval: 10 },
      (_req, res) => res.end('fresh')
    )
    await new Promise<void>((resolve) => impatient.listen(0, '127.0.0.1', resolve))
    try {
      const tunnel = await localtunnel({
        port: (impatient.address() as AddressInfo).port,
        host: server.url,
        local_host: '127.0.0.1'
      })
      tunnels.push(tunnel)
      tunnel.on('error', () => undefined)
      await expect.poll(() => server.socketCount(tunnel.url.split('/').pop() ?? '')).toBe(2)
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect((await fetch(`${tunnel.url}/after-a-pause`)).status).toBe(408)
    } finally {
      impatient.closeAllConnections()
      impatient.close()
    }
  })

  it('announces max_conn_count but may take fewer: the rest are closed as they connect', async () => {
    await server.close()
    server = await startFakeLocaltunnelServer({ maxConnCount: 10, acceptConnCount: 2 })
    const grant = (await (await fetch(`${server.url}/?new`)).json()) as {
      id: string
      port: number
      max_conn_count: number
    }
    expect(grant.max_conn_count).toBe(10)
    const sockets: Socket[] = []
    try {
      for (let n = 0; n < 10; n += 1) {
        const socket = connect(grant.port, '127.0.0.1')
        socket.on('error', () => undefined)
        sockets.push(socket)
      }
      await expect.poll(() => server.connectionAttempts(grant.id)).toBe(10)
      await expect.poll(() => sockets.filter((socket) => !socket.destroyed).length).toBe(2)
      expect(server.socketCount(grant.id)).toBe(2)
    } finally {
      for (const socket of sockets) socket.destroy()
    }
  })
})
