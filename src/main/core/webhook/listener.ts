/**
 * Binds a request handler to a loopback port and takes it down promptly. Loopback only: the
 * webhook is reached from the internet solely through the tunnel, which connects locally, so
 * nothing else on the network should be able to reach the listener directly.
 */
import type { RequestListener, Server } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from '../log'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])
/** Meta's payloads are small and sent at once; a body still trickling in after this is hostile. */
const REQUEST_TIMEOUT_MS = 30_000
/** How long in-flight requests get to finish on close before their sockets are cut. */
const CLOSE_GRACE_MS = 500

export interface LoopbackListener {
  /** Resolves with the bound port and the base URL (no trailing slash). */
  listen(port: number, host?: string): Promise<{ port: number; baseUrl: string }>
  /** Stops accepting, closes idle keep-alive sockets at once and busy ones after a short grace. */
  close(): Promise<void>
}

export function createLoopbackListener(handler: RequestListener, logger: Logger): LoopbackListener {
  let server: Server | undefined
  let closing: Promise<void> | undefined

  const listen = (port: number, host = '127.0.0.1'): Promise<{ port: number; baseUrl: string }> => {
    if (!LOOPBACK_HOSTS.has(host)) {
      return Promise.reject(new Error(`The webhook listener binds to loopback only, not ${host}`))
    }
    if (server) return Promise.reject(new Error('The webhook server is already listening'))
    const candidate = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, handler)
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
      setTimeout(() => current.closeAllConnections(), CLOSE_GRACE_MS).unref()
    })
    return closing
  }

  return { listen, close }
}
