/**
 * A localtunnel-compatible server on 127.0.0.1, for tests: the real `localtunnel` client works
 * against it unchanged. It speaks the protocol of localtunnel/server:
 *
 * - `GET /?new` or `GET /<subdomain>` registers a client and answers
 *   `{id, port, max_conn_count, url}`; the client then opens up to `max_conn_count` TCP
 *   connections to `port`, and public requests travel to it through them (HTTP over the raw socket).
 * - A public request names its client by a path prefix, `/<id>/...` (the prefix is removed before
 *   forwarding), since `<id>.localhost` names do not resolve everywhere. `Host: <id>.localhost`
 *   works too, as on the real server. The `url` handed out is the path-prefix form.
 * - A client whose sockets are all gone for `graceMs` is forgotten and its port closed, so its
 *   reconnecting sockets are refused, as on the real server.
 * - Idle tunnel sockets are kept without being read, as upstream's TunnelAgent does: whatever the
 *   client's end wrote into one while it idled (a 408 from a listener that timed it out) is what
 *   the next public request handed that socket gets back.
 * - It may accept fewer sockets than it announces (`acceptConnCount`): the extra ones are closed as
 *   soon as they connect, as upstream does past its limit.
 * - A WebSocket upgrade takes one tunnel socket for good: the request's head is written into it
 *   and bytes are piped both ways, as upstream's `Client.handleUpgrade` does.
 */
import { randomBytes } from 'node:crypto'
import { Agent, createServer, request as httpRequest } from 'node:http'
import type { ClientRequestArgs, IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface FakeLocaltunnelServerOptions {
  /** Sockets each client may open (the real server says 10). Default 2. */
  maxConnCount?: number
  /** Sockets each client really gets; the rest are closed on connect. Default `maxConnCount`. */
  acceptConnCount?: number
  /** How long a client may have no socket before it is forgotten. Default 1000, as upstream. */
  graceMs?: number
}

export interface ForwardedRequest {
  clientId: string
  method: string
  path: string
}

export interface FakeLocaltunnelServer {
  /** `http://127.0.0.1:<port>`: the tunnel host (TUNNEL_HOST) to give the client. */
  readonly url: string
  clientIds(): string[]
  /** The public URL of a client, as handed out at registration. */
  publicUrl(clientId: string): string
  /** Live tunnel sockets of a client (0 for an unknown one). */
  socketCount(clientId: string): number
  /** Tunnel sockets a client tried to open, accepted or not (0 for an unknown one). */
  connectionAttempts(clientId: string): number
  /** Every public request forwarded so far, oldest first. */
  readonly forwarded: readonly ForwardedRequest[]
  /** A network drop: the client's sockets die and the server forgets it at once. */
  dropClient(clientId: string): void
  /** A blip: the sockets die but the client may reconnect within the grace period. */
  severSockets(clientId: string): void
  /** Half-open sockets: requests for the client are taken but never forwarded (until false). */
  blackhole(clientId: string, on?: boolean): void
  /** Resolves when a client registers (the next one after this call). */
  nextClient(): Promise<string>
  close(): Promise<void>
}

/** The real server's rule for requested subdomains. */
const SUBDOMAIN = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/

interface Waiter {
  callback: (error: Error | null, socket: Duplex) => void
}

/** Hands out the client's idle tunnel sockets to requests, like upstream's TunnelAgent. */
class TunnelAgent extends Agent {
  private readonly idle: Socket[] = []
  private readonly waiting: Waiter[] = []
  readonly tunnelSockets = new Set<Socket>()

  constructor() {
    super({ keepAlive: true, maxFreeSockets: 1 })
  }

  add(socket: Socket): void {
    this.tunnelSockets.add(socket)
    socket.once('close', () => {
      this.tunnelSockets.delete(socket)
      const index = this.idle.indexOf(socket)
      if (index >= 0) this.idle.splice(index, 1)
    })
    socket.on('error', () => socket.destroy())
    const waiter = this.waiting.shift()
    if (waiter) waiter.callback(null, socket)
    else this.idle.push(socket)
  }

  override createConnection(
    _options: ClientRequestArgs,
    callback?: (error: Error | null, socket: Duplex) => void
  ): Duplex | null | undefined {
    if (!callback) return undefined
    const socket = this.idle.shift()
    if (socket) callback(null, socket)
    else this.waiting.push({ callback })
    return undefined
  }

  cut(): void {
    for (const socket of this.tunnelSockets) socket.destroy()
  }

  override destroy(): void {
    this.cut()
    // Node's Agent reads only the error when there is one; the socket argument is never used.
    for (const waiter of this.waiting.splice(0)) {
      waiter.callback(new Error('tunnel client gone'), undefined as unknown as Duplex)
    }
    super.destroy()
  }
}

interface Client {
  id: string
  url: string
  tcp: TcpServer
  agent: TunnelAgent
  blackholed: boolean
  attempts: number
  graceTimer: NodeJS.Timeout | undefined
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

export async function startFakeLocaltunnelServer(
  options: FakeLocaltunnelServerOptions = {}
): Promise<FakeLocaltunnelServer> {
  const maxConnCount = options.maxConnCount ?? 2
  const acceptConnCount = options.acceptConnCount ?? maxConnCount
  const graceMs = options.graceMs ?? 1000
  const clients = new Map<string, Client>()
  const forwarded: ForwardedRequest[] = []
  const registered: ((id: string) => void)[] = []
  const held = new Set<ServerResponse>()
  const upgraded = new Set<Duplex>()
  let base = ''

  const forget = (client: Client): void => {
    if (clients.get(client.id) !== client) return
    clients.delete(client.id)
    clearTimeout(client.graceTimer)
    client.tcp.close()
    client.agent.destroy()
  }

  const armGrace = (client: Client): void => {
    clearTimeout(client.graceTimer)
    client.graceTimer = setTimeout(() => {
      if (client.agent.tunnelSockets.size === 0) forget(client)
    }, graceMs)
  }

  const newClient = async (requested: string | undefined): Promise<Client> => {
    // Like upstream: a taken subdomain is not refused, the client gets a random id instead.
    const id =
      requested && !clients.has(requested) ? requested : randomBytes(5).toString('hex').slice(0, 8)
    const tcp = createTcpServer()
    const agent = new TunnelAgent()
    const client: Client = {
      id,
      url: `${base}/${id}`,
      tcp,
      agent,
      blackholed: false,
      attempts: 0,
      graceTimer: undefined
    }
    tcp.on('connection', (socket) => {
      client.attempts += 1
      if (agent.tunnelSockets.size >= acceptConnCount) return void socket.destroy()
      clearTimeout(client.graceTimer)
      agent.add(socket)
      socket.once('close', () => {
        if (agent.tunnelSockets.size === 0 && clients.get(id) === client) armGrace(client)
      })
    })
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
    clients.set(id, client)
    // A client that never connects is forgotten too.
    armGrace(client)
    for (const notify of registered.splice(0)) notify(id)
    return client
  }

  const forward = (client: Client, path: string, req: IncomingMessage, res: ServerResponse) => {
    forwarded.push({ clientId: client.id, method: req.method ?? 'GET', path })
    if (client.blackholed) {
      held.add(res)
      res.once('close', () => held.delete(res))
      return
    }
    const upstream = httpRequest({
      agent: client.agent,
      method: req.method,
      path,
      headers: req.headers
    })
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => {
      if (!res.headersSent) json(res, 502, { message: 'tunnel client unavailable' })
      else res.destroy()
    })
    req.pipe(upstream)
  }

  const upgrade = (client: Client, path: string, req: IncomingMessage, socket: Duplex): void => {
    forwarded.push({ clientId: client.id, method: req.method ?? 'GET', path })
    upgraded.add(socket)
    socket.once('close', () => upgraded.delete(socket))
    client.agent.createConnection({}, (error, tunnel) => {
      if (error || !socket.writable) {
        tunnel?.destroy()
        return void socket.end()
      }
      const head = [`${req.method} ${path} HTTP/${req.httpVersion}`]
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        head.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
      }
      tunnel.pipe(socket).pipe(tunnel)
      // A pipe does not pass a destroy on: the public side would hang open without this.
      tunnel.once('close', () => socket.destroy())
      socket.once('close', () => tunnel.destroy())
      tunnel.write(`${head.join('\r\n')}\r\n\r\n`)
    })
  }

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://fake')
    const hostLabel = (req.headers.host ?? '').split('.')[0] ?? ''
    const byHost = /\.localhost(:\d+)?$/.test(req.headers.host ?? '') && clients.get(hostLabel)
    if (byHost) return forward(byHost, req.url ?? '/', req, res)
    const [, first = '', ...rest] = target.pathname.split('/')
    const prefixed = clients.get(first)
    if (prefixed && (rest.length > 0 || target.pathname.endsWith('/'))) {
      return forward(prefixed, `/${rest.join('/')}${target.search}`, req, res)
    }
    if (req.method !== 'GET') return json(res, 404, { message: 'not found' })
    const wantsNew = target.pathname === '/' && target.searchParams.has('new')
    if (!wantsNew && (first === '' || rest.length > 0))
      return json(res, 404, { message: 'not found' })
    if (!wantsNew && !SUBDOMAIN.test(first)) {
      return json(res, 403, {
        message:
          'Invalid subdomain. Subdomains must be lowercase and between 4 and 63 alphanumeric characters.'
      })
    }
    void newClient(wantsNew ? undefined : first).then(
      (client) =>
        json(res, 200, {
          id: client.id,
          port: (client.tcp.address() as AddressInfo).port,
          max_conn_count: maxConnCount,
          url: client.url
        }),
      () => json(res, 500, { message: 'could not open a port' })
    )
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const [, first = '', ...rest] = new URL(req.url ?? '/', 'http://fake').pathname.split('/')
    const client = clients.get(first)
    if (!client) return void socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n')
    upgrade(client, `/${rest.join('/')}`, req, socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const known = (clientId: string): Client => {
    const client = clients.get(clientId)
    if (!client) throw new Error(`no tunnel client ${clientId}`)
    return client
  }

  return {
    url: base,
    clientIds: () => [...clients.keys()],
    publicUrl: (clientId) => known(clientId).url,
    socketCount: (clientId) => clients.get(clientId)?.agent.tunnelSockets.size ?? 0,
    connectionAttempts: (clientId) => clients.get(clientId)?.attempts ?? 0,
    forwarded,
    dropClient: (clientId) => forget(known(clientId)),
    severSockets: (clientId) => known(clientId).agent.cut(),
    blackhole: (clientId, on = true) => {
      known(clientId).blackholed = on
    },
    nextClient: () => new Promise((resolve) => registered.push(resolve)),
    close: async () => {
      for (const client of [...clients.values()]) forget(client)
      for (const res of held) res.destroy()
      for (const socket of upgraded) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
