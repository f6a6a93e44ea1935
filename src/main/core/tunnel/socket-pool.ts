/**
 * The TCP sockets a localtunnel client keeps open to its server; the server sends public requests
 * down them as plain HTTP, and each is relayed to the local webhook listener.
 *
 * Two lessons from the real server shape this pool:
 *
 * - The server announces how many sockets it takes (`max_conn_count`) but may accept fewer: it
 *   closes the extra ones as soon as they connect. Replacing every closed socket at once, as the
 *   `localtunnel` package does, then spins in a reconnect loop on a full core. Here a socket closed
 *   soon after connecting, having carried nothing, counts as refused: the pool shrinks to the
 *   sockets the server kept, and tries again only after a backoff.
 * - The server keeps idle sockets without reading them, so a socket that went bad while idle is
 *   only found out by the public request it is handed. The connection to the local listener is
 *   therefore opened when a request arrives, not ahead of it: nothing local can time out an idle
 *   tunnel socket and leave a stale answer waiting in it.
 */
import { connect, type Socket } from 'node:net'
import { backoffDelay, type BackoffPolicy } from './backoff'

export interface TunnelSocketPoolOptions {
  /** Where the server takes tunnel sockets. */
  remoteHost: string
  remotePort: number
  /** The local webhook listener on 127.0.0.1. */
  localPort: number
  /** The sockets the server announced (`max_conn_count`); the pool never opens more. */
  announced: number
  /** The wait before trying again after refusals. */
  backoff: BackoffPolicy
  /** A socket that closes this soon after connecting, having carried nothing, was refused. */
  refusedWithinMs: number
  random?: (() => number) | undefined
  /** A socket is connected to the server. */
  onOpen(): void
  /** A connected socket closed. */
  onClose(): void
  /** The server refused to connect at all: it no longer knows the tunnel. */
  onGone(error: Error): void
  /** The path of a request travelling down a socket. */
  onRequest(path: string): void
}

export const DEFAULT_REFUSED_WITHIN_MS = 3_000
/** Refused sockets are tried again soon at first, then ever more rarely, at least every 30 s. */
export const SOCKET_BACKOFF: BackoffPolicy = {
  initialMs: 500,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.2
}
/** The local listener is not up (yet): try it again this often while the request waits. */
const LOCAL_RETRY_MS = 1_000
const KEEPALIVE_MS = 30_000
const REQUEST_LINE = /^[A-Z]+ (\S+) HTTP\//

interface TunnelSocket {
  remote: Socket
  openedAt: number
  connected: boolean
  /** Anything came from the server through it. */
  carried: boolean
}

export class TunnelSocketPool {
  private readonly sockets = new Set<TunnelSocket>()
  /** How many sockets to keep: the announced count, lowered by the server's refusals. */
  private target: number
  /** Consecutive refill rounds that were refused: they set the pause before the next one. */
  private refusals = 0
  /** A socket was refused since the last refill. */
  private refused = false
  private refillTimer: NodeJS.Timeout | undefined
  private closed = false

  constructor(private readonly options: TunnelSocketPoolOptions) {
    this.target = Math.max(1, options.announced)
  }

  /** Sockets connected to the server right now. */
  get connected(): number {
    let count = 0
    for (const socket of this.sockets) if (socket.connected) count += 1
    return count
  }

  start(): void {
    this.refill()
  }

  close(): void {
    this.closed = true
    clearTimeout(this.refillTimer)
    for (const socket of this.sockets) socket.remote.destroy()
    this.sockets.clear()
  }

  private refill(): void {
    this.refillTimer = undefined
    if (this.refused && this.connected > 0) {
      // The sockets still connected are what the server keeps; it refused the others.
      this.target = Math.min(this.target, this.connected)
    }
    // Nothing kept at all: one socket tries the door, the rest follow once it stays.
    const wanted = this.refused && this.connected === 0 ? 1 : this.target
    this.refused = false
    while (!this.closed && this.sockets.size < wanted) this.openOne()
  }

  private scheduleRefill(delayMs: number): void {
    if (this.closed || this.refillTimer) return
    // Timer "tunnel socket refill" (once, after a tunnel socket closes).
    this.refillTimer = setTimeout(() => this.refill(), delayMs)
    this.refillTimer.unref()
  }

  private openOne(): void {
    const remote = connect({ host: this.options.remoteHost, port: this.options.remotePort })
    const socket: TunnelSocket = { remote, openedAt: Date.now(), connected: false, carried: false }
    this.sockets.add(socket)
    // Idle for an hour, a socket must still be known to every NAT on the way: TCP keep-alives
    // every half minute keep its mapping fresh (the OS default waits two hours).
    remote.setKeepAlive(true, KEEPALIVE_MS)
    remote.once('connect', () => {
      socket.connected = true
      // Proven once it outlives the refusal window: refusals are no longer consecutive.
      // Timer "tunnel socket proven" (once per new tunnel socket).
      setTimeout(() => {
        if (remote.destroyed || this.closed) return
        this.refusals = 0
        if (!this.refillTimer) this.refill()
      }, this.options.refusedWithinMs).unref()
      this.options.onOpen()
    })
    remote.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && !this.closed) this.options.onGone(error)
    })
    remote.once('close', () => this.closedSocket(socket))
    remote.once('data', (chunk: Buffer) => {
      socket.carried = true
      this.refusals = 0
      this.relay(remote, chunk)
    })
  }

  /** A request arrived: connect to the listener and pass bytes both ways until either side ends. */
  private relay(remote: Socket, first: Buffer): void {
    remote.pause()
    const noticeRequests = (chunk: Buffer): void => {
      const line = REQUEST_LINE.exec(chunk.toString('latin1', 0, 2048))
      if (line?.[1]) this.options.onRequest(line[1])
    }
    noticeRequests(first)
    remote.on('data', noticeRequests)
    const attempt = (): void => {
      if (remote.destroyed) return
      const local = connect({ host: '127.0.0.1', port: this.options.localPort })
      const notConnected = (error: NodeJS.ErrnoException): void => {
        local.destroy()
        // Timer "local retry" (once, when the local listener refused a tunnelled request).
        if (error.code === 'ECONNREFUSED') setTimeout(attempt, LOCAL_RETRY_MS).unref()
        else remote.destroy()
      }
      local.once('error', notConnected)
      local.once('connect', () => {
        local.off('error', notConnected)
        local.on('error', () => remote.destroy())
        if (remote.destroyed) return void local.destroy()
        remote.once('close', () => local.destroy())
        local.write(first)
        remote.pipe(local).pipe(remote)
        remote.resume()
      })
    }
    attempt()
  }

  private closedSocket(socket: TunnelSocket): void {
    if (!this.sockets.delete(socket) || this.closed) return
    if (socket.connected) this.options.onClose()
    const quick = Date.now() - socket.openedAt < this.options.refusedWithinMs
    if (socket.carried || !quick) {
      // Worn out by use or by age: replace it now, unless a backoff is already under way.
      if (!this.refillTimer) this.refill()
      return
    }
    // Refused, or every socket dropped at once: which of the two shows when the pause is over.
    // One round of refusals (the sockets of one refill) counts once.
    if (!this.refused) this.refusals += 1
    this.refused = true
    this.scheduleRefill(backoffDelay(this.options.backoff, this.refusals, this.options.random))
  }
}
