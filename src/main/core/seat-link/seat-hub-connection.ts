/**
 * The secure seat client as the seat desk's HubConnection (core/seat/hub-connection.ts): the seat
 * core forwards its windows' call work through it and shows its link state.
 *
 * The hub's name: its desk name, as the link's welcome tells it; until the link is first up (or
 * from a hub that does not send it), its address's host ("calls.example.com").
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
      return status.words
        ? {
            state: 'offline',
            reason: status.reason.replace(OFFLINE_PREFIX, ''),
            reasonWords: status.words
          }
        : { state: 'offline', reason: status.reason.replace(OFFLINE_PREFIX, '') }
    case 'refused':
      return status.words
        ? { state: 'refused', sentence: status.reason, words: status.words }
        : { state: 'refused', sentence: status.reason }
  }
}

/** The hub as a person reads its address: the host (and port), never the path or credentials. */
export function hubNameOf(hubUrl: string): string {
  return new URL(hubUrl).host
}

export class SeatHubConnection implements HubConnection {
  private readonly closeListeners = new Set<() => void>()
  private closed = false
  /** The hub's desk name from its last welcome, kept while the link is down. */
  private toldName: string | undefined
  private readonly host: string

  constructor(
    private readonly client: SeatClient,
    hubUrl: string
  ) {
    this.host = hubNameOf(hubUrl)
    client.onStatus((status) => this.remember(status))
  }

  private remember(status: SeatLinkStatus): void {
    if (status.state === 'online' && status.hubName) this.toldName = status.hubName
  }

  get hubName(): string {
    this.remember(this.client.status)
    return this.toldName ?? this.host
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
