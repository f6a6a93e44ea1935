/**
 * What the simulated caller hears from the app: Opus audio, counted, decoded and measured, and
 * keypad digits (RFC 4733).
 */
import { AudioMeter, type AudioAnalysis } from './audio'
import { DtmfReceiver } from './dtmf'
import { OpusDecoder } from './opus'

export interface HeardStats extends AudioAnalysis {
  /** Opus packets received from the app. */
  packetsReceived: number
  /** When the first packet from the app arrived, ms since the epoch. */
  firstPacketAt?: number | undefined
  lastPacketAt?: number | undefined
  decodeErrors: number
  /** Keypad digits received from the app (RFC 4733), in order, e.g. "12#". */
  digits: string
}

export class HeardMedia {
  private readonly decoder = new OpusDecoder()
  private readonly meter = new AudioMeter()
  private readonly dtmf = new DtmfReceiver()
  private packetsReceived = 0
  private firstPacketAt: number | undefined
  private lastPacketAt: number | undefined
  private decodeErrors = 0

  /** Counts one Opus packet and returns its samples, or undefined when it does not decode. */
  audio(payload: Buffer, now: number): Int16Array | undefined {
    this.packetsReceived++
    this.firstPacketAt ??= now
    this.lastPacketAt = now
    let pcm: Int16Array
    try {
      pcm = this.decoder.decode(payload)
    } catch {
      this.decodeErrors++
      return undefined
    }
    this.meter.push(pcm, now)
    return pcm
  }

  /** One telephone-event packet; returns the digit when this packet completes one. */
  keypad(payload: Buffer, timestamp: number): string | undefined {
    return this.dtmf.push(payload, timestamp)
  }

  get digits(): string {
    return this.dtmf.digits
  }

  get packets(): number {
    return this.packetsReceived
  }

  /** When the last packet arrived, ms since the epoch (undefined before the first). */
  get lastPacket(): number | undefined {
    return this.lastPacketAt
  }

  stats(): HeardStats {
    return {
      ...this.meter.analyse(),
      packetsReceived: this.packetsReceived,
      firstPacketAt: this.firstPacketAt,
      lastPacketAt: this.lastPacketAt,
      decodeErrors: this.decodeErrors,
      digits: this.dtmf.digits
    }
  }

  close(): void {
    this.decoder.close()
  }
}
