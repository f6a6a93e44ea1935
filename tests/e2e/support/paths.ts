import { fileURLToPath } from 'node:url'

const root = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url))

export const RENDERER_DIR = root('out/renderer')
export const E2E_DIR = root('test-results/e2e')
export const SCREENSHOTS_DIR = root('test-results/screenshots')

/** What the app's (fake) microphone says; the simulated caller says 440 Hz by default. */
export const TONES = {
  app: { frequency: 880, file: `${E2E_DIR}/tone-880.wav` }
} as const
