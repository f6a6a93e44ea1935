/**
 * The secure seat client as the seat desk's HubConnection (core/seat/hub-connection.ts): the seat
 * core forwards its windows' call work through it and shows its link state.
 *
 * The hub's name: the link's welcome names only this desk, and the hub's identity endpoint answers
 * only installs holding the app secret (a seat holds none), so the hub is called by its address's
 * host ("calls.example.com") until the link carries the hub's desk name.
 */
import type { EventName } from '../../../shared/api'
import type { EventListener } from '../../../shared/bridge-client'
import type { HubLinkStatus } from '../../../shared/hub-link'
import type { HubConnection } from '../seat/hub-connection'
import type { SeatClient, SeatLinkStatus } from './seat-client'

const OFFLINE_PREFIX = /^Hub offline: /

/** The seat client's state in the words a seat's windows use (hub-link.ts). */
export function hubLinkStatusOf(status: SeatLinkStatus): HubLinkStatus {
  switch (status.state) {
    case 'connecting':
    case 'online':
      return { state: status.state }
    case 'offline':
      // hub-link's sentences say "The hub is offline" themselves.
      return { state: 'offline', reason: status.reason.replace(OFFLINE_PREFIX, '') }
    case 'refused':
      return { state: 'refused', sentence: status.reason }
  }
}

/** The hub as a person reads its address: the host (and port), never the path or credentials. */
export function hubNameOf(hubUrl: string): string {
  return new URL(hubUrl).host
}

export class SeatHubConnection implements HubConnection {
  readonly hubName: string
  private readonly closeListeners = new Set<() => void>()
  private closed = false

  constructor(
    private readonly client: SeatClient,
    hubUrl: string
  ) {
    this.hubName = hubNameOf(hubUrl)
  }

  get api(): SeatClient['api'] {
    return this.client.api
  }

  status(): HubLinkStatus {
    return hubLinkStatusOf(this.client.status)
  }

  onStatus(listener: (status: HubLinkStatus) => void): () => void {
    return this.client.onStatus((status) => listener(hubLinkStatusOf(status)))
  }

  /** The seat client keeps these across reconnections (it re-wires each new link to them). */
  on<K extends EventName>(event: K, listener: EventListener<K>): () => void {
    return this.client.on(event, listener)
  }

  /** Heard once, when this desk closes the link for good (a dropped link reconnects). */
  onClose(listener: () => void): void {
    this.closeListeners.add(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.client.close()
    for (const listener of this.closeListeners) listener()
  }
}
