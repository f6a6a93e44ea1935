/** A seat desk's status as seat-status.ts builds it: the hub's Page, no webhook of its own. */
import type { CoreStatus } from '../../../src/shared/api'
import type { HubLinkStatus, SeatHubStatus } from '../../../src/shared/hub-link'
import { coreStatus } from './fake-softphone'

export function seatStatus(
  link: HubLinkStatus = { state: 'online' },
  hub: Partial<Omit<SeatHubStatus, 'link'>> = {}
): CoreStatus {
  return {
    ...coreStatus(),
    webhookUrl: null,
    registration: { state: 'not-needed', reason: 'not-configured' },
    hub: { name: 'Front desk', link, queuedHangUps: [], pastHistory: false, ...hub }
  }
}
