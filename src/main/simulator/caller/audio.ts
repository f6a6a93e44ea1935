/**
 * Test tones and their measurement: what the simulated caller sends, and how anyone (the caller,
 * a browser end-to-end test) tells a 440 Hz tone from 880 Hz or from silence in received audio.
 * Pure TypeScript over typed arrays, so the same code can measure PCM from any source.
 */

export const SAMPLE_RATE = 48_000

/** The level reported for no audio at all: a finite number, so it survives JSON. */
export const SILENCE_FLOOR_DBFS = -120

/** Below this level a signal counts as silence and has no frequency. */
export const DEFAULT_SILENCE_DBFS = -60

/** A sine generator whose phase carries over between calls, so consecutive frames join cleanly. */
export class ToneGenerator {
  private phase = 0
  private readonly step: number
  private readonly peak: number

  constructor(
    readonly frequency: number,
    /** Peak amplitude, 0..1 of full scale. */
    amplitude = 0.3,
    sampleRate = SAMPLE_RATE
  ) {
    if (!(frequency > 0 && frequency < sampleRate / 2)) {
      throw new RangeError(`Tone frequency ${frequency} Hz is outside 0..${sampleRate / 2} Hz`)
    }
    this.step = (2 * Math.PI * frequency) / sampleRate
    this.peak = Math.max(0, Math.min(1, amplitude)) * 32767
  }

  /** The next `count` samples as 16-bit PCM. */
  next(count: number): Int16Array {
    const out = new Int16Array(count)
    for (let i = 0; i < count; i++) {
      out[i] = Math.round(this.peak * Math.sin(this.phase))
      this.phase += this.step
    }
    // Keep the phase small so precision does not drift over a long call.
    this.phase %= 2 * Math.PI
    return out
  }
}

export function int16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length)
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] ?? 0) / 32768
  return out
}

/** RMS level of samples in -1..1, in dBFS (a full-scale square wave is 0 dBFS). */
export function rmsDbfs(samples: ArrayLike<number>): number {
  if (samples.length === 0) return SILENCE_FLOOR_DBFS
  let sum = 0
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i] ?? 0
    sum += value * value
  }
  const rms = Math.sqrt(sum / samples.length)
  return rms > 0 ? Math.max(SILENCE_FLOOR_DBFS, 20 * Math.log10(rms)) : SILENCE_FLOOR_DBFS
}

const MIN_FFT_SIZE = 256
const MAX_FFT_SIZE = 32_768
/** Hum and DC offsets are not what anyone tests for. */
const MIN_FREQUENCY_HZ = 40

/**
 * The strongest frequency in the samples (-1..1), from an FFT of the most recent power-of-two
 * stretch (up to 32768 samples) with a Hann window and parabolic peak interpolation: about 1 Hz
 * accurate for a steady tone at 48 kHz. Null when there are too few samples to say.
 */
export function dominantFrequency(
  samples: ArrayLike<number>,
  sampleRate = SAMPLE_RATE
): number | null {
  let size = MIN_FFT_SIZE
  if (samples.length < size) return null
  while (size * 2 <= Math.min(samples.length, MAX_FFT_SIZE)) size *= 2

  const re = new Float64Array(size)
  const im = new Float64Array(size)
  const offset = samples.length - size
  for (let i = 0; i < size; i++) {
    const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1))
    re[i] = (samples[offset + i] ?? 0) * hann
  }
  fftInPlace(re, im)

  const power = (bin: number): number => (re[bin] ?? 0) ** 2 + (im[bin] ?? 0) ** 2
  const firstBin = Math.max(1, Math.ceil((MIN_FREQUENCY_HZ * size) / sampleRate))
  let peak = firstBin
  for (let bin = firstBin; bin < size / 2; bin++) if (power(bin) > power(peak)) peak = bin
  if (power(peak) === 0) return null

  // Fit a parabola through the log power of the peak and its neighbours to land between bins.
  const left = Math.log(power(peak - 1) + 1e-30)
  const centre = Math.log(power(peak) + 1e-30)
  const right = Math.log(power(peak + 1) + 1e-30)
  const denominator = left - 2 * centre + right
  const shift = denominator === 0 ? 0 : (0.5 * (left - right)) / denominator
  return ((peak + Math.max(-0.5, Math.min(0.5, shift))) * sampleRate) / size
}

/** Iterative radix-2 Cooley-Tukey; `re.length` must be a power of two. */
function fftInPlace(re: Float64Array, im: Float64Array): void {
  const n = re.length
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1
    for (; j & bit; bit >>= 1) j ^= bit
    j ^= bit
    if (i < j) {
      swap(re, i, j)
      swap(im, i, j)
    }
  }
  for (let length = 2; length <= n; length <<= 1) {
    const angle = (-2 * Math.PI) / length
    const stepRe = Math.cos(angle)
    const stepIm = Math.sin(angle)
    for (let start = 0; start < n; start += length) {
      let wRe = 1
      let wIm = 0
      for (let k = 0; k < length / 2; k++) {
        const a = start + k
        const b = a + length / 2
        const bRe = (re[b] ?? 0) * wRe - (im[b] ?? 0) * wIm
        const bIm = (re[b] ?? 0) * wIm + (im[b] ?? 0) * wRe
        re[b] = (re[a] ?? 0) - bRe
        im[b] = (im[a] ?? 0) - bIm
        re[a] = (re[a] ?? 0) + bRe
        im[a] = (im[a] ?? 0) + bIm
        const nextRe = wRe * stepRe - wIm * stepIm
        wIm = wRe * stepIm + wIm * stepRe
        wRe = nextRe
      }
    }
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const kept = values[i] ?? 0
  values[i] = values[j] ?? 0
  values[j] = kept
}

export interface AudioAnalysis {
  /** RMS level in dBFS; SILENCE_FLOOR_DBFS when there is nothing. */
  level: number
  /** Dominant frequency in Hz, or null for silence (below the silence threshold) or too little audio. */
  frequency: number | null
}

export function analyseAudio(
  samples: ArrayLike<number>,
  sampleRate = SAMPLE_RATE,
  silenceDbfs = DEFAULT_SILENCE_DBFS
): AudioAnalysis {
  const level = rmsDbfs(samples)
  return { level, frequency: level < silenceDbfs ? null : dominantFrequency(samples, sampleRate) }
}

export interface AudioMeterOptions {
  /** How much recent audio the analysis covers. */
  windowMs?: number
  sampleRate?: number
  silenceDbfs?: number
}

/**
 * A running analysis of audio as it arrives: keeps the chunks received within the last window
 * (by arrival time, so audio that stopped arriving stops counting) and measures them on demand.
 */
export class AudioMeter {
  private chunks: { at: number; samples: Float32Array }[] = []
  private readonly windowMs: number
  private readonly sampleRate: number
  private readonly silenceDbfs: number

  constructor(options: AudioMeterOptions = {}) {
    this.windowMs = options.windowMs ?? 1000
    this.sampleRate = options.sampleRate ?? SAMPLE_RATE
    this.silenceDbfs = options.silenceDbfs ?? DEFAULT_SILENCE_DBFS
  }

  /** Adds PCM, either 16-bit or float -1..1, received at `at` (ms, default now). */
  push(samples: Int16Array | Float32Array, at = Date.now()): void {
    this.chunks.push({
      at,
      samples: samples instanceof Int16Array ? int16ToFloat(samples) : samples
    })
    this.prune(at)
  }

  analyse(now = Date.now()): AudioAnalysis {
    this.prune(now)
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.samples.length, 0)
    const joined = new Float32Array(total)
    let offset = 0
    for (const chunk of this.chunks) {
      joined.set(chunk.samples, offset)
      offset += chunk.samples.length
    }
    return analyseAudio(joined, this.sampleRate, this.silenceDbfs)
  }

  reset(): void {
    this.chunks = []
  }

  private prune(now: number): void {
    const oldest = now - this.windowMs
    while (this.chunks.length > 0 && (this.chunks[0]?.at ?? 0) < oldest) this.chunks.shift()
    // Never hold more than one window's worth of samples, whatever the arrival times say.
    const limit = Math.ceil((this.windowMs / 1000) * this.sampleRate)
    let held = this.chunks.reduce((sum, chunk) => sum + chunk.samples.length, 0)
    while (this.chunks.length > 1 && held - (this.chunks[0]?.samples.length ?? 0) >= limit) {
      held -= this.chunks.shift()?.samples.length ?? 0
    }
  }
}
