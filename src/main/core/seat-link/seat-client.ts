/**
 * A seat's connection to its hub, in plain Node (a seat desk's core, a browser-mode seat): the
 * same API as the loopback bridge's client (shared/bridge-client.ts), carried by the secure link.
 *
 * The first connection pairs with the one-time code and pins the hub's key in the data folder;
 * every later one proves this desk's key against the pinned hub. A dropped link is retried with
 * backoff (0.5 s doubling to 30 s, jitter); a refusal that no retry can heal (seat-refusals.ts)
 * stops the retries until `reconnect()` is called. A hub that stops pinging (two of its 20 s
 * intervals and a bit) is taken for gone, as a silent network drop would leave it.
 */
import { WebSocket } from 'ws'
import type { EventName, SoftphoneApi } from '../../../shared/api'
import { createApi, EVENT_NAMES } from '../../../shared/api-names'
import {
  createBridgeClient,
  type BridgeClient,
  type EventListener
} from '../../../shared/bridge-client'
import { ServiceError } from '../../../shared/service-error'
import { silentLogger, type Logger } from '../log'
import { TypedEmitter } from '../shared/typed-emitter'
import { backoffDelay, type BackoffPolicy } from '../tunnel/backoff'
import { loadOrCreateLinkKeyPair, loadPinnedHub, savePinnedHub } from './link-key-files'
import { linkSocket } from './link-socket'
import { webSocketTransport } from './message-transport'
import { MAX_NOISE_MESSAGE } from './noise-primitives'
import { parseInvitation } from './desk-invitation'
import { connectToHub, pairWithHub, type LinkOptions } from './pairing'
import { SEAT_LINK_PATH, SEAT_PING_MS } from './seat-endpoint'
import { localRefusalOf, refusalOf } from './seat-refusals'
import type { SecureLink } from './secure-link'

export type SeatLinkStatus =
  | { state: 'connecting' }
  /** `hubName`: the hub's desk name, when the hub told it. */
  | { state: 'online'; name: string; hubName?: string | undefined }
  | { state: 'offline'; reason: string }
  | { state: 'refused'; reason: string }

export const SEAT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 }
const HUB_SILENT_MS = SEAT_PING_MS * 2 + 5_000

export interface SeatTimers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: SeatTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout)
}

export interface SeatClientOptions extends LinkOptions {
  /**
   * The hub's public address (its tunnel URL or PUBLIC_URL), http(s) or ws(s); may be left out
   * when `pairingCode` is the hub's invitation, which carries it (desk-invitation.ts).
   */
  hubUrl?: string | undefined
  /** Where this desk's key and the pinned hub key are kept. */
  dataDir: string
  /** The one-time code, or the whole invitation "Add a desk" gave, for the first connection only. */
  pairingCode?: string | undefined
  backoff?: BackoffPolicy | undefined
  random?: (() => number) | undefined
  timers?: SeatTimers | undefined
  /** How long without a ping from the hub before its connection counts as dead. */
  hubSilentMs?: number | undefined
  logger?: Logger | undefined
}

/** The hub's seat address for its public address: https -> wss, beside any path prefix. */
export function seatLinkUrl(hubUrl: string): string {
  const url = new URL(hubUrl)
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:'
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${SEAT_LINK_PATH}`
  url.search = ''
  url.hash = ''
  return url.toString()
}

interface SeatClientEvents {
  status: SeatLinkStatus
}

export class SeatClient {
  readonly api: SoftphoneApi
  private current: SeatLinkStatus = { state: 'offline', reason: 'Not connected yet' }
  private readonly events = new TypedEmitter<SeatClientEvents>()
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private bridge: BridgeClient | undefined
  private socket: WebSocket | undefined
  private retryTimer: unknown
  private failures = 0
  private stopped = true
  private attempt = 0
  private readonly timers: SeatTimers
  private readonly log: Logger

  private readonly options: SeatClientOptions

  constructor(options: SeatClientOptions) {
    // A copy: the pairing code is forgotten here once used, never in the caller's object.
    this.options = { ...options }
    this.takeInvitation(options.pairingCode)
    this.timers = options.timers ?? realTimers
    this.log = (options.logger ?? silentLogger).child('seat-client')
    this.api = createApi((command, request) => {
      const bridge = this.bridge
      if (!bridge || this.current.state !== 'online') {
        const why = 'reason' in this.current ? `: ${this.current.reason}` : ''
        return Promise.reject(
          new ServiceError('internal', `This desk is not online with its hub${why}.`)
        )
      }
      return (bridge.api[command] as (request: unknown) => Promise<unknown>)(request)
    })
  }

  get status(): SeatLinkStatus {
    return this.current
  }

  onStatus(listener: (status: SeatLinkStatus) => void): () => void {
    return this.events.on('status', listener)
  }

  /** Hears the hub's events across reconnections. */
  on<K extends EventName>(event: K, listener: EventListener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    const wrapped = listener as (payload: unknown) => void
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  /** Connects, and keeps connecting after drops until closed or refused. */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.failures = 0
    void this.connect()
  }

  /** After a refusal: try again now (with a new pairing code, if one is given). */
  reconnect(pairingCode?: string): void {
    if (pairingCode !== undefined) this.takeInvitation(pairingCode)
    this.close()
    this.start()
  }

  close(): void {
    this.stopped = true
    this.attempt += 1
    this.timers.clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    const { bridge, socket } = this
    this.dropConnection()
    bridge?.close()
    socket?.terminate()
    if (this.current.state !== 'refused') this.setStatus({ state: 'offline', reason: 'Closed' })
  }

  /** An invitation's address wins over any other: the code is only good at that hub. */
  private takeInvitation(text: string | undefined): void {
    this.options.pairingCode = text
    if (text === undefined) return
    try {
      const invitation = parseInvitation(text)
      this.options.pairingCode = invitation.pairingCode
      if (invitation.hubUrl) this.options.hubUrl = invitation.hubUrl
    } catch {
      // Left as given: pairing refuses it with the sentence saying what is wrong.
    }
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt
    this.setStatus({ state: 'connecting' })
    let closeReason: string | undefined
    try {
      const { dataDir } = this.options
      const keyPair = await loadOrCreateLinkKeyPair(dataDir)
      const hubPublicKey = await loadPinnedHub(dataDir)
      const code = this.options.pairingCode
      if (attempt !== this.attempt) return
      if (!hubPublicKey && !code) {
        return this.refuse('This desk is not paired with a hub yet: it needs a pairing code')
      }
      const hubUrl = this.options.hubUrl
      if (!hubUrl) {
        return this.refuse(
          "This desk does not know its hub's address: paste the hub's whole invitation"
        )
      }
      const socket = await this.open(hubUrl)
      if (attempt !== this.attempt) return void socket.terminate()
      this.socket = socket
      socket.on('close', (_code, reason) => (closeReason ||= reason.toString()))
      const transport = webSocketTransport(socket)
      const linkOptions = {
        version: this.options.version,
        handshakeTimeoutMs: this.options.handshakeTimeoutMs
      }
      let link: SecureLink
      let name: string
      let hubName: string | undefined
      if (hubPublicKey) {
        ;({ link, name, hubName } = await connectToHub(
          transport,
          { keyPair, hubPublicKey },
          linkOptions
        ))
      } else {
        const paired = await pairWithHub(transport, { keyPair, code: code! }, linkOptions)
        await savePinnedHub(dataDir, paired.hubPublicKey)
        // Used up: it must never be sent again, not even to the same hub.
        this.options.pairingCode = undefined
        ;({ link, name, hubName } = paired)
      }
      if (attempt !== this.attempt) return link.close('The seat closed the connection')
      this.online(socket, link, { name, hubName }, () => closeReason)
    } catch (error) {
      if (attempt !== this.attempt) return
      const reason = (error as Error).message
      this.dropConnection()
      const refusal = localRefusalOf(error) ?? refusalOf(closeReason ?? '') ?? refusalOf(reason)
      if (refusal) return this.refuse(refusal)
      this.offline(closeReason || reason)
    }
  }

  private open(hubUrl: string): Promise<WebSocket> {
    const socket = new WebSocket(seatLinkUrl(hubUrl), {
      maxPayload: MAX_NOISE_MESSAGE,
      handshakeTimeout: 10_000
    })
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket))
      socket.once('error', (error) =>
        reject(new Error(`The hub could not be reached (${error.message})`))
      )
      socket.once('close', () => reject(new Error('The hub closed the connection')))
    })
  }

  private online(
    socket: WebSocket,
    link: SecureLink,
    names: { name: string; hubName?: string | undefined },
    closeReason: () => string | undefined
  ): void {
    // A later error is followed by a close, handled below; unheard, it would throw.
    socket.on('error', (error) => this.log.warn('hub connection error', { error: String(error) }))
    let silence: unknown
    const expectPing = (): void => {
      this.timers.clearTimeout(silence)
      // Timer "hub silence watchdog": re-armed by each of the hub's pings.
      silence = this.timers.setTimeout(
        () => socket.terminate(),
        this.options.hubSilentMs ?? HUB_SILENT_MS
      )
    }
    socket.on('ping', expectPing)
    expectPing()
    const bridge = createBridgeClient(linkSocket(link))
    this.bridge = bridge
    for (const event of EVENT_NAMES) {
      bridge.on(event, (payload) =>
        this.listeners.get(event)?.forEach((listener) => listener(payload))
      )
    }
    link.onClose((linkReason) => {
      this.timers.clearTimeout(silence)
      if (this.bridge !== bridge) return
      this.dropConnection()
      const reason = closeReason() || linkReason || 'The connection to the hub dropped'
      const refusal = refusalOf(reason)
      if (refusal) return this.refuse(refusal)
      this.offline(reason)
    })
    this.failures = 0
    this.setStatus({ state: 'online', ...names })
  }

  private dropConnection(): void {
    this.bridge = undefined
    this.socket = undefined
  }

  private offline(reason: string): void {
    this.setStatus({ state: 'offline', reason: `Hub offline: ${reason}` })
    if (this.stopped) return
    this.failures += 1
    const delay = backoffDelay(
      this.options.backoff ?? SEAT_BACKOFF,
      this.failures,
      this.options.random
    )
    this.log.info('hub offline, retrying', { reason, delayMs: delay })
    // Timer "hub reconnect" (once per lost connection, with backoff).
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined
      if (!this.stopped) void this.connect()
    }, delay)
  }

  private refuse(reason: string): void {
    this.stopped = true
    this.attempt += 1
    this.socket?.terminate()
    this.dropConnection()
    this.setStatus({ state: 'refused', reason })
  }

  private setStatus(status: SeatLinkStatus): void {
    this.current = status
    this.events.emit('status', status)
  }
}
