/**
 * The reply to missed calls in real Chromium against the real core and the simulator as Meta,
 * with a short ring time: the owner switches it on in Settings (seen with its preview, light and
 * dark, axe clean), a missed call sends the owner's reply once, a second missed call within 12
 * hours sends none, and History says so; "Send a call button" from the entry reaches Meta too.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { SECOND_PSID } from '../../src/main/simulator/simulator'
import { seriousViolations } from './support/axe'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

const RING_TIMEOUT_MS = 2_000
const TEXT = 'Hi {first_name}, sorry we missed you. We can talk {next_opening}.'

describe('the missed-call reply in the browser', () => {
  let browser: Browser
  let rig: InProcessRig
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
    rig = await startBrowserRig({ ringTimeoutMs: RING_TIMEOUT_MS })
    await rig.client.api.updateSettings({ desk: { language: 'en' } })
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
  const section = (): ReturnType<Page['getByRole']> =>
    page.getByRole('region', { name: 'Reply to missed calls' })

  /** A customer's call that nobody answers; resolves once its reply is recorded in history. */
  async function missedCall(): Promise<string> {
    const callId = await rig.sim.placeCall({ psid: SECOND_PSID })
    await expect
      .poll(() => rig.core.history.get(callId)?.followUp?.reply, {
        timeout: RING_TIMEOUT_MS + 8_000
      })
      .toBeDefined()
    return callId
  }

  it('is switched on in Settings, with a preview drawn as Messenger shows it', async () => {
    await nav().getByRole('button', { name: 'Settings' }).click()
    await section().waitFor()
    const toggle = section().getByRole('switch', { name: 'Send a reply after a missed call' })
    await toggle.check()
    await expect
      .poll(() => rig.core.service.dispatch('getSettings', {}, owner()))
      .toMatchObject({
        missedCallReply: { enabled: true }
      })
    await section().getByLabel('Message').fill(TEXT)
    await section().getByRole('button', { name: 'Save the message' }).click()
    await section().getByText('Saved.').waitFor()
    await section()
      .getByRole('radio', { name: /A call button/ })
      .check()
    const preview = section().getByTestId('missed-reply-preview')
    await preview.getByText('Hi Ana, sorry we missed you. We can talk as soon as we can.').waitFor()
    await preview.getByText('Call us').waitFor()

    await section().scrollIntoViewIfNeeded()
    expect((await seriousViolations(page)).filter((line) => /reply|missed/.test(line))).toEqual([])
    await section().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'missed-call-reply-settings')
  })

  it('a missed call sends the reply once; another within 12 hours sends none', async () => {
    const first = await missedCall()
    expect(rig.core.history.get(first)?.followUp).toMatchObject({
      reason: 'rang-out',
      reply: { state: 'sent', extra: 'call-button' }
    })
    expect(rig.sim.graph.messages).toHaveLength(1)
    expect(rig.sim.graph.messages[0]).toMatchObject({
      psid: SECOND_PSID,
      messagingType: 'RESPONSE',
      message: {
        attachment: {
          payload: {
            template_type: 'button',
            text: 'Hi Grace, sorry we missed you. We can talk as soon as we can.',
            buttons: [{ type: 'audio_call', title: 'Call us', expires_in_days: 7 }]
          }
        }
      }
    })

    const second = await missedCall()
    expect(rig.core.history.get(second)?.followUp?.reply).toMatchObject({
      state: 'skipped',
      why: 'replied-recently'
    })
    expect(rig.sim.graph.messages).toHaveLength(1)

    await nav()
      .getByRole('button', { name: /^History/ })
      .click()
    const calls = page.getByRole('list', { name: 'Calls' })
    await calls.getByText('Reply sent with a call button').waitFor()
    await calls.getByText('No reply: this customer got one in the last 12 hours').waitFor()
  })

  it('sends a call button from the history entry', async () => {
    const entry = page.getByRole('list', { name: 'Calls' }).getByRole('listitem').first()
    await entry.getByRole('button', { name: 'Send a call button to Grace Hopper' }).click()
    await entry.getByText('Call button sent.').waitFor()
    expect(rig.sim.graph.messages).toHaveLength(2)
    expect(JSON.stringify(rig.sim.graph.messages[1]?.message)).toContain('"audio_call"')
    await screenshot(page, 'missed-call-reply-history')
  })
})

/** The owner's own window, as the service knows it (for reading the settings in the core). */
function owner() {
  return { id: 'e2e-check', send: () => undefined }
}
