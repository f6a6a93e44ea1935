/**
 * A tunnel through a localtunnel server: the grant (tunnel-server.ts), the pool of sockets that
 * carry public requests here (socket-pool.ts), and a watch on both, because a tunnel can die
 * without a word:
 *
 * - When the server forgets the tunnel (it does a second after its sockets drop), reconnecting
 *   sockets are refused: the tunnel is down at once.
 * - When the network goes away, sockets close and their replacements fail: after `staleAfterMs`
 *   with no live socket the tunnel is down.
 * - When sockets stay half-open (a changed Wi-Fi network, a NAT that forgot us), or the server
 *   hands out a socket that went stale, nothing fires at all: a periodic probe fetches the public
 *   URL and checks that the request came through and that the answer is the app's own.
 */
import { randomBytes } from 'node:crypto'
import { silentLogger, type Logger } from '../log'
import type { BackoffPolicy } from './backoff'
import {
  TunnelError,
  joinUrlPath,
  type TunnelConnection,
  type TunnelConnector,
  type TunnelRequest
} from './connection'
import { DEFAULT_REFUSED_WITHIN_MS, SOCKET_BACKOFF, TunnelSocketPool } from './socket-pool'
import { requestTunnel } from './tunnel-server'

export interface LocaltunnelOptions {
  logger?: Logger | undefined
  /** How long the tunnel may have no live socket to its server before it counts as dropped. */
  staleAfterMs?: number | undefined
  /** How often to check that requests to the public URL arrive here; 0 turns the probe off. */
  probeIntervalMs?: number | undefined
  probeTimeoutMs?: number | undefined
  /** The wait before opening sockets again after the server refused some. */
  socketBackoff?: BackoffPolicy | undefined
  /** A socket the server closes this soon after it connected, having carried nothing, was refused. */
  refusedWithinMs?: number | undefined
}

export const DEFAULT_STALE_AFTER_MS = 5_000
export const DEFAULT_PROBE_INTERVAL_MS = 60_000
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000
/** One lost probe can be a slow moment; two in a row are a dead tunnel. */
const PROBE_FAILURES_DOWN = 2
/** Path of the probe request; the webhook listener answers it with a plain 404. */
const PROBE_PATH = '/.tunnel-probe/'
/**
 * Answers that did not come from the app: a request timeout left behind in a stale socket, or a
 * tunnel server that could not reach this end.
 */
const NOT_THE_APP = new Set([408, 502, 503, 504])

export function localtunnelConnector(options: LocaltunnelOptions = {}): TunnelConnector {
  return (request, signal) => openLocaltunnel(request, signal, options)
}

export async function openLocaltunnel(
  request: TunnelRequest,
  signal: AbortSignal,
  options: LocaltunnelOptions = {}
): Promise<TunnelConnection> {
  const grant = await requestTunnel(request.host, request.subdomain, signal)
  signal.throwIfAborted()
  const connection = new WatchedTunnel(grant.url, options)
  connection.watch(
    new TunnelSocketPool({
      // The server's address as it says, else the host it was asked at.
      remoteHost: grant.ip ?? new URL(request.host).hostname,
      remotePort: grant.port,
      localPort: request.localPort,
      announced: grant.max_conn_count ?? 1,
      backoff: options.socketBackoff ?? SOCKET_BACKOFF,
      refusedWithinMs: options.refusedWithinMs ?? DEFAULT_REFUSED_WITHIN_MS,
      onOpen: () => connection.socketOpened(),
      onClose: () => connection.socketClosed(),
      onGone: (error) => connection.gone(error),
      onRequest: (path) => connection.requestArrived(path)
    })
  )
  try {
    await connection.ready(signal)
  } catch (error) {
    connection.close()
    throw error
  }
  return connection
}

function deferred(): {
  promise: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
} {
  let resolve: () => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

class WatchedTunnel implements TunnelConnection {
  private state: 'opening' | 'up' | 'down' = 'opening'
  private pool: TunnelSocketPool | undefined
  private readonly downListeners: ((reason: string) => void)[] = []
  private readonly opened = deferred()
  private staleTimer: NodeJS.Timeout | undefined
  private probeTimer: NodeJS.Timeout | undefined
  private probing = false
  private probeFailures = 0
  private readonly probeArrivals = new Map<string, () => void>()
  private readonly probeAbort = new AbortController()
  private readonly log: Logger

  constructor(
    readonly url: string,
    private readonly options: LocaltunnelOptions
  ) {
    this.log = options.logger ?? silentLogger
    // Nobody awaits this until `ready`; a failure before then must not count as unhandled.
    this.opened.promise.catch(() => undefined)
  }

  watch(pool: TunnelSocketPool): void {
    this.pool = pool
    pool.start()
  }

  socketOpened(): void {
    clearTimeout(this.staleTimer)
    if (this.state !== 'opening') return
    this.state = 'up'
    this.opened.resolve()
    this.startProbe()
  }

  socketClosed(): void {
    if (this.pool?.connected === 0 && this.state === 'up') this.armStale()
  }

  gone(error: Error): void {
    this.log.debug('tunnel socket refused', { error })
    this.fail(
      'The tunnel server no longer accepts this tunnel (it may have restarted or expired it).'
    )
  }

  requestArrived(path: string): void {
    if (!path.includes(PROBE_PATH)) return
    for (const [nonce, arrived] of this.probeArrivals) if (path.includes(nonce)) arrived()
  }

  async ready(signal: AbortSignal): Promise<void> {
    const onAbort = (): void => this.close()
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      await Promise.race([
        this.opened.promise,
        new Promise<never>((_resolve, reject) => {
          if (signal.aborted) reject(signal.reason)
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        })
      ])
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  onDown(listener: (reason: string) => void): void {
    this.downListeners.push(listener)
  }

  close(): void {
    if (this.state === 'opening') this.opened.reject(new TunnelError('The tunnel was closed.'))
    this.state = 'down'
    this.stopWatching()
  }

  private fail(reason: string): void {
    if (this.state === 'down') return
    const wasUp = this.state === 'up'
    if (!wasUp) this.opened.reject(new TunnelError(reason))
    this.state = 'down'
    this.stopWatching()
    if (!wasUp) return
    for (const listener of this.downListeners.splice(0)) listener(reason)
  }

  private stopWatching(): void {
    clearTimeout(this.staleTimer)
    clearInterval(this.probeTimer)
    this.probeAbort.abort()
    this.pool?.close()
  }

  private armStale(): void {
    clearTimeout(this.staleTimer)
    // Timer "tunnel keep-alive watchdog": re-armed by the tunnel's traffic and probes.
    this.staleTimer = setTimeout(
      () => this.fail('The connection to the tunnel server was lost.'),
      this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS
    )
    this.staleTimer.unref()
  }

  private startProbe(): void {
    const every = this.options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS
    if (every <= 0) return
    // Periodic timer "tunnel keep-alive": a probe every 60 s while a tunnel is open.
    this.probeTimer = setInterval(() => void this.probe(), every)
    this.probeTimer.unref()
  }

  /**
   * Fetches the public URL and checks that the request came out of this tunnel and that the answer
   * is the app's: a stale 408 or a gateway error proves only that something answered.
   */
  private async probe(): Promise<void> {
    if (this.probing || this.state !== 'up') return
    this.probing = true
    const nonce = randomBytes(9).toString('base64url')
    let arrived = false
    let status: number | undefined
    this.probeArrivals.set(nonce, () => {
      arrived = true
    })
    try {
      const response = await fetch(joinUrlPath(this.url, `${PROBE_PATH}${nonce}`), {
        // localtunnel.me shows browsers a reminder page instead of the tunnel without this.
        headers: { 'bypass-tunnel-reminder': 'softphone' },
        signal: AbortSignal.any([
          this.probeAbort.signal,
          AbortSignal.timeout(this.options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS)
        ])
      })
      await response.arrayBuffer()
      status = response.status
    } catch {
      // No answer: judged below like a wrong one.
    } finally {
      this.probeArrivals.delete(nonce)
      this.probing = false
    }
    if (this.state !== 'up') return
    if (arrived && status !== undefined && !NOT_THE_APP.has(status)) {
      this.probeFailures = 0
      return
    }
    this.probeFailures += 1
    this.log.warn('tunnel probe did not come through', {
      failures: this.probeFailures,
      arrived,
      status: status ?? 'no answer'
    })
    if (this.probeFailures >= PROBE_FAILURES_DOWN) {
      this.fail('Requests to the public address no longer reach this app.')
    }
  }
}
