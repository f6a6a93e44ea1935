/**
 * Opus for the simulated caller, through opusscript (libopus compiled to WebAssembly): mono,
 * 48 kHz, 20 ms frames, which is what Chromium sends and what Meta's answer advertises.
 */
import OpusScript from 'opusscript'
import { SAMPLE_RATE } from './audio'

export const FRAME_MS = 20
export const FRAME_SAMPLES = (SAMPLE_RATE / 1000) * FRAME_MS

/** Opus encodes only these frame lengths (2.5 to 60 ms at 48 kHz). */
const ENCODABLE_FRAME_SAMPLES = new Set([120, 240, 480, 960, 1920, 2880])

export class OpusEncoder {
  private readonly codec = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.AUDIO)

  static canEncode(samples: number): boolean {
    return ENCODABLE_FRAME_SAMPLES.has(samples)
  }

  encode(pcm: Int16Array): Buffer {
    if (!OpusEncoder.canEncode(pcm.length)) {
      throw new RangeError(`Opus cannot encode a frame of ${pcm.length} samples`)
    }
    // opusscript wants the PCM as a Buffer of little-endian bytes: its types also accept an
    // Int16Array, but that comes out of the decoder as noise (tested, see opus.test.ts).
    return this.codec.encode(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength), pcm.length)
  }

  /** Frees the WebAssembly memory; the encoder is unusable afterwards. */
  close(): void {
    this.codec.delete()
  }
}

export class OpusDecoder {
  private readonly codec = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.AUDIO)

  /** Mono 16-bit PCM; a stereo stream is mixed down by libopus. Throws on a corrupt packet. */
  decode(payload: Buffer): Int16Array {
    const bytes = this.codec.decode(payload)
    // Copy out: the Buffer may sit at an odd offset in Node's pool, which Int16Array refuses.
    const pcm = new Int16Array(bytes.length >> 1)
    for (let i = 0; i < pcm.length; i++) pcm[i] = bytes.readInt16LE(i * 2)
    return pcm
  }

  close(): void {
    this.codec.delete()
  }
}
