/**
 * The status shown is true, in real Chromium against the real core: while the simulator plays a
 * Facebook that answers, the app says "Page connected"; once Graph refuses connections (as with
 * the internet down) and the core checks again (its 5-minute timer, or a wake from sleep), no
 * "Page connected" is left anywhere, the pill and the Calls view say what is wrong and lead to
 * Page setup; when Facebook answers again, so does the app.
 */
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

const REFUSED =
  "Can't reach Facebook: the connection was refused, so a firewall or proxy may be blocking it."

/** Everything on screen, as the owner reads it. */
const screenText = (page: Page): Promise<string> => page.locator('body').innerText()
/** "Page connected" as its own words (not inside "No Page connected"). */
const CLAIM = /(^|[^o]\s)Page connected/

describe('the Page status when Facebook cannot be reached', () => {
  let browser: Browser | undefined
  let rig: InProcessRig | undefined

  afterEach(async () => {
    await browser?.close()
    await rig?.close()
    browser = undefined
    rig = undefined
  })

  it('takes "Page connected" away everywhere and says why, then gives it back', async () => {
    rig = await startBrowserRig()
    browser = await launchChromium({ toneFile: TONES.app.file })
    const page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('Page connected', { exact: true }).waitFor()
    await page.getByText('Waiting for calls to your Facebook Page.').waitFor()

    await rig.sim.graph.setReachable(false)
    // What the 5-minute timer or a wake from sleep does; the first may meet the pooled socket cut.
    await rig.core.checkPage()
    await rig.core.checkPage()

    const pill = page.getByRole('status', { name: 'Connection to Facebook' })
    await pill.getByText(REFUSED).waitFor()
    const home = page.locator('section.home')
    await home.getByRole('alert').getByText(REFUSED).waitFor()
    expect(await screenText(page)).not.toMatch(CLAIM)
    expect(await page.getByText('Page connected', { exact: true }).count()).toBe(0)
    expect(await screenText(page)).not.toContain('Waiting for calls')
    await screenshot(page, 'page-status-unreachable')

    // The pill leads to Page setup, where the checks say the same.
    await pill.getByRole('button', { name: 'Page setup' }).click()
    await page.getByRole('region', { name: 'Page setup' }).waitFor()
    await page.getByRole('button', { name: 'Calls' }).click()

    await rig.sim.graph.setReachable(true)
    await rig.core.checkPage()
    await page.getByText('Page connected', { exact: true }).waitFor()
    await page.getByText('Waiting for calls to your Facebook Page.').waitFor()
    expect(await screenText(page)).not.toContain("Can't reach Facebook")
    await screenshot(page, 'page-status-back')
  })
})
