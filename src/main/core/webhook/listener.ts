/**
 * Binds a request handler to a loopback port and takes it down promptly. Loopback only: the
 * webhook is reached from the internet solely through the tunnel, which connects locally, so
 * nothing else on the network should be able to reach the listener directly.
 *
 * Idle connections are never timed out. The tunnel client opens its sockets to this listener
 * long before any request travels through them, and the localtunnel server keeps its end of those
 * sockets without reading them: had Node answered an idle one "408 Request Timeout" and closed it,
 * the server would hand that stale 408 to the next public request, and Meta's call would be lost.
 * Node times the first request of a connection from the moment it connects, so connections are
 * handed to the HTTP server only once their first byte arrives (see `serveFromFirstByte`); from
 * then on Node's own header and request timeouts bound a request that trickles in.
 */
import type { IncomingMessage, RequestListener, Server } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Logger } from '../log'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])
/** How long in-flight requests get to finish on close before their sockets are cut. */
const CLOSE_GRACE_MS = 500

export interface ListenerTimeouts {
  /** A request's headers must be in within this of its first byte. */
  headersMs: number
  /** A whole request must be in within this of its first byte. */
  requestMs: number
  /** How often Node looks for requests past those limits. */
  checkEveryMs: number
  /** How long a connection may sit idle after a response; 0: as long as its client likes. */
  keepAliveMs: number
}

export const DEFAULT_LISTENER_TIMEOUTS: Readonly<ListenerTimeouts> = {
  // Meta's payloads are small and sent at once; a request still trickling in after this is hostile.
  headersMs: 10_000,
  requestMs: 30_000,
  checkEveryMs: 5_000,
  // Never: a tunnel socket closed here while the tunnel server keeps it is a request lost later.
  keepAliveMs: 0
}

/** Takes a WebSocket upgrade request (the seat link); the socket is its to answer or end. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void

export interface LoopbackListener {
  /** Resolves with the bound port and the base URL (no trailing slash). */
  listen(port: number, host?: string): Promise<{ port: number; baseUrl: string }>
  /** Stops accepting, closes idle keep-alive sockets at once and busy ones after a short grace. */
  close(): Promise<void>
}

/**
 * Routes the server's connections through a gate that passes each one to Node's HTTP handling
 * when its first byte arrives. Until then a connection is only waited on, in `waiting`. Node's
 * handler is the server's 'connection' listener (the docs' way to inject a socket is emitting
 * 'connection'); the listener tests pin this behaviour.
 */
function serveFromFirstByte(server: Server, waiting: Set<Socket>): void {
  const httpHandlers = server.listeners('connection') as ((socket: Socket) => void)[]
  server.removeAllListeners('connection')
  server.on('connection', (socket: Socket) => {
    waiting.add(socket)
    const onEnd = (): void => void socket.destroy()
    const onError = (): void => void socket.destroy()
    const onClose = (): void => void waiting.delete(socket)
    const onData = (chunk: Buffer): void => {
      socket.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
      waiting.delete(socket)
      // Put the byte back and let Node's parser read it, as if the connection had just opened.
      socket.pause()
      socket.unshift(chunk)
      for (const handler of httpHandlers) handler.call(server, socket)
      socket.resume()
    }
    socket.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose)
  })
}

export function createLoopbackListener(
  handler: RequestListener,
  logger: Logger,
  timeouts: Readonly<ListenerTimeouts> = DEFAULT_LISTENER_TIMEOUTS,
  onUpgrade?: UpgradeHandler
): LoopbackListener {
  let server: Server | undefined
  let closing: Promise<void> | undefined
  const waiting = new Set<Socket>()

  const listen = (port: number, host = '127.0.0.1'): Promise<{ port: number; baseUrl: string }> => {
    if (!LOOPBACK_HOSTS.has(host)) {
      return Promise.reject(new Error(`The webhook listener binds to loopback only, not ${host}`))
    }
    if (server) return Promise.reject(new Error('The webhook server is already listening'))
    const candidate = createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        connectionsCheckingInterval: timeouts.checkEveryMs
      },
      handler
    )
    candidate.keepAliveTimeout = timeouts.keepAliveMs
    // Without an 'upgrade' listener Node closes an upgrade request's socket; with one, the
    // socket is the handler's alone (Node's request timeouts and closeAllConnections let go of it).
    if (onUpgrade) candidate.on('upgrade', onUpgrade)
    serveFromFirstByte(candidate, waiting)
    // Claimed before binding, so a second listen() while this one is pending is refused too.
    server = candidate
    return new Promise((resolve, reject) => {
      candidate.once('error', (error) => {
        server = undefined
        reject(error)
      })
      candidate.listen(port, host, () => {
        candidate.removeAllListeners('error')
        candidate.on('error', (error) => logger.error('webhook listener error', { error }))
        const address = candidate.address() as AddressInfo
        const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
        resolve({ port: address.port, baseUrl: `http://${hostPart}:${address.port}` })
      })
    })
  }

  const close = (): Promise<void> => {
    const current = server
    if (!current) return Promise.resolve()
    closing ??= new Promise<void>((resolve) => {
      current.close(() => {
        server = undefined
        closing = undefined
        resolve()
      })
      current.closeIdleConnections()
      for (const socket of waiting) socket.destroy()
      // Timer "listener close grace" (once, on stop): cut connections still open after the grace.
      setTimeout(() => current.closeAllConnections(), CLOSE_GRACE_MS).unref()
    })
    return closing
  }

  return { listen, close }
}
