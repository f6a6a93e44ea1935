/**
 * The call's quality figures from `RTCPeerConnection.getStats()`: what the quality line shows, what
 * the level meters read, and what history keeps after the call.
 */

export interface CallQuality {
  /** Round-trip time to the media server, ms. */
  rttMs: number | undefined
  /** Inbound jitter, ms. */
  jitterMs: number | undefined
  /** Inbound packets lost, percent of expected. */
  lossPercent: number | undefined
  packetsReceived: number
  /** Inbound packets lost (RTCP's count, never negative here). */
  packetsLost: number
  /** 0..1, the microphone as sent. */
  inputLevel: number
  /** 0..1, the caller as received. */
  outputLevel: number
  /** Cumulative energy of the received audio; grows only while sound actually plays. */
  inboundAudioEnergy: number
  /** ms since the epoch of the latest received audio packet, when known. */
  lastPacketAt: number | undefined
}

type StatsRecord = Record<string, unknown> & { type: string }

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

export function readQuality(report: RTCStatsReport): CallQuality {
  const quality: CallQuality = {
    rttMs: undefined,
    jitterMs: undefined,
    lossPercent: undefined,
    packetsReceived: 0,
    packetsLost: 0,
    inputLevel: 0,
    outputLevel: 0,
    inboundAudioEnergy: 0,
    lastPacketAt: undefined
  }
  report.forEach((raw: StatsRecord) => {
    switch (raw.type) {
      case 'candidate-pair': {
        const rtt = num(raw['currentRoundTripTime'])
        if (raw['nominated'] === true && rtt !== undefined) quality.rttMs = rtt * 1000
        break
      }
      case 'remote-inbound-rtp': {
        const rtt = num(raw['roundTripTime'])
        if (rtt !== undefined && quality.rttMs === undefined) quality.rttMs = rtt * 1000
        break
      }
      case 'inbound-rtp': {
        if (raw['kind'] !== 'audio') break
        const received = num(raw['packetsReceived']) ?? 0
        const lost = Math.max(0, num(raw['packetsLost']) ?? 0)
        quality.packetsReceived = received
        quality.packetsLost = lost
        quality.jitterMs = (num(raw['jitter']) ?? 0) * 1000
        quality.lossPercent = received + lost > 0 ? (lost / (received + lost)) * 100 : 0
        quality.outputLevel = num(raw['audioLevel']) ?? 0
        quality.inboundAudioEnergy = num(raw['totalAudioEnergy']) ?? 0
        const last = num(raw['lastPacketReceivedTimestamp'])
        if (received > 0 && last !== undefined) quality.lastPacketAt = last
        break
      }
      case 'media-source': {
        if (raw['kind'] === 'audio') quality.inputLevel = num(raw['audioLevel']) ?? 0
        break
      }
      default:
        break
    }
  })
  return quality
}
