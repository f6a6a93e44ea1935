/**
 * A steady sine as a WAV file (48 kHz mono, 16-bit), written by Node alone: the Electron smoke test
 * runs on macOS and Windows too, where sox (the browser tests' tone maker) is not installed.
 */
import { writeFileSync } from 'node:fs'

const SAMPLE_RATE = 48_000

export function writeToneWav(file: string, frequency: number, seconds = 5): void {
  const samples = SAMPLE_RATE * seconds
  const wav = Buffer.alloc(44 + samples * 2)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + samples * 2, 4)
  wav.write('WAVEfmt ', 8, 'ascii')
  wav.writeUInt32LE(16, 16) // fmt chunk size
  wav.writeUInt16LE(1, 20) // PCM
  wav.writeUInt16LE(1, 22) // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24)
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28) // bytes per second
  wav.writeUInt16LE(2, 32) // bytes per frame
  wav.writeUInt16LE(16, 34) // bits per sample
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++) {
    // Half scale, as the browser tests' tones.
    const value = Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE))
    wav.writeInt16LE(value, 44 + i * 2)
  }
  writeFileSync(file, wav)
}
