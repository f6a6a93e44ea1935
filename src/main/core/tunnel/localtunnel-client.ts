/**
 * A tunnel through a localtunnel server, using the `localtunnel` package's socket pool
 * (TunnelCluster: the TCP connections the server sends public requests through) and watching it,
 * because the package says little when a tunnel dies:
 *
 * - When the server forgets the tunnel (it does a second after its sockets drop), reconnecting
 *   sockets are refused and the package emits 'error': the tunnel is down at once.
 * - When the network goes away, sockets close and their replacements fail without a word: after
 *   `staleAfterMs` with no live socket the tunnel is down.
 * - When sockets stay half-open (a changed Wi-Fi network, a NAT that forgot us), nothing fires at
 *   all: a periodic probe fetches the public URL and checks that the request came through.
 *
 * The package is 2.0.x and unmaintained; it is driven through two private methods of its Tunnel
 * class (`_init`, `_getInfo`), see tunnel-server.ts for why.
 */
import { randomBytes } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import { silentLogger, type Logger } from '../log'
import {
  TunnelError,
  joinUrlPath,
  type TunnelConnection,
  type TunnelConnector,
  type TunnelRequest
} from './connection'
import { requestTunnel, type TunnelGrant } from './tunnel-server'

export interface LocaltunnelOptions {
  logger?: Logger | undefined
  /** How long the tunnel may have no live socket to its server before it counts as dropped. */
  staleAfterMs?: number | undefined
  /** How often to check that requests to the public URL arrive here; 0 turns the probe off. */
  probeIntervalMs?: number | undefined
  probeTimeoutMs?: number | undefined
}

export const DEFAULT_STALE_AFTER_MS = 5_000
export const DEFAULT_PROBE_INTERVAL_MS = 60_000
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000
/** One lost probe can be a slow moment; two in a row are a dead tunnel. */
const PROBE_FAILURES_DOWN = 2
/** Path of the probe request; the webhook listener answers it with a plain 404. */
const PROBE_PATH = '/.tunnel-probe/'

/** The parts of localtunnel 2.0.x's `lib/Tunnel.js` used here, private ones included. */
interface PackageTunnel extends EventEmitter {
  tunnelCluster?: EventEmitter
  open(callback: (error?: Error) => void): void
  close(): void
  _init(callback: (error: Error | null, info?: unknown) => void): void
  _getInfo(body: TunnelGrant): unknown
}
type PackageTunnelClass = new (options: {
  port: number
  host: string
  subdomain?: string | undefined
  local_host: string
}) => PackageTunnel

const requireCjs = createRequire(import.meta.url)
let tunnelClass: PackageTunnelClass | undefined

function loadTunnelClass(): PackageTunnelClass {
  tunnelClass ??= requireCjs('localtunnel/lib/Tunnel.js') as PackageTunnelClass
  return tunnelClass
}

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
  const Tunnel = loadTunnelClass()
  const tunnel = new Tunnel({
    port: request.localPort,
    host: request.host,
    subdomain: request.subdomain,
    // The listener binds 127.0.0.1 only, and "localhost" may resolve to ::1 first.
    local_host: '127.0.0.1'
  })
  // The grant is already in hand: hand it over instead of letting the package ask again.
  tunnel._init = (callback) => callback(null, tunnel._getInfo(grant))
  const connection = new WatchedTunnel(tunnel, grant.url, options)
  try {
    tunnel.open(() => undefined)
    connection.watch()
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
  private live = 0
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
    private readonly tunnel: PackageTunnel,
    readonly url: string,
    private readonly options: LocaltunnelOptions
  ) {
    this.log = options.logger ?? silentLogger
    // Attached before anything can fail and never removed: an 'error' without a listener throws.
    tunnel.on('error', (error: unknown) => {
      this.log.debug('tunnel socket refused', { error })
      this.fail(
        'The tunnel server no longer accepts this tunnel (it may have restarted or expired it).'
      )
    })
    // Nobody awaits this until `ready`; a failure before then must not count as unhandled.
    this.opened.promise.catch(() => undefined)
  }

  watch(): void {
    const cluster = this.tunnel.tunnelCluster
    if (!cluster) throw new TunnelError('The localtunnel client did not start; update the app.')
    cluster.on('open', () => {
      this.live += 1
      clearTimeout(this.staleTimer)
      if (this.state !== 'opening') return
      this.state = 'up'
      this.opened.resolve()
      this.startProbe()
    })
    cluster.on('dead', () => {
      this.live = Math.max(0, this.live - 1)
      if (this.live === 0 && this.state === 'up') this.armStale()
    })
    cluster.on('request', (info: unknown) => {
      const path = (info as { path?: unknown } | undefined)?.path
      if (typeof path !== 'string' || !path.includes(PROBE_PATH)) return
      for (const [nonce, arrived] of this.probeArrivals) if (path.includes(nonce)) arrived()
    })
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
    this.tunnel.close()
  }

  private armStale(): void {
    clearTimeout(this.staleTimer)
    this.staleTimer = setTimeout(
      () => this.fail('The connection to the tunnel server was lost.'),
      this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS
    )
    this.staleTimer.unref()
  }

  private startProbe(): void {
    const every = this.options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS
    if (every <= 0) return
    this.probeTimer = setInterval(() => void this.probe(), every)
    this.probeTimer.unref()
  }

  /** Fetches the public URL and checks that the request came out of this tunnel. */
  private async probe(): Promise<void> {
    if (this.probing || this.state !== 'up') return
    this.probing = true
    const nonce = randomBytes(9).toString('base64url')
    let arrived = false
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
    } catch {
      // No answer is judged below by whether the request arrived, like any other answer.
    } finally {
      this.probeArrivals.delete(nonce)
      this.probing = false
    }
    if (this.state !== 'up') return
    if (arrived) {
      this.probeFailures = 0
      return
    }
    this.probeFailures += 1
    this.log.warn('tunnel probe did not come through', { failures: this.probeFailures })
    if (this.probeFailures >= PROBE_FAILURES_DOWN) {
      this.fail('Requests to the public address no longer reach this app.')
    }
  }
}
