import { computed, type ComputedRef } from 'vue'
import type { CoreStatus } from '../../../shared/api'
import { summarizeConnection, type ConnectionSummary } from '../../../shared/connection'
import { useNow } from './useNow'

/**
 * The Page's line as the UI tells it, against a clock: Meta's "yes" expires after five minutes
 * even if no new status arrives (a core that stopped checking must not leave "Page connected").
 */
export const CONNECTION_CLOCK_MS = 5_000

export function useConnection(
  status: () => CoreStatus | undefined
): ComputedRef<ConnectionSummary> {
  const now = useNow(CONNECTION_CLOCK_MS)
  return computed(() => {
    const current = status()
    return current ? summarizeConnection(current, now.value) : { state: 'no-page' }
  })
}

/** The header chip's word for each state: only `connected` ever says "Page connected". */
export const CHIP_TEXT: Record<ConnectionSummary['state'], string> = {
  'no-page': 'No Page connected',
  connected: 'Page connected',
  checking: 'Checking the Page',
  problem: 'Calls cannot arrive'
}

/** The chip's word: a seat's summary names its link to the hub instead of the Page's state. */
export function chipText(summary: ConnectionSummary): string {
  return ('chip' in summary && summary.chip) || CHIP_TEXT[summary.state]
}

export const CHIP_CLASS: Record<ConnectionSummary['state'], string> = {
  'no-page': 'chip--muted',
  connected: 'chip--ok',
  checking: 'chip--muted',
  problem: 'chip--problem'
}
