/**
 * The setup of the e2e tests that run a hub process and its seat's page: one Chromium (the app's
 * tone as microphone) for the file, and the cleanups everything started adds, run last added
 * first, then the browser closed.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { runCleanups } from '../../main/serve-process'
import { launchChromium } from './browser'
import { TONES } from './paths'

export function useSeatBrowser(): { browser: () => Browser; cleanups: (() => unknown)[] } {
  let browser: Browser | undefined
  const cleanups: (() => unknown)[] = []
  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
  }, 30_000)
  afterAll(async () => {
    await runCleanups(cleanups)
    await browser?.close()
  })
  return {
    browser: () => {
      if (!browser) throw new Error('Chromium is not launched yet')
      return browser
    },
    cleanups
  }
}
