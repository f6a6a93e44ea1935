/**
 * The desktop's toast window is 360 x 132 (TOAST_SIZE): its page, served as in browser mode and
 * shown at that size, fits a ringing call whole, with Answer and Decline at least 44 px.
 */
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { TOAST_SIZE } from '../../src/main/desktop/windows/toast-window'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

describe('the toast window', () => {
  let browser: Browser | undefined
  let rig: InProcessRig | undefined

  afterEach(async () => {
    await browser?.close()
    await rig?.close()
  })

  it('fits a ringing call in 360 x 132, with large Answer and Decline', async () => {
    rig = await startBrowserRig()
    browser = await launchChromium({ toneFile: TONES.app.file })
    const context = await browser.newContext({ viewport: TOAST_SIZE })
    const page: Page = await context.newPage()
    const url = new URL(pageUrlOf(rig))
    url.pathname = '/toast.html'
    await page.goto(url.toString())

    await rig.sim.placeCall()
    const toast = page.getByRole('alertdialog')
    await toast.getByText('Ada Lovelace').waitFor()

    const box = await toast.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(TOAST_SIZE.height)
    expect(box!.x + box!.width).toBeLessThanOrEqual(TOAST_SIZE.width)
    for (const name of ['Answer', 'Decline']) {
      const button = await toast.getByRole('button', { name }).boundingBox()
      expect(Math.min(button?.width ?? 0, button?.height ?? 0), name).toBeGreaterThanOrEqual(44)
    }
    await screenshot(page, 'toast-window')
  })
})
