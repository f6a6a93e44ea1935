/**
 * The words and numbers of a history entry: pure functions, so each reads the same in the list,
 * in tests and in screenshots.
 */
import type { CallDirection, CallQualityReport } from '../../../../shared/calls'

/** The History view's two lists: every call, or only the missed ones. */
export type HistoryFilter = 'all' | 'missed'

/** Arrows as phones draw them: into the handset for incoming, out of it for outgoing. */
export const DIRECTION_ICONS: Record<CallDirection, string> = {
  inbound: '↙',
  outbound: '↗'
}

export interface QualityFigure {
  label: string
  value: string
}

/** The figures a report has, in the order people read them; unmeasured ones are left out. */
export function qualityFigures(quality: CallQualityReport): QualityFigure[] {
  const figures: QualityFigure[] = []
  if (quality.rttMs !== undefined) {
    figures.push({ label: 'Round trip', value: `${Math.round(quality.rttMs)} ms` })
  }
  if (quality.jitterMs !== undefined) {
    figures.push({ label: 'Jitter', value: `${Math.round(quality.jitterMs)} ms` })
  }
  if (quality.lossPercent !== undefined) {
    figures.push({ label: 'Loss', value: `${quality.lossPercent.toFixed(1)}%` })
  }
  if (quality.packetsReceived !== undefined) {
    figures.push({ label: 'Packets received', value: quality.packetsReceived.toLocaleString() })
  }
  return figures
}
