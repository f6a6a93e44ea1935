/**
 * One call by keyboard alone in real Chromium: Tab to Answer and Enter, Space on Mute and Ctrl+M,
 * the keypad opened and a digit sent, Tab to Hang up; then a second call declined with Escape and
 * the Settings tab reached with Tab. Each focused control shows its focus ring (screenshots).
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

/** Presses Tab until `target` has the focus (as a keyboard user would), at most 40 times. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the control')
}

/** The focused control draws a visible outline (the :focus-visible ring). */
async function focusRing(target: Locator): Promise<string> {
  // Reached through the element (no DOM globals: this file is typed for Node).
  return target.evaluate((element) => {
    const style = element.ownerDocument.defaultView?.getComputedStyle(element)
    return element.matches(':focus-visible') ? `${style?.outlineStyle} ${style?.outlineWidth}` : ''
  })
}

describe('a call by keyboard alone', () => {
  let browser: Browser
  let rig: InProcessRig
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
    rig = await startBrowserRig()
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('Page connected').waitFor()
  })
  afterAll(async () => {
    await page?.context().close()
    await browser?.close()
    await rig?.close()
  })

  it('answers, mutes, sends a keypad digit and hangs up, each with a visible focus ring', async () => {
    const callId = await rig.sim.placeCall()
    const toast = page.getByRole('alertdialog')
    await toast.getByText('Ada Lovelace').waitFor()
    const answer = toast.getByRole('button', { name: 'Answer' })
    await tabTo(page, answer)
    expect(await focusRing(answer)).toBe('solid 2px')
    await screenshot(page, 'keyboard-focus-answer')
    await page.keyboard.press('Enter')

    const inCall = page.getByRole('region', { name: 'Call in progress' })
    await inCall.getByText('Connected').waitFor()
    const mute = inCall.getByRole('button', { name: 'Mute' })
    await tabTo(page, mute)
    await page.keyboard.press('Space')
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true')
    expect(await focusRing(mute)).toBe('solid 2px')
    await screenshot(page, 'keyboard-focus-mute')
    await page.keyboard.press('Control+m')
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('false')

    const keypadButton = inCall.getByRole('button', { name: 'Keypad' })
    await tabTo(page, keypadButton)
    await page.keyboard.press('Enter')
    const five = inCall.getByRole('region', { name: 'Keypad' }).getByRole('button', { name: '5' })
    await tabTo(page, five)
    await page.keyboard.press('Space')
    await page.keyboard.press('#')
    await expect(rig.sim.callerOf(callId)!.waitForDigits('5#', 5_000)).resolves.toBe('5#')
    expect(await focusRing(five)).toBe('solid 2px')
    await screenshot(page, 'keyboard-focus-keypad')

    await tabTo(page, inCall.getByRole('button', { name: 'Hang up' }))
    await page.keyboard.press('Enter')
    expect((await rig.sim.whenEnded(callId)).by).toBe('business')
    await expect.poll(() => inCall.count()).toBe(0)
  })

  it('declines with Escape, and reaches Settings with Tab and Enter', async () => {
    const callId = await rig.sim.placeCall()
    await page.getByRole('alertdialog').getByText('Ada Lovelace').waitFor()
    await page.keyboard.press('Escape')
    expect((await rig.sim.whenEnded(callId)).by).toBe('business')
    expect(rig.core.registry.get(callId)).toMatchObject({ outcome: 'declined' })

    const settings = page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
    await tabTo(page, settings)
    expect(await focusRing(settings)).toBe('solid 2px')
    await screenshot(page, 'keyboard-focus-tab')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Keyboard shortcuts' }).waitFor()
  })
})
