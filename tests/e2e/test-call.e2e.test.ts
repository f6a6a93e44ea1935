/**
 * A fresh install with no Page: the welcome screen offers a test call, the built-in simulator rings
 * this desk through the real webhook server and Graph client, greets with a tone and then plays the
 * user's own microphone back. Also: a blocked microphone is explained, not ignored.
 */
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp, pageHearing } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

describe('the built-in test call and a blocked microphone', () => {
  let browser: Browser | undefined
  let rig: InProcessRig | undefined
  let page: Page | undefined

  afterEach(async () => {
    await browser?.close()
    await rig?.close()
    browser = undefined
    rig = undefined
  })

  it('opens on a welcome screen whose Test call rings, greets, then echoes the microphone', async () => {
    rig = await startBrowserRig({ withoutPage: true, testCalls: true })
    browser = await launchChromium({ toneFile: TONES.app.file })
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('No Page connected').waitFor()
    await screenshot(page, 'welcome')

    await page.getByRole('button', { name: 'Test call' }).click()
    const toast = page.getByRole('alertdialog')
    await toast.getByText('Test caller').waitFor()
    // The test caller has a face of its own (no stand-in photo): its initials.
    expect(await toast.locator('[data-avatar="initials"]').textContent()).toBe('TC')
    await screenshot(page, 'test-call-toast')
    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()

    // First the greeting tone (440 Hz), then the app's own 880 Hz tone coming back.
    await expect
      .poll(async () => (await pageHearing(page!)).frequency, { timeout: 10_000 })
      .toBeCloseTo(440, -2)
    await expect
      .poll(async () => Math.round(((await pageHearing(page!)).frequency ?? 0) / 10) * 10, {
        timeout: 15_000
      })
      .toBe(880)
    // Only now: the greeting lasts 1.5 s, and two screenshots before it would miss it.
    await screenshot(page, 'test-call-in-call')
    await page.getByRole('button', { name: 'Hang up' }).click()
    await page.getByText(/Call ended/).waitFor()
  })

  it('tells the user how to allow a blocked microphone, and the call keeps ringing', async () => {
    rig = await startBrowserRig()
    browser = await launchChromium({ toneFile: TONES.app.file, blockMicrophone: true })
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('Page connected').waitFor()
    const callId = await rig.sim.placeCall()
    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('alert').filter({ hasText: 'microphone is blocked' }).waitFor()
    expect(rig.core.registry.get(callId)?.state).toBe('ringing')
    expect(rig.sim.graph.requests.some((request) => request.path.endsWith('/calls'))).toBe(false)
    await screenshot(page, 'microphone-blocked')
  })
})
