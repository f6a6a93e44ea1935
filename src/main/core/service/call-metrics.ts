/**
 * A history record's quality report in the shape of Meta's `call_metrics` (docs/messenger-calling.md
 * section 8), and whether Meta would still take it. Pure, so each rule is a table test.
 */
import type { CallQualityReport, HistoryRecord } from '../../../shared/calls'
import type { CallMetricsReport, GraphCallsApi } from '../graph/calls-api'
import type { MetricsPort } from './ports'

/** Meta takes a call's metrics within 24 h of the call. */
export const META_METRICS_WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * Meta documents one end reason, `Hangup_Call`, and no list of others: sending a guessed value
 * risks the whole report being refused, so every call goes as that, with ours as the subreason.
 */
const END_CALL_REASON = 'Hangup_Call'

const seconds = (ms: number): number => Math.round(ms) / 1000

export function toCallMetrics(
  record: HistoryRecord,
  quality: CallQualityReport
): CallMetricsReport {
  // Meta's example uses `_sec` units (its field list says `_ms`): the example is what it parses.
  const audioStats: Record<string, number> = {}
  if (quality.rttMs !== undefined) audioStats['round_trip_time_sec'] = seconds(quality.rttMs)
  if (quality.jitterMs !== undefined) audioStats['jitter_sec'] = seconds(quality.jitterMs)
  if (quality.packetsReceived !== undefined)
    audioStats['packets_received'] = quality.packetsReceived
  if (quality.packetsLost !== undefined) audioStats['packets_lost'] = quality.packetsLost
  return {
    endCallReason: END_CALL_REASON,
    endCallSubreason: record.reason,
    callEndedTime: Math.floor(record.endedAt / 1000),
    audioStats
  }
}

/** Only a call that was connected has figures worth sending, and only within Meta's window. */
export function metricsWanted(record: HistoryRecord, now: number): boolean {
  return record.connectedAt !== undefined && now - record.endedAt <= META_METRICS_WINDOW_MS
}

/** The service's way to Meta's call_metrics with the Page token as it is now. */
export function metaMetricsPort(
  graph: Pick<GraphCallsApi, 'sendCallMetrics'>,
  pageId: () => string | undefined
): MetricsPort {
  return {
    // Test calls never reach Meta; a call of a Page connected before is not this token's to report.
    send: async (record, report) => {
      if (record.test || record.pageId !== pageId()) return false
      await graph.sendCallMetrics(record.callId, report)
      return true
    }
  }
}
