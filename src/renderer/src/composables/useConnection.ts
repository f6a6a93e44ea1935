import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CoreStatus } from '../../../shared/api'
import { summarizeConnection, type ConnectionSummary } from '../../../shared/connection'
import { useNow } from './useNow'
import { useWords } from './useWords'

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

/**
 * The header chip's word, in the desk's language: only `connected` ever says "Page connected"; a
 * seat's summary names its link to the hub instead of the Page's state.
 */
export function useChipText(): (summary: ConnectionSummary) => string {
  const { t } = useI18n()
  const { describe } = useWords()
  return (summary) => {
    if ('chip' in summary && summary.chip) return describe(summary.chip)
    switch (summary.state) {
      case 'no-page':
        return t('app.chip.noPage')
      case 'connected':
        return t('app.chip.connected')
      case 'checking':
        return t('app.chip.checking')
      case 'problem':
        return t('app.chip.problem')
    }
  }
}

export const CHIP_CLASS: Record<ConnectionSummary['state'], string> = {
  'no-page': 'chip--muted',
  connected: 'chip--ok',
  checking: 'chip--muted',
  problem: 'chip--problem'
}
