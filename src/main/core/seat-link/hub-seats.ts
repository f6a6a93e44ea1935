/**
 * The hub's side of the seat link, assembled for the core: its long-term key and list of seats
 * from the data folder, the pending pairing codes, and the seat endpoint on the webhook listener.
 * What the hub's "Desks" section and `npm run hub` will drive.
 */
import type { Logger } from '../log'
import { TypedEmitter } from '../shared/typed-emitter'
import type { CommandRunner } from '../service/serve-command'
import type { SoftphoneService } from '../service/softphone-service'
import type { WebhookServer } from '../webhook/server'
import { loadOrCreateLinkKeyPair } from './link-key-files'
import { issuePairingCode, type HubPairing } from './pairing'
import { PairingCodes } from './pairing-codes'
import { createSeatEndpoint, SEAT_LINK_PATH, type SeatEndpointOptions } from './seat-endpoint'
import { SeatRegistry, type SeatRecord } from './seat-registry'

export interface HubSeats {
  readonly pairing: HubPairing
  /** "Add a desk": the one-time code to give the desk that will be called `name`. */
  issueCode(name: string): { text: string; expiresAt: number }
  /** "Remove": its connection closes at once and its key never works again. */
  remove(name: string): Promise<SeatRecord | undefined>
  list(): readonly SeatRecord[]
  /** The names of the seats connected now. */
  online(): string[]
  /**
   * When the seat last connected or disconnected, ignoring case; undefined when it has not
   * connected since the hub started (kept in memory only).
   */
  lastSeenAt(name: string): number | undefined
  /** Hears a seat connect or disconnect (a newly paired seat connects at once). */
  onPresence(listener: (seat: { name: string; online: boolean }) => void): () => void
  close(): Promise<void>
}

export interface OpenHubSeatsOptions extends Pick<
  SeatEndpointOptions,
  'version' | 'pingMs' | 'handshakeTimeoutMs' | 'refusalTimers'
> {
  dataDir: string
  webhook: Pick<WebhookServer, 'serveUpgrades'>
  service: Pick<SoftphoneService, 'attach'> & CommandRunner
  logger: Logger
  now?: () => number
  /** The hub's desk name (settings desk.name, or the computer's), told to seats as they connect. */
  hubName?: () => string
}

export async function openHubSeats(options: OpenHubSeatsOptions): Promise<HubSeats> {
  const pairing: HubPairing = {
    keyPair: await loadOrCreateLinkKeyPair(options.dataDir),
    codes: new PairingCodes({ now: options.now }),
    seats: await SeatRegistry.open(options.dataDir),
    hubName: options.hubName
  }
  const now = options.now ?? Date.now
  const lastSeen = new Map<string, number>()
  const presence = new TypedEmitter<{ presence: { name: string; online: boolean } }>()
  const endpoint = createSeatEndpoint({
    ...options,
    hub: pairing,
    onPresence: (seat) => {
      lastSeen.set(seat.name.toLowerCase(), now())
      presence.emit('presence', seat)
    }
  })
  const stopServing = options.webhook.serveUpgrades(SEAT_LINK_PATH, endpoint.handleUpgrade)
  return {
    pairing,
    issueCode: (name) => issuePairingCode(pairing, name),
    remove: (name) => pairing.seats.remove(name),
    list: () => pairing.seats.list(),
    online: () => endpoint.online(),
    lastSeenAt: (name) => lastSeen.get(name.toLowerCase()),
    onPresence: (listener) => presence.on('presence', listener),
    async close() {
      stopServing()
      await endpoint.close()
    }
  }
}
