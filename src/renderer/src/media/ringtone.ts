/**
 * The ringtones: made on the fly (no file to ship or load) and played through the chosen ringer
 * device (`setSinkId`), so the ring can come from loud speakers while the call itself goes to a
 * headset. Settings names them (`audio.ringtone`); the Settings view previews them once.
 */
import type { RingtoneName } from '../../../shared/settings'
import { mediaWords, WordedError } from './media-words'

const RATE = 16_000
/** 20 ms ramps: no clicks at the edges of a sound. */
const FADE = RATE * 0.02

/** One cycle of sound then quiet, as mono samples in [-1, 1]. */
type Samples = Float32Array

function toWav(samples: Samples): Blob {
  const data = new DataView(new ArrayBuffer(44 + samples.length * 2))
  const text = (offset: number, value: string): void => {
    for (let i = 0; i < value.length; i++) data.setUint8(offset + i, value.charCodeAt(i))
  }
  text(0, 'RIFF')
  data.setUint32(4, 36 + samples.length * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  data.setUint32(16, 16, true)
  data.setUint16(20, 1, true) // PCM
  data.setUint16(22, 1, true) // mono
  data.setUint32(24, RATE, true)
  data.setUint32(28, RATE * 2, true)
  data.setUint16(32, 2, true)
  data.setUint16(34, 16, true)
  text(36, 'data')
  data.setUint32(40, samples.length * 2, true)
  samples.forEach((sample, i) => {
    const clamped = Math.max(-1, Math.min(1, sample))
    data.setInt16(44 + i * 2, Math.round(clamped * 32767), true)
  })
  return new Blob([data.buffer], { type: 'audio/wav' })
}

/** Adds a tone from `start` s for `length` s: sines at `frequencies`, shaped by `envelope(t)`. */
function addTone(
  samples: Samples,
  start: number,
  length: number,
  frequencies: readonly number[],
  gain: number,
  envelope: (t: number) => number = () => 1
): void {
  const first = Math.round(start * RATE)
  const count = Math.round(length * RATE)
  for (let i = 0; i < count && first + i < samples.length; i++) {
    const t = i / RATE
    const edges = Math.min(1, i / FADE, (count - i) / FADE)
    let sum = 0
    for (const frequency of frequencies) sum += Math.sin(2 * Math.PI * frequency * t)
    samples[first + i]! += gain * edges * envelope(t) * sum
  }
}

/** Classic: 440 + 480 Hz for `onSeconds`, then quiet: the ring cadence people recognise. */
export function ringWav(onSeconds = 1, offSeconds = 2): Blob {
  const samples = new Float32Array(Math.round((onSeconds + offSeconds) * RATE))
  addTone(samples, 0, onSeconds, [440, 480], 0.25)
  return toWav(samples)
}

/** Soft chime: three bell notes falling (E5, C5, G4), each fading out, then quiet. */
function chimeWav(): Blob {
  const samples = new Float32Array(Math.round(3.5 * RATE))
  const bell = (t: number): number => Math.exp(-3.5 * t)
  ;[659.25, 523.25, 392].forEach((note, index) => {
    // A quieter octave above gives the note its bell-like colour.
    addTone(samples, index * 0.45, 1.2, [note], 0.35, bell)
    addTone(samples, index * 0.45, 1.2, [note * 2], 0.08, bell)
  })
  return toWav(samples)
}

/** Digital beep: four short 1.4 kHz beeps, twice, then quiet (an office phone's trill). */
function digitalWav(): Blob {
  const samples = new Float32Array(Math.round(3 * RATE))
  for (let burst = 0; burst < 2; burst++) {
    for (let beep = 0; beep < 4; beep++) {
      addTone(samples, burst * 0.7 + beep * 0.12, 0.07, [1400], 0.4)
    }
  }
  return toWav(samples)
}

export function ringtoneWav(name: RingtoneName): Blob {
  switch (name) {
    case 'classic':
      return ringWav()
    case 'chime':
      return chimeWav()
    case 'digital':
      return digitalWav()
  }
}

/** "Test speaker": a short rising two-note sound, unlike any ringtone. */
export function speakerTestWav(): Blob {
  const samples = new Float32Array(Math.round(0.9 * RATE))
  addTone(samples, 0, 0.35, [523.25], 0.35)
  addTone(samples, 0.4, 0.45, [783.99], 0.35)
  return toWav(samples)
}

type AudioWithSink = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }

/** Sends an audio element to a device, or the system default when that one is gone. */
async function routeTo(audio: AudioWithSink, deviceId: string | undefined): Promise<void> {
  if (audio.setSinkId) {
    await audio.setSinkId(deviceId ?? '').catch(() => audio.setSinkId?.(''))
  }
}

export class Ringtone {
  private readonly audio: AudioWithSink
  private readonly url: string
  private playing = false

  constructor(readonly name: RingtoneName = 'classic') {
    this.url = URL.createObjectURL(ringtoneWav(name))
    this.audio = new Audio(this.url) as AudioWithSink
    this.audio.loop = true
  }

  get isPlaying(): boolean {
    return this.playing
  }

  async start(options: { deviceId?: string | undefined; volume: number }): Promise<void> {
    this.audio.volume = Math.min(1, Math.max(0, options.volume))
    // Marked before the await: a stop() while the ringer device is being chosen must win, and a
    // second start() meanwhile must not play twice.
    const wasPlaying = this.playing
    this.playing = true
    await routeTo(this.audio, options.deviceId)
    if (wasPlaying || !this.playing) return
    this.audio.currentTime = 0
    // Autoplay can be refused before the first click in browser mode; the toast still shows.
    await this.audio.play().catch(() => undefined)
  }

  stop(): void {
    this.playing = false
    this.audio.pause()
  }

  dispose(): void {
    this.stop()
    URL.revokeObjectURL(this.url)
  }
}

export interface SoundPreview {
  readonly audio: HTMLAudioElement
  stop(): void
}

/**
 * Plays a sound once on a device (the Settings view's "Test ringer", "Test speaker" and the volume
 * preview). Rejects with a WordedError when the device cannot play it.
 */
export async function playOnce(
  sound: Blob,
  options: { deviceId?: string | undefined; volume: number }
): Promise<SoundPreview> {
  const url = URL.createObjectURL(sound)
  const audio = new Audio(url) as AudioWithSink
  const stop = (): void => {
    audio.pause()
    URL.revokeObjectURL(url)
  }
  audio.addEventListener('ended', stop, { once: true })
  audio.volume = Math.min(1, Math.max(0, options.volume))
  await routeTo(audio, options.deviceId)
  try {
    await audio.play()
  } catch {
    stop()
    throw new WordedError(mediaWords('soundFailed'))
  }
  return { audio, stop }
}
