/**
 * A seat's CoreStatus: it has no webhook, tunnel or registration of its own (the hub has them);
 * it shows the hub's Page as last heard from the hub, and its link to the hub.
 */
import type { CoreStatus } from '../../../shared/api'
import type { SeatHubStatus } from '../../../shared/hub-link'

export function seatStatus(
  hub: SeatHubStatus,
  fromHub: CoreStatus | undefined,
  settingsNotices: readonly string[]
): CoreStatus {
  return {
    page: fromHub?.page ?? { configured: false },
    pageHealth: fromHub?.pageHealth,
    hours: fromHub?.hours,
    webhookUrl: null,
    publicUrl: null,
    tunnel: { state: 'off' },
    registration: { state: 'not-needed', reason: 'not-configured' },
    notices:
      settingsNotices.length > 0 ? { history: [], settings: [...settingsNotices] } : undefined,
    hub
  }
}
