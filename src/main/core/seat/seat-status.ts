/**
 * A seat's CoreStatus: it has no webhook, tunnel or registration of its own (the hub has them);
 * it shows the hub's Page as last heard from the hub, and its link to the hub.
 */
import type { CoreStatus, DataNotices } from '../../../shared/api'
import type { SeatHubStatus } from '../../../shared/hub-link'

export function seatStatus(
  hub: SeatHubStatus,
  fromHub: CoreStatus | undefined,
  settingsNotices: Pick<DataNotices, 'settings' | 'settingsWords'>
): CoreStatus {
  return {
    page: fromHub?.page ?? { configured: false },
    pageHealth: fromHub?.pageHealth,
    hours: fromHub?.hours,
    webhookUrl: null,
    publicUrl: null,
    tunnel: { state: 'off' },
    registration: { state: 'not-needed', reason: 'not-configured' },
    notices: settingsNotices.settings.length > 0 ? { history: [], ...settingsNotices } : undefined,
    hub
  }
}
