import OpusScript from 'opusscript'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ToneGenerator,
  analyseAudio,
  int16ToFloat
} from '../../../../src/main/simulator/caller/audio'
import { FRAME_SAMPLES, OpusDecoder, OpusEncoder } from '../../../../src/main/simulator/caller/opus'

const toClose: { close(): void }[] = []
afterEach(() => toClose.splice(0).forEach((codec) => codec.close()))

function codecs(): { encoder: OpusEncoder; decoder: OpusDecoder } {
  const encoder = new OpusEncoder()
  const decoder = new OpusDecoder()
  toClose.push(encoder, decoder)
  return { encoder, decoder }
}

/** Half a second of tone through the codec, with the decoder's first frames (its warm-up) dropped. */
function roundTrip(transcode: (frame: Int16Array) => Int16Array, frequency: number): Float32Array {
  const tone = new ToneGenerator(frequency, 0.3)
  const decoded: Int16Array[] = []
  for (let i = 0; i < 25; i++) decoded.push(transcode(tone.next(FRAME_SAMPLES)))
  const kept = decoded.slice(5)
  const joined = new Int16Array(kept.length * FRAME_SAMPLES)
  kept.forEach((frame, i) => joined.set(frame, i * FRAME_SAMPLES))
  return int16ToFloat(joined)
}

describe('Opus codec', () => {
  it('carries a tone through encode and decode at its frequency and level', () => {
    const { encoder, decoder } = codecs()
    for (const frequency of [440, 880]) {
      const heard = analyseAudio(
        roundTrip((frame) => decoder.decode(encoder.encode(frame)), frequency)
      )
      expect(heard.frequency).toBeCloseTo(frequency, 0)
      // 0.3 peak is -13.5 dBFS RMS; Opus keeps the level within a decibel or so.
      expect(heard.level).toBeGreaterThan(-15)
      expect(heard.level).toBeLessThan(-12)
    }
  })

  it('decodes 20 ms packets into 960 mono samples and encodes silence small', () => {
    const { encoder, decoder } = codecs()
    const packet = encoder.encode(new Int16Array(FRAME_SAMPLES))
    expect(packet.length).toBeLessThan(20)
    expect(decoder.decode(packet)).toHaveLength(FRAME_SAMPLES)
  })

  it('encodes only the frame lengths Opus knows', () => {
    const { encoder } = codecs()
    expect(OpusEncoder.canEncode(960)).toBe(true)
    expect(OpusEncoder.canEncode(480)).toBe(true)
    expect(OpusEncoder.canEncode(1000)).toBe(false)
    expect(() => encoder.encode(new Int16Array(1000))).toThrow(RangeError)
  })

  it('needs Buffer input: opusscript garbles an Int16Array (why OpusEncoder converts)', () => {
    const raw = new OpusScript(48_000, 1, OpusScript.Application.AUDIO)
    const { decoder } = codecs()
    try {
      const heard = analyseAudio(
        roundTrip(
          (frame) => decoder.decode(raw.encode(frame as unknown as Buffer, frame.length)),
          440
        )
      )
      expect(heard.frequency === null || Math.abs(heard.frequency - 440) > 20).toBe(true)
    } finally {
      raw.delete()
    }
  })
})

describe('Opus codecs side by side', () => {
  it('keep their own audio while others are created and closed (calls one after another)', () => {
    // opusscript's own wrapper wrote at twice its buffers' addresses: with several codecs alive
    // and some freed, tones came out silent, encodes failed and the WebAssembly heap broke.
    const live: { encoder: OpusEncoder; decoder: OpusDecoder; frequency: number }[] = []
    try {
      for (let round = 0; round < 8; round++) {
        for (let i = 0; i < 4; i++) {
          live.push({
            encoder: new OpusEncoder(),
            decoder: new OpusDecoder(),
            frequency: 300 + 100 * i
          })
        }
        for (const { encoder, decoder, frequency } of live) {
          const heard = analyseAudio(
            roundTrip((frame) => decoder.decode(encoder.encode(frame)), frequency)
          )
          expect(heard.frequency).toBeCloseTo(frequency, 0)
        }
        for (const { encoder, decoder } of live.splice(0, 2)) {
          encoder.close()
          decoder.close()
        }
      }
    } finally {
      for (const { encoder, decoder } of live) {
        encoder.close()
        decoder.close()
      }
    }
  })

  it('refuses to work once closed, and closing twice is harmless', () => {
    const encoder = new OpusEncoder()
    encoder.close()
    encoder.close()
    expect(() => encoder.encode(new Int16Array(FRAME_SAMPLES))).toThrow(/closed/)
  })
})
