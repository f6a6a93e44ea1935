/**
 * Calling a customer back in real Chromium (docs section 7): a missed call in history, "Call back",
 * no permission yet, the request, the customer's approval arriving live, the call ringing on their
 * phone, picked up, audio both ways measured by frequency, keypad digits heard by the caller, and
 * the outbound call in history. The simulator plays Meta (permission required) and the customer.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { FIRST_PSID } from '../../src/main/simulator/simulator'
import { launchChromium, openApp, pageHearing } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

describe('calling a customer back in the browser', () => {
  let browser: Browser
  let rig: InProcessRig
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await page?.context().close()
    await rig?.close()
  })

  it('asks, is allowed, calls, rings, connects with audio and keypad, and hangs up', async () => {
    // Meta holds its connect reply a little: the ringing webhook reaches the app before the id.
    rig = await startBrowserRig({
      callBack: { requireCallPermission: true, connectReplyDelayMs: 300 }
    })
    page = await openApp(browser, pageUrlOf(rig))
    await page.getByText('Page connected').waitFor()

    // Ada calls and gives up before anyone answers: a missed call.
    const missed = await rig.sim.placeCall()
    await page.getByRole('alertdialog').getByText('Ada Lovelace').waitFor()
    await rig.sim.hangUpAsCaller(missed)
    await page.getByRole('button', { name: /^History/ }).click()
    const history = page.getByRole('region', { name: 'History' })
    await history.locator(`[data-call-id="${missed}"][data-outcome="missed"]`).waitFor()

    // Call back: no permission yet, so the panel offers to ask, with Meta's limit shown.
    await history.getByRole('button', { name: 'Call back Ada Lovelace' }).click()
    const panel = page.getByRole('dialog', { name: 'Call back Ada Lovelace' })
    await panel.getByText('Ada Lovelace has not allowed calls from your Page.').waitFor()
    await panel.getByText('2 of 2 requests left today.').waitFor()
    const call = panel.getByRole('button', { name: 'Call Ada Lovelace', exact: true })
    expect(await call.isDisabled()).toBe(true)
    await panel.getByRole('button', { name: 'Ask Ada Lovelace for permission to call' }).click()
    await panel.getByText('Waiting for Ada Lovelace to allow calls…').waitFor()
    await panel.getByText('1 of 2 requests left today.').waitFor()
    expect(rig.sim.graph.messages.map((m) => [m.psid, JSON.stringify(m.message)])).toEqual([
      [FIRST_PSID, expect.stringContaining('calling_optin')]
    ])
    await screenshot(page, 'call-back-waiting')

    // Ada taps "Allow" in Messenger: the call_permission_reply webhook updates the panel live.
    await rig.sim.customer.replyToPermissionRequest(FIRST_PSID, 'approve')
    await panel.getByText(/^Ada Lovelace allows calls from your Page until /).waitFor()
    await expect.poll(() => call.isEnabled()).toBe(true)

    const dialed = rig.sim.customer.nextDial()
    await call.click()
    const { callId } = await dialed
    const inCall = page.getByRole('region', { name: 'Call in progress' })
    await inCall.getByText('Ringing…').waitFor()
    expect(rig.core.registry.get(callId)).toMatchObject({
      state: 'answering',
      direction: 'outbound'
    })
    await screenshot(page, 'call-back-ringing')

    // Ada picks up: call_status accepted, and she starts talking (440 Hz).
    await rig.sim.customer.pickUp(callId)
    await inCall.getByText('Connected').waitFor()
    const caller = rig.sim.callerOf(callId)
    expect(caller).toBeDefined()
    const heard = await caller!.waitForAudio({ frequency: TONES.app.frequency, timeoutMs: 10_000 })
    expect(Math.abs((heard.frequency ?? 0) - TONES.app.frequency)).toBeLessThan(20)
    await expect
      .poll(async () => (await pageHearing(page)).frequency, { timeout: 10_000 })
      .toBeGreaterThan(420)
    const hearing = await pageHearing(page)
    expect(Math.abs((hearing.frequency ?? 0) - 440)).toBeLessThan(20)

    // The keypad: digits travel as RFC 4733 events, by click and by keyboard.
    await inCall.getByRole('button', { name: 'Keypad' }).click()
    const keypad = inCall.getByRole('region', { name: 'Keypad' })
    await keypad.getByRole('button', { name: '1', exact: true }).click()
    await keypad.getByRole('button', { name: '2', exact: true }).click()
    await page.keyboard.press('#')
    await expect(caller!.waitForDigits('12#', 5_000)).resolves.toBe('12#')
    await screenshot(page, 'call-back-keypad')

    // Mute is one button that shows it is on: pressed, filled.
    const mute = inCall.getByRole('button', { name: 'Mute' })
    await mute.click()
    expect(await mute.getAttribute('aria-pressed')).toBe('true')
    await screenshot(page, 'in-call-muted')

    await inCall.getByRole('button', { name: 'Hang up' }).click()
    const ending = await rig.sim.whenEnded(callId)
    expect(ending.by).toBe('business')
    await expect.poll(() => rig.core.registry.get(callId)?.state).toBe('ended')
    expect(rig.core.registry.get(callId)).toMatchObject({
      direction: 'outbound',
      outcome: 'completed',
      reason: 'we-hung-up'
    })

    // History shows the outgoing call, completed, above the missed one.
    await page.getByRole('button', { name: /^History/ }).click()
    const entry = history.locator(`[data-call-id="${callId}"]`)
    await entry.waitFor()
    expect(await entry.getAttribute('data-outcome')).toBe('completed')
    await entry.getByText('Outgoing').waitFor()
  })
})
