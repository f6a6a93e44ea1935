/**
 * The numbers of a history entry: pure functions, so each reads the same in the list, in tests
 * and in screenshots; the words beside them are the catalogue's.
 */
import type { CallDirection, CallQualityReport } from '../../../../shared/calls'
import { formatCount, formatMilliseconds, formatPercent } from '../../composables/format'

/** The History view's two lists: every call, or only the missed ones. */
export type HistoryFilter = 'all' | 'missed'

/** Arrows as phones draw them: into the handset for incoming, out of it for outgoing. */
export const DIRECTION_ICONS: Record<CallDirection, string> = {
  inbound: '↙',
  outbound: '↗'
}

/** The figures a history entry can show, named as the catalogue's `history.quality` keys. */
export type QualityFigureName = 'roundTrip' | 'jitter' | 'loss' | 'packetsReceived'

export interface QualityFigure {
  name: QualityFigureName
  /** The number with its unit, in the desk's language: "42 ms", "0,3 %". */
  value: string
}

/** The figures a report has, in the order people read them; unmeasured ones are left out. */
export function qualityFigures(quality: CallQualityReport, locale?: string): QualityFigure[] {
  const figures: QualityFigure[] = []
  if (quality.rttMs !== undefined) {
    figures.push({ name: 'roundTrip', value: formatMilliseconds(quality.rttMs, locale) })
  }
  if (quality.jitterMs !== undefined) {
    figures.push({ name: 'jitter', value: formatMilliseconds(quality.jitterMs, locale) })
  }
  if (quality.lossPercent !== undefined) {
    figures.push({ name: 'loss', value: formatPercent(quality.lossPercent, locale) })
  }
  if (quality.packetsReceived !== undefined) {
    figures.push({ name: 'packetsReceived', value: formatCount(quality.packetsReceived, locale) })
  }
  return figures
}
