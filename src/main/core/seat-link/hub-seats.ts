/**
 * The hub's side of the seat link, assembled for the core: its long-term key and list of seats
 * from the data folder, the pending pairing codes, and the seat endpoint on the webhook listener.
 * What the hub's "Desks" section and `npm run hub` will drive.
 */
import type { Logger } from '../log'
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
  close(): Promise<void>
}

export interface OpenHubSeatsOptions extends Pick<
  SeatEndpointOptions,
  'version' | 'pingMs' | 'handshakeTimeoutMs'
> {
  dataDir: string
  webhook: Pick<WebhookServer, 'serveUpgrades'>
  service: Pick<SoftphoneService, 'attach'> & CommandRunner
  logger: Logger
  now?: () => number
}

export async function openHubSeats(options: OpenHubSeatsOptions): Promise<HubSeats> {
  const pairing: HubPairing = {
    keyPair: await loadOrCreateLinkKeyPair(options.dataDir),
    codes: new PairingCodes({ now: options.now }),
    seats: await SeatRegistry.open(options.dataDir)
  }
  const endpoint = createSeatEndpoint({ ...options, hub: pairing })
  const stopServing = options.webhook.serveUpgrades(SEAT_LINK_PATH, endpoint.handleUpgrade)
  return {
    pairing,
    issueCode: (name) => issuePairingCode(pairing, name),
    remove: (name) => pairing.seats.remove(name),
    list: () => pairing.seats.list(),
    online: () => endpoint.online(),
    async close() {
      stopServing()
      await endpoint.close()
    }
  }
}
