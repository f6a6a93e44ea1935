/**
 * A call's final `getStats()` figures as the `reportCallQuality` request: rounded (history shows
 * whole milliseconds and tenths of a percent) and kept inside the ranges the service accepts, so a
 * glitchy reading is clipped rather than the whole report refused.
 */
import type { CommandRequest } from '../../../shared/api'
import type { CallQuality } from './stats'

const MAX_MS = 60_000
const MAX_PACKETS = 1_000_000_000

const clamp = (value: number, max: number): number => Math.min(max, Math.max(0, value))
const ms = (value: number | undefined): number | undefined =>
  value === undefined ? undefined : Math.round(clamp(value, MAX_MS) * 10) / 10
const packets = (value: number): number => Math.round(clamp(value, MAX_PACKETS))

export function toQualityReport(
  callId: string,
  quality: CallQuality
): CommandRequest<'reportCallQuality'> {
  const request: CommandRequest<'reportCallQuality'> = {
    callId,
    packetsReceived: packets(quality.packetsReceived),
    packetsLost: packets(quality.packetsLost)
  }
  const rttMs = ms(quality.rttMs)
  const jitterMs = ms(quality.jitterMs)
  if (rttMs !== undefined) request.rttMs = rttMs
  if (jitterMs !== undefined) request.jitterMs = jitterMs
  if (quality.lossPercent !== undefined) {
    request.lossPercent = Math.round(clamp(quality.lossPercent, 100) * 100) / 100
  }
  return request
}
