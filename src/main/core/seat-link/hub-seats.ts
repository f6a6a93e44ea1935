/**
 * The hub's side of the seat link, assembled for the core: its long-term key and list of seats
 * from the data folder, the pending pairing codes, and the seat endpoint on the webhook listener
 * (and on the local network, when the owner turns that on: settings-effects/seat-lan.ts).
 * What the hub's "Desks" section and `npm run hub` will drive.
 */
import { createHash } from 'node:crypto'
import type { DesksOnNetwork } from '../../../shared/desks'
import type { Logger } from '../log'
import type { SettingsPort } from '../service/ports'
import { followSeatLan, type SeatLan } from '../settings-effects/seat-lan'
import { deskName } from '../webhook-owner'
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
  /** The hub's public address changed (or is known at last): connected seats are told. */
  setPublicUrl(url: string | null): void
  /** `host:port` of the hub on its local network while desks may connect there, else undefined. */
  lanAddress(): string | undefined
  /** Desks on the local network: open (where) or failed (why); undefined while off. */
  lanStatus(): DesksOnNetwork | undefined
  /** Hears the local network listener open, close or fail. */
  onLanChange(listener: () => void): () => void
  /**
   * The localtunnel subdomain this hub asks for when none is set: the same on every start of this
   * install (made from its link key), so seats find it again after a restart.
   */
  readonly tunnelSubdomain: string
  close(): Promise<void>
}

/** One DNS label, made from the hub's public key but not revealing its fingerprint. */
export function tunnelSubdomainOf(hubPublicKey: Uint8Array): string {
  const digest = createHash('sha256')
    .update('messenger-softphone tunnel subdomain\0')
    .update(hubPublicKey)
    .digest('hex')
  return `desk-${digest.slice(0, 20)}`
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
  /**
   * The hub's desk name, told to seats as they connect; default: the settings' (desk.name, or the
   * computer's name).
   */
  hubName?: () => string
  /**
   * The hub's settings: `seats.lan` opens the local network listener (without settings it stays
   * off), `desk.name` names the hub.
   */
  settings?: Pick<SettingsPort, 'get' | 'onChange'> | undefined
  /** Where the local network listener binds (default every interface; tests keep to loopback). */
  lanHost?: string | undefined
}

export async function openHubSeats(options: OpenHubSeatsOptions): Promise<HubSeats> {
  const { settings } = options
  const pairing: HubPairing = {
    keyPair: await loadOrCreateLinkKeyPair(options.dataDir),
    codes: new PairingCodes({ now: options.now }),
    seats: await SeatRegistry.open(options.dataDir),
    hubName: options.hubName ?? (settings && (() => deskName(settings.get())))
  }
  const now = options.now ?? Date.now
  const lastSeen = new Map<string, number>()
  const presence = new TypedEmitter<{
    presence: { name: string; online: boolean }
    lan: undefined
  }>()
  const endpoint = createSeatEndpoint({
    ...options,
    hub: pairing,
    onPresence: (seat) => {
      lastSeen.set(seat.name.toLowerCase(), now())
      presence.emit('presence', seat)
    }
  })
  const stopServing = options.webhook.serveUpgrades(SEAT_LINK_PATH, endpoint.handleUpgrade)
  const lan: SeatLan | undefined =
    options.settings &&
    followSeatLan({
      handleUpgrade: endpoint.handleUpgrade,
      settings: options.settings,
      logger: options.logger,
      bindHost: options.lanHost,
      onChange: () => presence.emit('lan', undefined)
    })
  return {
    pairing,
    issueCode: (name) => issuePairingCode(pairing, name),
    remove: (name) => pairing.seats.remove(name),
    list: () => pairing.seats.list(),
    online: () => endpoint.online(),
    lastSeenAt: (name) => lastSeen.get(name.toLowerCase()),
    onPresence: (listener) => presence.on('presence', listener),
    setPublicUrl: (url) => endpoint.setPublicUrl(url),
    lanAddress: () => lan?.address(),
    lanStatus: () => lan?.status(),
    onLanChange: (listener) => presence.on('lan', listener),
    tunnelSubdomain: tunnelSubdomainOf(pairing.keyPair.publicKey),
    async close() {
      stopServing()
      await lan?.close()
      await endpoint.close()
    }
  }
}
