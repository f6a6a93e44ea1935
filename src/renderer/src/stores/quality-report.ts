import { toQualityReport } from '../media/quality-report'
import type { CallQuality } from '../media/stats'
import { softphone } from '../services/softphone'

/**
 * Sends a call's final figures to the core for its history entry. Best effort: the call is over,
 * and a report that does not arrive (the service restarted, the call long forgotten) only means the
 * entry shows no figures, which is nothing the user could fix.
 */
export async function reportQuality(callId: string, quality: CallQuality): Promise<void> {
  try {
    await softphone().reportCallQuality(toQualityReport(callId, quality))
  } catch {
    // See above: nothing to tell the user.
  }
}
