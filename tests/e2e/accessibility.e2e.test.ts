/**
 * Every view passes axe-core with no serious or critical violation, in the light and the dark
 * theme: a fresh install's welcome, setup choice and Page setup, then a connected desk's calls,
 * ringing toast, call, keypad, history, call back, to call back, settings (with the business
 * hours) and desks, and the desktop's toast window. An incoming call is also announced in the
 * window's live region. Each test walks its views first and reports them together.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TOAST_SIZE } from '../../src/main/desktop/windows/toast-window'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { violationsInBothThemes } from './support/axe'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, startBrowserRig } from './support/rig'

describe('accessibility of every view (axe-core)', () => {
  let browser: Browser
  let rig: InProcessRig
  let page: Page
  /** Each test's views with violations, reported together at its end. */
  let found: Record<string, string[]> = {}

  async function check(view: string): Promise<void> {
    // No hover look left from the last click under the pointer.
    await page.mouse.move(0, 0)
    const lines = await violationsInBothThemes(page)
    if (lines.length > 0) found[view] = lines
  }

  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    found = {}
    await page?.context().close()
    await rig?.close()
  })

  it('a fresh install: welcome, setup choice, Page setup', async () => {
    rig = await startBrowserRig({ withoutPage: true })
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByRole('region', { name: 'Welcome' }).waitFor()
    await check('welcome')
    await page.getByRole('button', { name: 'Set up this desk' }).click()
    const choice = page.getByRole('group', { name: 'How this desk takes calls' })
    await choice.waitFor()
    await check('setup choice')
    await choice.getByRole('button', { name: 'Connect a Page (this desk becomes the hub)' }).click()
    await page.getByLabel('Page id').waitFor()
    await check('Page setup')
    expect(found).toEqual({})
  })

  it('a connected desk: calls, ringing toast, call, keypad, history, call back, to call back, settings, desks', async () => {
    rig = await startBrowserRig()
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('Page connected').waitFor()
    // An invitation carries the hub's public address: here the listener's own.
    rig.core.setPublicUrl(new URL(rig.webhookUrl).origin)
    await check('calls')

    const callId = await rig.sim.placeCall()
    const toast = page.getByRole('alertdialog')
    await toast.getByText('Ada Lovelace').waitFor()
    // Screen readers hear who calls: the window's live region says it.
    await expect
      .poll(() => page.getByTestId('call-announcer').textContent())
      .toBe('Incoming call from Ada Lovelace')
    await check('calls with a ringing toast')

    await toast.getByRole('button', { name: 'Answer' }).click()
    const inCall = page.getByRole('region', { name: 'Call in progress' })
    await inCall.getByText('Connected').waitFor()
    await check('in call')
    await inCall.getByRole('button', { name: 'Keypad' }).click()
    await inCall.getByRole('region', { name: 'Keypad' }).waitFor()
    await check('keypad')
    await inCall.getByRole('button', { name: 'Hang up' }).click()
    await rig.sim.whenEnded(callId)

    await page.getByRole('button', { name: /^History/ }).click()
    const history = page.getByRole('region', { name: 'History' })
    await history.locator(`[data-call-id="${callId}"]`).waitFor()
    await check('history')
    await history.getByRole('button', { name: 'Call back Ada Lovelace' }).click()
    await page.getByRole('dialog', { name: 'Call back Ada Lovelace' }).waitFor()
    await check('call back')
    await page.keyboard.press('Escape')

    // A call that nobody answers becomes a task To call back.
    const missed = await rig.sim.placeCall()
    await toast.getByText('Ada Lovelace').waitFor()
    await rig.sim.hangUpAsCaller(missed)
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'To call back 1 open' })
      .click()
    await page.getByRole('region', { name: 'To call back' }).getByText('Ada Lovelace').waitFor()
    await check('to call back')

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const desks = page.getByRole('region', { name: 'Desks' })
    await desks.waitFor()
    await desks.getByText('Loading the desks…').waitFor({ state: 'detached' })
    // The business hours editor, read from the Page, in the same scan.
    await page
      .getByRole('region', { name: 'Business hours' })
      .getByRole('button', { name: 'Save and publish' })
      .waitFor()
    await check('settings and desks')
    const add = desks.getByRole('button', { name: 'Add a desk' })
    // A core that takes seats shows the form; its one-time code is a view of its own.
    if ((await add.count()) > 0) {
      await desks.getByRole('textbox', { name: "New desk's name" }).fill('Front desk')
      await add.click()
      await desks.getByText('On the other computer, choose', { exact: false }).waitFor()
      await check('desks with a code')
    }
    expect(found).toEqual({})
  })

  it("the desktop's toast window, ringing", async () => {
    rig = await startBrowserRig()
    page = await (await browser.newContext({ viewport: TOAST_SIZE })).newPage()
    const url = new URL(pageUrlOf(rig))
    url.pathname = '/toast.html'
    await page.goto(url.toString())
    await rig.sim.placeCall()
    await page.getByRole('alertdialog').getByText('Ada Lovelace').waitFor()
    await check('toast window')
    expect(found).toEqual({})
  })
})
