/**
 * What a seat desk needs from its hub: the same client a UI gets over the loopback bridge (the
 * contract's commands and events), plus the state of the link. The secure seat link implements
 * it (core/seat-link); tests implement it over the loopback bridge of a real hub core.
 */
import type { BridgeClient } from '../../../shared/bridge-client'
import type { HubLinkStatus } from '../../../shared/hub-link'

export interface HubConnection extends BridgeClient {
  /** The hub as people know it ("Front desk"), for the sentences a seat says. */
  readonly hubName: string
  /** The link now. Commands sent while it is not `online` fail (the seat does not send them). */
  status(): HubLinkStatus
  // `on` listeners (from BridgeClient) stay subscribed across reconnections of the link.
  /** Called on every change of the link's state; returns the unsubscribe. */
  onStatus(listener: (status: HubLinkStatus) => void): () => void
}
