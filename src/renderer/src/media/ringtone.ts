/**
 * The ringtone: a classic two-tone ring made on the fly (no file to ship or load), played through
 * the chosen ringer device (`setSinkId`), so the ring can come from loud speakers while the call
 * itself goes to a headset.
 */

const RATE = 16_000

/** 440 + 480 Hz for a second, then two seconds of quiet: the ring cadence people recognise. */
export function ringWav(onSeconds = 1, offSeconds = 2): Blob {
  const total = Math.round((onSeconds + offSeconds) * RATE)
  const on = Math.round(onSeconds * RATE)
  const data = new DataView(new ArrayBuffer(44 + total * 2))
  const text = (offset: number, value: string): void => {
    for (let i = 0; i < value.length; i++) data.setUint8(offset + i, value.charCodeAt(i))
  }
  text(0, 'RIFF')
  data.setUint32(4, 36 + total * 2, true)
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
  data.setUint32(40, total * 2, true)
  const fade = RATE * 0.02 // 20 ms ramps: no clicks at the edges of each ring
  for (let i = 0; i < on; i++) {
    const t = i / RATE
    const envelope = Math.min(1, i / fade, (on - i) / fade)
    const sample =
      0.25 * envelope * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t))
    data.setInt16(44 + i * 2, Math.round(sample * 32767), true)
  }
  return new Blob([data.buffer], { type: 'audio/wav' })
}

type AudioWithSink = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }

export class Ringtone {
  private readonly audio: AudioWithSink
  private readonly url: string
  private playing = false

  constructor() {
    this.url = URL.createObjectURL(ringWav())
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
    if (this.audio.setSinkId) {
      await this.audio.setSinkId(options.deviceId ?? '').catch(() => this.audio.setSinkId?.(''))
    }
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
