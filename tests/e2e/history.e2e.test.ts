/**
 * The call history in real Chromium against the simulator: an answered call keeps the quality
 * figures its desk measured with real WebRTC, and a call nobody answers raises the missed-calls
 * badge, is listed (and found by the Missed filter and by name), and the badge clears once seen.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp, pageHearing } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

/** Short, so the missed call is quick; the answered call is picked up well within it. */
const RING_TIMEOUT_MS = 4_000

describe('the call history in the browser', () => {
  let browser: Browser
  let rig: InProcessRig
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
    rig = await startBrowserRig({ ringTimeoutMs: RING_TIMEOUT_MS })
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('Page connected').waitFor()
  })
  afterAll(async () => {
    await page?.context().close()
    await browser?.close()
    await rig?.close()
  })

  const nav = (): ReturnType<Page['getByRole']> =>
    page.getByRole('navigation', { name: 'Sections' })
  const historyButton = (): ReturnType<Page['getByRole']> =>
    nav().getByRole('button', { name: /^History/ })
  const calls = (): ReturnType<Page['getByRole']> => page.getByRole('list', { name: 'Calls' })

  it('keeps the quality figures of an answered call and shows them after hang-up', async () => {
    const callId = await rig.sim.placeCall()
    await page.getByRole('alertdialog').getByText('Ada Lovelace').waitFor()
    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()
    // Real audio for a moment, so the figures describe a real call.
    await expect
      .poll(async () => (await pageHearing(page)).packetsReceived, { timeout: 10_000 })
      .toBeGreaterThan(50)
    await page.getByRole('button', { name: 'Hang up' }).click()

    await expect.poll(() => rig.core.history.get(callId)?.quality, { timeout: 5_000 }).toBeDefined()
    const quality = rig.core.history.get(callId)?.quality
    expect(quality?.packetsReceived).toBeGreaterThan(50)
    expect(quality?.lossPercent).toBeLessThan(5)

    await historyButton().click()
    const entry = calls().getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).first()
    await entry.getByText('Answered').waitFor()
    const figures = entry.getByRole('definition')
    await expect.poll(() => figures.count()).toBeGreaterThanOrEqual(3)
    const received = await entry.locator('dt:text-is("Packets received") + dd').textContent()
    expect(Number(received?.replace(/\D/g, ''))).toBe(quality?.packetsReceived)
    expect(rig.sim.graph.metrics).toEqual([])
    await nav().getByRole('button', { name: 'Calls' }).click()
  })

  it('badges a missed call until the history is opened, and finds it there', async () => {
    const callId = await rig.sim.placeCall({ psid: '5275811702471835' })
    await page.getByRole('alertdialog').getByText('Grace Hopper').waitFor()
    await expect
      .poll(() => rig.core.registry.get(callId), { timeout: RING_TIMEOUT_MS + 5_000 })
      .toMatchObject({ state: 'ended', outcome: 'missed' })

    await expect.poll(() => historyButton().textContent()).toMatch(/History\s*1 missed/)
    await expect.poll(() => page.title()).toBe('(1) Messenger Softphone')
    expect(rig.core.history.unseenMissedCount()).toBe(1)
    await screenshot(page, 'history-missed-badge')

    await historyButton().click()
    const missed = calls().getByRole('listitem').filter({ hasText: 'Grace Hopper' })
    await missed.getByText('Missed', { exact: true }).waitFor()
    await missed.getByText('Incoming').waitFor()
    // Seen: the badge clears everywhere, and the core has it on disk.
    await expect.poll(async () => (await historyButton().textContent())?.trim()).toBe('History')
    await expect.poll(() => rig.core.history.unseenMissedCount()).toBe(0)
    await expect.poll(() => page.title()).toBe('Messenger Softphone')
    await screenshot(page, 'history')

    await page.getByRole('button', { name: 'Missed', exact: true }).click()
    await expect.poll(() => calls().getByRole('listitem').count()).toBe(1)
    await calls().getByText('Grace Hopper').waitFor()

    await page.getByRole('button', { name: 'All', exact: true }).click()
    await page.getByRole('searchbox', { name: 'Search calls' }).fill('grace')
    await expect.poll(() => calls().getByRole('listitem').count()).toBe(1)
    await calls().getByText('Grace Hopper').waitFor()
    await page.getByRole('searchbox', { name: 'Search calls' }).fill('nobody')
    await page.getByText('No calls match “nobody”.').waitFor()
  })
})
