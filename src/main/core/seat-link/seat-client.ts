/**
 * A seat's connection to its hub, in plain Node (a seat desk's core, a browser-mode seat): the
 * same API as the loopback bridge's client (shared/bridge-client.ts), carried by the secure link.
 *
 * The first connection pairs with the one-time code and pins the hub's key in the data folder;
 * every later one proves this desk's key against the pinned hub. A dropped link is retried with
 * backoff (0.5 s doubling to 30 s, jitter); a refusal the hub sealed that no retry can heal
 * (seat-refusals.ts) stops the retries until `reconnect()` is called, and one that cannot be
 * sealed (the versions differ) is shown while retrying every 30 s. A hub that stops pinging (two
 * of its 20 s intervals and a bit) is taken for gone, as a silent network drop would leave it.
 *
 * Addresses: the hub's public one, and its local network one when the invitation carried it
 * (tried first). The hub tells its seats, sealed, when its public address changes (a tunnel
 * given another subdomain): the seat reconnects there after the next drop, and `onHubUrl` hears
 * it so the desk can keep it for its next start.
 */
import type { WebSocket } from 'ws'
import type { EventName, SoftphoneApi } from '../../../shared/api'
import { createApi, EVENT_NAMES } from '../../../shared/api-names'
import {
  createBridgeClient,
  type BridgeClient,
  type EventListener
} from '../../../shared/bridge-client'
import { silentLogger, type Logger } from '../log'
import { TypedEmitter } from '../shared/typed-emitter'
import { backoffDelay } from '../tunnel/backoff'
import { parseInvitation } from './desk-invitation'
import type { LinkControl } from './link-control'
import { loadOrCreateLinkKeyPair, loadPinnedHub, savePinnedHub } from './link-key-files'
import { linkSocket } from './link-socket'
import { webSocketTransport } from './message-transport'
import { connectToHub, pairWithHub, SealedRefusalError } from './pairing'
import { isLocalNetworkUrl, openFirstSeatSocket, seatLinkUrl } from './seat-addresses'
import {
  HUB_SILENT_MS,
  notOnlineFailure,
  offlineStatus,
  realTimers,
  SEAT_BACKOFF,
  type SeatClientOptions,
  type SeatLinkStatus,
  type SeatTimers
} from './seat-client-options'
import {
  knownOfflineReasonOf,
  localRefusalOf,
  offlineReasonOf,
  sealedRefusalOf,
  slowRefusalOf,
  type Refusal
} from './seat-refusals'
import type { SecureLink } from './secure-link'

export {
  SEAT_BACKOFF,
  type SeatClientOptions,
  type SeatLinkStatus,
  type SeatTimers
} from './seat-client-options'
import { englishLine } from '../../../shared/words-english'
import { words, type Words } from '../../../shared/words'
export { seatLinkUrl } from './seat-addresses'

interface SeatClientEvents {
  status: SeatLinkStatus
}

export class SeatClient {
  readonly api: SoftphoneApi
  private current: SeatLinkStatus = offlineStatus(words('hubReason.notYet'))
  private readonly events = new TypedEmitter<SeatClientEvents>()
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private bridge: BridgeClient | undefined
  private socket: WebSocket | undefined
  private retryTimer: unknown
  private failures = 0
  private stopped = true
  private attempt = 0
  /** Retrying every 30 s behind an unsealed refusal: its sentence stays shown meanwhile. */
  private slowRetry = false
  private readonly timers: SeatTimers
  private readonly log: Logger

  private readonly options: SeatClientOptions

  constructor(options: SeatClientOptions) {
    // A copy: the pairing code is forgotten here once used, never in the caller's object.
    this.options = { ...options }
    // An address on the local network (SOFTPHONE_HUB=http://192.168.1.20:47802) stays the first
    // tried even after the hub tells its public one.
    if (!options.lanUrl && options.hubUrl && isLocalNetworkUrl(options.hubUrl)) {
      this.options.lanUrl = options.hubUrl
    }
    this.takeInvitation(options.pairingCode)
    this.timers = options.timers ?? realTimers
    this.log = (options.logger ?? silentLogger).child('seat-client')
    this.api = createApi((command, request) => {
      const bridge = this.bridge
      if (!bridge || this.current.state !== 'online') {
        return Promise.reject(notOnlineFailure(this.current))
      }
      return (bridge.api[command] as (request: unknown) => Promise<unknown>)(request)
    })
  }

  get status(): SeatLinkStatus {
    return this.current
  }

  /** The addresses the next connection tries: the local network's first, then the public one. */
  get addresses(): { hubUrl?: string | undefined; lanUrl?: string | undefined } {
    return { hubUrl: this.options.hubUrl, lanUrl: this.options.lanUrl }
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
    this.slowRetry = false
    this.attempt += 1
    this.timers.clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    const { bridge, socket } = this
    this.dropConnection()
    bridge?.close()
    socket?.terminate()
    if (this.current.state !== 'refused')
      this.setStatus(offlineStatus(words('hubReason.closedHere')))
  }

  /** An invitation's address wins over any other: the code is only good at that hub. */
  private takeInvitation(text: string | undefined): void {
    this.options.pairingCode = text
    if (text === undefined) return
    try {
      const invitation = parseInvitation(text)
      this.options.pairingCode = invitation.pairingCode
      if (invitation.hubUrl) this.options.hubUrl = invitation.hubUrl
      if (invitation.lanUrl) this.options.lanUrl = invitation.lanUrl
    } catch {
      // Left as given: pairing refuses it with the sentence saying what is wrong.
    }
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt
    if (!this.slowRetry) this.setStatus({ state: 'connecting' })
    let closeReason: string | undefined
    try {
      const { dataDir } = this.options
      const keyPair = await loadOrCreateLinkKeyPair(dataDir)
      const hubPublicKey = await loadPinnedHub(dataDir)
      const code = this.options.pairingCode
      if (attempt !== this.attempt) return
      if (!hubPublicKey && !code) {
        return this.refuse(words('seatRefused.notPaired'))
      }
      const hubUrl = this.options.hubUrl
      if (!hubUrl) {
        return this.refuse(words('seatRefused.noHubAddress'))
      }
      const { socket } = await openFirstSeatSocket({ hubUrl, lanUrl: this.options.lanUrl })
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
      const local = localRefusalOf(error)
      if (local) return this.refuse(local)
      if (error instanceof SealedRefusalError) return this.refusedSealed(error.reason)
      // Unsealed: whatever it says, it may be the carrier's; at most it slows the retries down.
      const slow = slowRefusalOf(closeReason ?? '') ?? slowRefusalOf(reason)
      if (slow) return this.refuse(slow, { retrySlowly: true })
      // The hub's (or its carrier's) close reason as said; this desk's own reason as words.
      this.offline(closeReason || offlineReasonOf(error))
    }
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
    let sealedRefusal: string | undefined
    const control = (message: LinkControl): void => {
      if (message.type === 'refused') sealedRefusal = message.reason
      else this.adoptHubUrl(message.url)
    }
    const bridge = createBridgeClient(linkSocket(link, control))
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
      if (sealedRefusal !== undefined) return this.refusedSealed(sealedRefusal)
      this.offline(closeReason() || linkReason || words('hubReason.dropped'))
    })
    this.failures = 0
    this.slowRetry = false
    this.setStatus({ state: 'online', ...names })
  }

  private dropConnection(): void {
    this.bridge = undefined
    this.socket = undefined
  }

  /** The hub's new public address, sealed: the next connection goes there. */
  private adoptHubUrl(url: string): void {
    const known = this.options.hubUrl
    // The same place written another way (a trailing slash) is no news.
    if (known && seatLinkUrl(known) === seatLinkUrl(url)) return
    this.log.info('the hub told its new address', { hubUrl: url })
    this.options.hubUrl = url
    this.options.onHubUrl?.(url)
  }

  /** What the hub said sealed: final, unless it heals with time (too many pairing attempts). */
  private refusedSealed(reason: string): void {
    const refusal = sealedRefusalOf(reason)
    if (refusal) this.refuse(refusal)
    else this.offline(reason)
  }

  private offline(said: string | Words): void {
    // No longer behind a refusal: the next tries say "connecting" again.
    this.slowRetry = false
    this.setStatus(offlineStatus(typeof said === 'string' ? knownOfflineReasonOf(said) : said))
    if (this.stopped) return
    this.failures += 1
    const delay = backoffDelay(
      this.options.backoff ?? SEAT_BACKOFF,
      this.failures,
      this.options.random
    )
    this.log.info('hub offline, retrying', { reason: englishLine(said), delayMs: delay })
    this.retryIn(delay)
  }

  private retryIn(delay: number): void {
    // Timer "hub reconnect" (once per lost connection or refusal, with backoff).
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined
      if (!this.stopped) void this.connect()
    }, delay)
  }

  private refuse(refusal: Refusal, options: { retrySlowly?: boolean } = {}): void {
    this.attempt += 1
    this.socket?.terminate()
    this.dropConnection()
    const reason = englishLine(refusal)
    const changed = this.current.state !== 'refused' || this.current.reason !== reason
    if (changed) {
      const said = typeof refusal === 'string' ? {} : { words: refusal }
      this.setStatus({ state: 'refused', reason, ...said })
    }
    if (!options.retrySlowly || this.stopped) {
      this.stopped = true
      this.slowRetry = false
      return
    }
    this.slowRetry = true
    const { maxMs } = this.options.backoff ?? SEAT_BACKOFF
    this.log.info('refused without a seal; retrying slowly', { reason, delayMs: maxMs })
    this.retryIn(maxMs)
  }

  private setStatus(status: SeatLinkStatus): void {
    this.current = status
    this.events.emit('status', status)
  }
}
