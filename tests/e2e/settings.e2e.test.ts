/**
 * The Settings section in real Chromium against the real core: the dark theme really paints the
 * page (and light wins over a dark system), and Do not disturb set to "ring out" keeps a call from
 * ringing anywhere while the core still lets it ring out and files it in history as missed.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

/** Short, so the ring-out ends within the test; long enough to look for a toast meanwhile. */
const RING_TIMEOUT_MS = 3000
const DARK_BG = 'rgb(24, 25, 26)'
const LIGHT_BG = 'rgb(245, 246, 248)'

let browser: Browser | undefined
let rig: InProcessRig | undefined
let page: Page

beforeAll(async () => {
  rig = await startBrowserRig({ ringTimeoutMs: RING_TIMEOUT_MS })
  browser = await launchChromium({ toneFile: TONES.app.file })
  page = await openApp(browser, pageUrlOf(rig))
  await page.getByText('Page connected').waitFor()
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByRole('region', { name: 'Settings' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await rig?.close()
})

/** Passed as text: it runs in the page, where the test runner's (Node) types do not apply. */
const background = async (): Promise<string> =>
  String(await page.evaluate('getComputedStyle(document.body).backgroundColor'))

describe('the Settings section', () => {
  it('applies the dark theme at once, and light over a dark system', async () => {
    expect(await background()).toBe(LIGHT_BG)
    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(background).toBe(DARK_BG)

    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByRole('radio', { name: 'Light' }).check()
    await expect.poll(background).toBe(LIGHT_BG)
    await page.getByRole('radio', { name: 'As the system' }).check()
    await expect.poll(background).toBe(DARK_BG)

    await page.emulateMedia({ colorScheme: 'light' })
    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(background).toBe(DARK_BG)
    // Saved in the core, not only painted: a restart would come back dark.
    expect(await rig!.client.api.getSettings({})).toMatchObject({ theme: 'dark' })
  })

  it('Do not disturb, ring out: no toast, and the call ends as missed in history', async () => {
    const calls = page.getByRole('region', { name: 'Calls' })
    await calls.getByRole('switch', { name: 'Do not disturb' }).check()
    await expect
      .poll(async () => (await rig!.client.api.getSettings({})).doNotDisturb)
      .toEqual({ enabled: true, action: 'ring-out' })
    expect(await calls.getByRole('radio', { name: /Let calls ring out/ }).isChecked()).toBe(true)

    // Pictured as the system has it (light, then dark), not in the theme the first test left.
    await rig!.client.api.updateSettings({ theme: 'system' })
    await expect.poll(background).toBe(LIGHT_BG)
    await screenshot(page, 'settings', { fullPage: true })

    const callId = await rig!.sim.placeCall()
    expect(rig!.core.registry.get(callId)).toMatchObject({ state: 'ringing', silenced: true })
    // While it rings (and until it ends), the page shows no toast.
    const start = Date.now()
    while (rig!.core.registry.get(callId)?.state === 'ringing') {
      expect(await page.getByRole('alertdialog').count()).toBe(0)
      expect(Date.now() - start).toBeLessThan(RING_TIMEOUT_MS + 5000)
      await page.waitForTimeout(200)
    }
    expect(rig!.core.registry.get(callId)).toMatchObject({
      state: 'ended',
      outcome: 'missed',
      reason: 'ring-timeout'
    })
    await expect
      .poll(async () => (await rig!.client.api.listHistory({})).find((r) => r.callId === callId))
      .toMatchObject({ outcome: 'missed' })
  })
})
