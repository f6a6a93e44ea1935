/**
 * What the simulated caller says: a steady tone, digital silence, or (for the in-app test call) a
 * short greeting tone followed by an echo of whatever the app sends. Encodes with Opus and writes
 * RTP onto a werift track, which stamps the negotiated SSRC and payload type itself.
 */
import { randomInt } from 'node:crypto'
import { RtpHeader, RtpPacket, type MediaStreamTrack } from 'werift'
import { SAMPLE_RATE, ToneGenerator } from './audio'
import { FRAME_MS, FRAME_SAMPLES, OpusEncoder } from './opus'

export type CallerAudio =
  /** A sine at `frequency` Hz (default 440), peak `amplitude` of full scale (default 0.3). */
  | { mode: 'tone'; frequency?: number; amplitude?: number }
  /** A greeting tone for `greetingMs` (default 1500) at `greetingFrequency` (440), then echo. */
  | { mode: 'echo'; greetingMs?: number; greetingFrequency?: number }
  /** Encoded digital silence: RTP keeps flowing, as from a phone whose owner says nothing. */
  | { mode: 'silence' }

/** After an event-loop stall, skip the missed frames rather than burst them out at once. */
const MAX_CATCH_UP_FRAMES = 5
const TICK_MS = FRAME_MS / 2
const SAMPLES_PER_MS = SAMPLE_RATE / 1000

export class OutgoingAudio {
  private readonly encoder = new OpusEncoder()
  private timer: NodeJS.Timeout | undefined
  private startedAt = 0
  private framesPaced = 0
  private sequence = randomInt(0, 0x10000)
  private readonly baseTimestamp = randomInt(0, 0x1_0000_0000)
  private nextTimestamp = this.baseTimestamp
  private echoing = false
  private stopped = false
  packetsSent = 0

  constructor(
    private readonly track: MediaStreamTrack,
    private readonly audio: CallerAudio
  ) {}

  /** Starts talking; called once the media path is up. */
  start(): void {
    if (this.timer || this.stopped || this.echoing) return
    this.startedAt = performance.now()
    const source = this.pacedSource()
    const pacedUntil =
      this.audio.mode === 'echo' ? (this.audio.greetingMs ?? 1500) : Number.POSITIVE_INFINITY
    const tick = (): void => {
      const elapsed = performance.now() - this.startedAt
      if (elapsed >= pacedUntil) {
        clearInterval(this.timer)
        this.timer = undefined
        this.echoing = true
        return
      }
      const due = Math.floor(elapsed / FRAME_MS) + 1
      if (due - this.framesPaced > MAX_CATCH_UP_FRAMES) this.framesPaced = due - 1
      for (; this.framesPaced < due; this.framesPaced++) {
        this.send(source(), this.baseTimestamp + this.framesPaced * FRAME_SAMPLES)
      }
    }
    this.timer = setInterval(tick, TICK_MS)
    tick()
  }

  /** PCM decoded from the app: sent straight back once the echo phase has begun. */
  heard(pcm: Int16Array): void {
    if (!this.echoing || this.stopped || !OpusEncoder.canEncode(pcm.length)) return
    // Stamp echoed frames with the wall clock, so a pause in what the app sends shows up as a
    // gap in RTP time rather than squeezing later audio forward.
    const clock =
      this.baseTimestamp + Math.round((performance.now() - this.startedAt) * SAMPLES_PER_MS)
    this.send(pcm, Math.max(clock, this.nextTimestamp))
  }

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    clearInterval(this.timer)
    this.timer = undefined
    this.encoder.close()
  }

  private pacedSource(): () => Int16Array {
    switch (this.audio.mode) {
      case 'tone': {
        const tone = new ToneGenerator(this.audio.frequency ?? 440, this.audio.amplitude ?? 0.3)
        return () => tone.next(FRAME_SAMPLES)
      }
      case 'echo': {
        const greeting = new ToneGenerator(this.audio.greetingFrequency ?? 440)
        return () => greeting.next(FRAME_SAMPLES)
      }
      case 'silence':
        return () => new Int16Array(FRAME_SAMPLES)
    }
  }

  private send(pcm: Int16Array, timestamp: number): void {
    const header = new RtpHeader({
      sequenceNumber: this.sequence,
      timestamp: timestamp >>> 0,
      // The first packet starts a talkspurt (RFC 3551 section 4.1).
      marker: this.packetsSent === 0
    })
    this.track.writeRtp(new RtpPacket(header, this.encoder.encode(pcm)))
    this.sequence = (this.sequence + 1) & 0xffff
    this.nextTimestamp = timestamp + pcm.length
    this.packetsSent++
  }
}
