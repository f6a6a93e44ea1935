/**
 * Before the browser tests: build the renderer they load and the headless core some spawn, each
 * only if its sources changed (as `npm run web` does), and make the tone files Chromium's fake
 * microphone plays (sox, from Debian). Both land outside src/, in out/ and test-results/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import freshBuild from '../support/fresh-build-setup'
import { E2E_DIR, TONES } from './support/paths'

export default async function setup(): Promise<void> {
  await freshBuild()
  mkdirSync(E2E_DIR, { recursive: true })
  for (const tone of Object.values(TONES)) {
    if (existsSync(tone.file)) continue
    // 48 kHz mono, a steady sine at half scale: Chromium loops the file as the microphone.
    execFileSync('sox', [
      '-n',
      '-r',
      '48000',
      '-c',
      '1',
      '-b',
      '16',
      tone.file,
      'synth',
      '30',
      'sine',
      String(tone.frequency),
      'vol',
      '0.5'
    ])
  }
}
