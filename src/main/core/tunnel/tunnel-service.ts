/**
 * Gives the local webhook listener a public URL and keeps it working: a localtunnel (reopened with
 * backoff when it drops), or the owner's own URL, or nothing. UIs show `status`; the webhook
 * registrar follows `publicUrl`. The Electron shell calls `refresh()` when the computer wakes up,
 * since a tunnel rarely survives a sleep even when its sockets look open.
 */
import type { TunnelStatus } from '../../../shared/tunnel'
import { TUNNEL_OFF } from '../../../shared/tunnel'
import { insecureUrlWords } from './insecure-url'
import { TypedEmitter, type Listener } from '../shared/typed-emitter'
import type { RuntimeConfig } from '../config'
import type { Logger } from '../log'
import { TUNNEL_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff'
import {
  TunnelError,
  tunnelErrorSentence,
  type TunnelConnection,
  type TunnelConnector
} from './connection'
import { localtunnelConnector } from './localtunnel-client'
import { words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

/** The localtunnel client's own default server. */
export const DEFAULT_TUNNEL_HOST = 'https://localtunnel.me'
export const DEFAULT_OPEN_TIMEOUT_MS = 20_000
/**
 * How many times a tunnel given another subdomain than the one asked for is dropped to ask again
 * before the other one is taken. The server keeps a dropped tunnel's subdomain a moment (a
 * second upstream), so the quick reconnect after a blip often finds it still taken; its seats
 * and Meta only know the old address, so it is worth a few seconds to get it back.
 */
export const SUBDOMAIN_RETRIES = 2

/** Whether the tunnel's URL carries the subdomain: as its first label, or its first path segment. */
export function hasSubdomain(url: string, subdomain: string): boolean {
  const { hostname, pathname } = new URL(url)
  return hostname.split('.')[0] === subdomain || pathname.split('/')[1] === subdomain
}

export type TunnelConfig = RuntimeConfig['tunnel']

export interface TunnelServiceOptions {
  config: TunnelConfig
  /** The webhook listener's port on 127.0.0.1. */
  localPort: number
  logger: Logger
  /** Opens one tunnel; default: the localtunnel client. */
  connector?: TunnelConnector | undefined
  backoff?: BackoffPolicy | undefined
  /** One attempt (asking the server and the first socket) gets this long. */
  openTimeoutMs?: number | undefined
  random?: (() => number) | undefined
}

export interface TunnelServiceEvents {
  status: TunnelStatus
  /**
   * The public base URL after every (re)connection, even when it did not change (Meta may have
   * disabled a subscription that failed while the tunnel was down), and null when it stops working.
   */
  publicUrl: string | null
}

export class TunnelService {
  private readonly events: TypedEmitter<TunnelServiceEvents>
  private readonly log: Logger
  private readonly connector: TunnelConnector
  private current: TunnelStatus = TUNNEL_OFF
  private running = false
  private connection: TunnelConnection | undefined
  private opening: AbortController | undefined
  private retryTimer: NodeJS.Timeout | undefined
  /** Consecutive failures (a drop counts as one): they set the next delay. */
  private failures = 0
  /** Bumped by every new attempt and teardown, so a late result of an old one is ignored. */
  private epoch = 0
  /** Tunnels dropped in a row because they came with another subdomain than the one asked for. */
  private subdomainMisses = 0

  constructor(private readonly options: TunnelServiceOptions) {
    this.log = options.logger.child('tunnel')
    this.connector = options.connector ?? localtunnelConnector({ logger: this.log })
    this.events = new TypedEmitter((error, event) =>
      this.log.error('tunnel status listener failed', { event: String(event), error })
    )
  }

  get status(): TunnelStatus {
    return this.current
  }

  get publicUrl(): string | null {
    return this.current.state === 'up' ? this.current.url : null
  }

  on<K extends keyof TunnelServiceEvents>(
    event: K,
    listener: Listener<TunnelServiceEvents[K]>
  ): () => void {
    return this.events.on(event, listener)
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.begin()
  }

  /** Drops whatever there is and starts over now, without waiting for a backoff. */
  refresh(): void {
    if (!this.running) return
    this.log.info('refreshing the tunnel')
    this.teardown()
    this.begin()
  }

  stop(): void {
    if (!this.running) return
    this.running = false
    this.teardown()
    this.setStatus(TUNNEL_OFF)
  }

  private begin(): void {
    const config = this.options.config
    switch (config.mode) {
      case 'none':
        this.setStatus(TUNNEL_OFF)
        return
      case 'own-url':
        if (!config.publicUrl) {
          const said = words('tunnel.noPublicUrl')
          this.setStatus({ state: 'error', message: englishWords(said), words: said })
          return
        }
        this.up(config.publicUrl)
        return
      case 'localtunnel':
        this.failures = 0
        this.attempt(1)
        return
    }
  }

  private attempt(attempt: number): void {
    const epoch = ++this.epoch
    this.setStatus({ state: 'connecting', attempt })
    const host = this.options.config.host ?? DEFAULT_TUNNEL_HOST
    const timeoutMs = this.options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS
    const controller = new AbortController()
    this.opening = controller
    // Timer "tunnel open timeout" (once per attempt to open the tunnel).
    const timer = setTimeout(() => {
      controller.abort(
        new TunnelError(
          `The tunnel server ${host} did not open a tunnel within ${Math.round(timeoutMs / 1000)} s.`
        )
      )
    }, timeoutMs)
    this.log.debug('opening a tunnel', { host, attempt })
    const request = {
      localPort: this.options.localPort,
      host,
      subdomain: this.options.config.subdomain
    }
    void this.connector(request, controller.signal).then(
      (connection) => {
        clearTimeout(timer)
        if (epoch !== this.epoch) return connection.close()
        this.opening = undefined
        this.connected(connection, attempt)
      },
      (error: unknown) => {
        clearTimeout(timer)
        if (epoch !== this.epoch) return
        this.opening = undefined
        this.attemptFailed(attempt, error)
      }
    )
  }

  private connected(connection: TunnelConnection, attempt: number): void {
    const wanted = this.options.config.subdomain
    if (wanted && !hasSubdomain(connection.url, wanted)) {
      if (this.subdomainMisses < SUBDOMAIN_RETRIES) {
        this.subdomainMisses += 1
        connection.close()
        this.log.warn('the tunnel server gave another subdomain; asking again', { wanted })
        this.failures += 1
        this.scheduleRetry(attempt + 1, `The subdomain ${wanted} was still taken.`)
        return
      }
      this.log.warn('the subdomain is taken: using another address', { url: connection.url })
    }
    this.subdomainMisses = 0
    this.connection = connection
    this.failures = 0
    connection.onDown((reason) => {
      if (this.connection !== connection) return
      this.connection = undefined
      connection.close()
      this.log.warn('tunnel dropped; reconnecting', { url: connection.url, reason })
      this.events.emit('publicUrl', null)
      this.failures = 1
      this.scheduleRetry(1, reason)
    })
    this.up(connection.url)
  }

  private attemptFailed(attempt: number, error: unknown): void {
    const message = tunnelErrorSentence(error)
    if (error instanceof TunnelError && error.permanent) {
      this.log.error('tunnel refused; not retrying until the settings change', { error: message })
      this.setStatus(
        error.words ? { state: 'error', message, words: error.words } : { state: 'error', message }
      )
      return
    }
    this.log.warn('tunnel attempt failed', { attempt, error: message })
    this.failures += 1
    this.scheduleRetry(attempt + 1, message)
  }

  private scheduleRetry(attempt: number, lastError: string): void {
    const retryInMs = backoffDelay(
      this.options.backoff ?? TUNNEL_BACKOFF,
      this.failures,
      this.options.random
    )
    this.setStatus({ state: 'reconnecting', attempt, retryInMs, lastError })
    // Timer "tunnel reconnect" (once per failure, with backoff).
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      this.attempt(attempt)
    }, retryInMs)
  }

  private up(url: string): void {
    this.log.info('public URL ready', { url })
    const source = this.options.config.mode === 'own-url' ? 'own-url' : 'tunnel'
    const warningWords = insecureUrlWords(url, source)
    if (warningWords)
      this.log.warn('the public URL is not https; Meta will not deliver to it', { url })
    this.setStatus(
      warningWords
        ? { state: 'up', url, warning: englishWords(warningWords), warningWords }
        : { state: 'up', url }
    )
    this.events.emit('publicUrl', url)
  }

  private teardown(): void {
    const wasUp = this.current.state === 'up'
    this.epoch += 1
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.opening?.abort(new TunnelError('The tunnel attempt was cancelled.'))
    this.opening = undefined
    this.connection?.close()
    this.connection = undefined
    if (wasUp) this.events.emit('publicUrl', null)
  }

  private setStatus(status: TunnelStatus): void {
    this.current = status
    this.events.emit('status', status)
  }
}
