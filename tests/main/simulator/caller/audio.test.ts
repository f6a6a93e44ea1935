import { describe, expect, it } from 'vitest'
import {
  AudioMeter,
  SILENCE_FLOOR_DBFS,
  ToneGenerator,
  analyseAudio,
  dominantFrequency,
  int16ToFloat,
  rmsDbfs
} from '../../../../src/main/simulator/caller/audio'

const RATE = 48_000

function sine(frequency: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(RATE * seconds))
  for (let i = 0; i < out.length; i++)
    out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / RATE)
  return out
}

/** Deterministic white noise, so a failure is reproducible. */
function noise(count: number, amplitude: number): Float32Array {
  let seed = 12345
  const out = new Float32Array(count)
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    out[i] = amplitude * ((seed / 2 ** 31) * 2 - 1)
  }
  return out
}

describe('ToneGenerator', () => {
  it('joins frames without a phase jump, at the asked frequency and amplitude', () => {
    const tone = new ToneGenerator(440, 0.3)
    const frames = Array.from({ length: 50 }, () => tone.next(960))
    const joined = new Int16Array(frames.length * 960)
    frames.forEach((frame, i) => joined.set(frame, i * 960))

    expect(dominantFrequency(int16ToFloat(joined))).toBeCloseTo(440, 0)
    expect(Math.max(...joined)).toBeGreaterThan(0.3 * 32767 - 2)
    expect(Math.max(...joined)).toBeLessThanOrEqual(Math.round(0.3 * 32767))
    // A discontinuity at a frame boundary would show as a jump far above one sample's slope.
    const maxStep = 0.3 * 32767 * ((2 * Math.PI * 440) / RATE)
    let largestStep = 0
    for (let i = 1; i < joined.length; i++) {
      largestStep = Math.max(largestStep, Math.abs((joined[i] ?? 0) - (joined[i - 1] ?? 0)))
    }
    expect(largestStep).toBeLessThanOrEqual(maxStep + 1)
  })

  it('refuses frequencies it cannot represent', () => {
    expect(() => new ToneGenerator(0)).toThrow(RangeError)
    expect(() => new ToneGenerator(24_000)).toThrow(RangeError)
  })
})

describe('rmsDbfs', () => {
  it('puts a full-scale sine at -3 dBFS and halves as -6 dB', () => {
    expect(rmsDbfs(sine(1000, 0.1, 1))).toBeCloseTo(-3.01, 1)
    expect(rmsDbfs(sine(1000, 0.1, 0.5))).toBeCloseTo(-9.03, 1)
  })

  it('reports the floor for nothing and for digital silence', () => {
    expect(rmsDbfs([])).toBe(SILENCE_FLOOR_DBFS)
    expect(rmsDbfs(new Float32Array(4800))).toBe(SILENCE_FLOOR_DBFS)
  })
})

describe('dominantFrequency', () => {
  it.each([440, 660, 880, 1000, 3150])('finds %d Hz within 1 Hz from a second of audio', (hz) => {
    expect(Math.abs((dominantFrequency(sine(hz, 1)) ?? 0) - hz)).toBeLessThan(1)
  })

  it('tells 440 from 880 in a tenth of a second', () => {
    expect(Math.abs((dominantFrequency(sine(440, 0.1)) ?? 0) - 440)).toBeLessThan(3)
    expect(Math.abs((dominantFrequency(sine(880, 0.1)) ?? 0) - 880)).toBeLessThan(3)
  })

  it('picks the louder of two tones, even under noise', () => {
    const mixed = sine(440, 0.5, 0.2)
    const loud = sine(1200, 0.5, 0.4)
    const hiss = noise(mixed.length, 0.1)
    for (let i = 0; i < mixed.length; i++)
      mixed[i] = (mixed[i] ?? 0) + (loud[i] ?? 0) + (hiss[i] ?? 0)
    expect(Math.abs((dominantFrequency(mixed) ?? 0) - 1200)).toBeLessThan(2)
  })

  it('has no answer for too little audio', () => {
    expect(dominantFrequency(sine(440, 0.001))).toBeNull()
  })
})

describe('analyseAudio', () => {
  it('gives silence no frequency', () => {
    expect(analyseAudio(new Float32Array(9600))).toEqual({
      level: SILENCE_FLOOR_DBFS,
      frequency: null
    })
    const whisper = analyseAudio(sine(440, 0.2, 0.0005))
    expect(whisper.level).toBeLessThan(-60)
    expect(whisper.frequency).toBeNull()
  })

  it('measures a tone', () => {
    const result = analyseAudio(sine(880, 0.5, 0.25))
    expect(result.level).toBeCloseTo(-15.05, 1)
    expect(result.frequency).toBeCloseTo(880, 0)
  })
})

describe('AudioMeter', () => {
  const frame = (tone: ToneGenerator): Int16Array => tone.next(960)

  it('follows what arrived within the window, by arrival time', () => {
    const meter = new AudioMeter({ windowMs: 500 })
    const low = new ToneGenerator(440)
    const high = new ToneGenerator(880)
    let now = 0
    for (let i = 0; i < 50; i++, now += 20) meter.push(frame(low), now)
    expect(meter.analyse(now).frequency).toBeCloseTo(440, 0)

    for (let i = 0; i < 30; i++, now += 20) meter.push(frame(high), now)
    expect(meter.analyse(now).frequency).toBeCloseTo(880, 0)

    // Nothing more arrives: once the window has passed, the meter hears silence.
    expect(meter.analyse(now + 600)).toEqual({ level: SILENCE_FLOOR_DBFS, frequency: null })
  })

  it('never holds more than a window of samples when packets arrive in a burst', () => {
    const meter = new AudioMeter({ windowMs: 100 })
    const low = new ToneGenerator(440)
    const high = new ToneGenerator(1000)
    for (let i = 0; i < 20; i++) meter.push(frame(low), 0)
    for (let i = 0; i < 5; i++) meter.push(frame(high), 0)
    expect(meter.analyse(0).frequency).toBeCloseTo(1000, -1)
  })

  it('takes float samples too, and can be reset', () => {
    const meter = new AudioMeter()
    meter.push(sine(660, 0.3), 1000)
    expect(meter.analyse(1000).frequency).toBeCloseTo(660, 0)
    meter.reset()
    expect(meter.analyse(1000).frequency).toBeNull()
  })
})
