/**
 * A HubConnection over the hub core's real loopback bridge (a `ws` socket), for the seat's tests:
 * what the secure seat link will provide, with a test's hands on the link (`cut` closes the
 * socket as a dropped network would, `reconnect` opens a new one).
 */
import type { EventName, SoftphoneEvents } from '../../../../src/shared/api'
import { createApi, EVENT_NAMES } from '../../../../src/shared/api-names'
import type { BridgeClient, EventListener } from '../../../../src/shared/bridge-client'
import type { HubLinkStatus } from '../../../../src/shared/hub-link'
import { ServiceError } from '../../../../src/shared/service-error'
import type { HubConnection } from '../../../../src/main/core/seat/hub-connection'
import { connectBridge } from '../../../../src/main/simulator/rig/bridge-connection'

export class LoopbackHub implements HubConnection {
  private client: BridgeClient | undefined
  private link: HubLinkStatus = { state: 'connecting' }
  private cutReason: string | undefined
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private readonly statusListeners = new Set<(status: HubLinkStatus) => void>()
  private readonly closeListeners: (() => void)[] = []
  /** Commands the hub received through this link, in order (what the seat forwarded). */
  readonly sent: { command: string; request: unknown }[] = []

  readonly api = createApi((command, request) => {
    const client = this.client
    if (!client) {
      return Promise.reject(new ServiceError('internal', 'The link to the hub is not open.'))
    }
    this.sent.push({ command, request })
    return (client.api[command] as (r: unknown) => Promise<unknown>)(request)
  })

  constructor(
    private readonly url: string,
    readonly hubName: string
  ) {}

  static async open(url: string, hubName: string): Promise<LoopbackHub> {
    const hub = new LoopbackHub(url, hubName)
    await hub.reconnect()
    return hub
  }

  status(): HubLinkStatus {
    return this.link
  }

  onStatus(listener: (status: HubLinkStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  on<K extends EventName>(event: K, listener: EventListener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    const wrapped = listener as (payload: unknown) => void
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener)
  }

  /** Opens a new socket to the hub; its events reach the same listeners as before. */
  async reconnect(): Promise<void> {
    this.cutReason = undefined
    this.setStatus({ state: 'connecting' })
    const client = await connectBridge(this.url)
    for (const event of EVENT_NAMES) {
      client.on(event, (payload: SoftphoneEvents[typeof event]) => {
        for (const listener of this.listeners.get(event) ?? []) listener(payload)
      })
    }
    client.onClose(() => {
      if (this.client !== client) return
      this.client = undefined
      this.setStatus({ state: 'offline', reason: this.cutReason ?? 'the connection closed' })
    })
    this.client = client
    this.setStatus({ state: 'online' })
  }

  /** Drops the socket, as a network that goes away; the status turns offline once it closed. */
  cut(reason: string): void {
    this.cutReason = reason
    this.client?.close()
  }

  close(): void {
    this.cutReason = 'this desk closed the link'
    this.client?.close()
    for (const listener of this.closeListeners) listener()
  }

  private setStatus(status: HubLinkStatus): void {
    this.link = status
    for (const listener of this.statusListeners) listener(status)
  }
}
