/**
 * One owner of the webhook, in real Chromium against two real cores of the same app (the second
 * joins the first's simulator, which keeps one callback per app as Meta does): the second desk
 * does not take the calls silently, it says in words which desk gets them; "Ring on this desk
 * instead" asks first, then takes them, and the first desk says who took them. "Join it as a
 * seat" opens the join form, which asks a desk with a Page before it forgets it.
 */
import type { Browser } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import type { WebhookOwner } from '../../src/shared/webhook-owner'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

async function ownerOf(rig: InProcessRig): Promise<WebhookOwner | undefined> {
  return (await rig.client.api.getStatus({})).webhookOwner
}

describe('two desks of one app', () => {
  let browser: Browser | undefined
  const rigs: InProcessRig[] = []

  afterEach(async () => {
    await browser?.close()
    browser = undefined
    // The joining desk first: the first one owns the simulator.
    for (const rig of rigs.splice(0).reverse()) await rig.close()
  })

  it('names the desk that gets the calls, and takes them over only when asked', async () => {
    const front = await startBrowserRig({
      ownUrl: true,
      deskName: 'Front desk',
      webhookRecheckMs: 300
    })
    rigs.push(front)
    await expect
      .poll(async () => (await ownerOf(front))?.state, { timeout: 8000 })
      .toBe('this-desk')
    const back = await startBrowserRig({ ownUrl: true, deskName: 'Back office', joinApp: front })
    rigs.push(back)
    await expect
      .poll(async () => (await ownerOf(back))?.state, { timeout: 8000 })
      .toBe('other-desk')

    browser = await launchChromium({ toneFile: TONES.app.file })
    const page = await openApp(browser, pageUrlOf(back))
    const home = page.locator('section.home')
    await home.getByText(`go to Front desk (${front.webhookUrl})`).waitFor()
    expect(await page.locator('body').innerText()).not.toContain('Waiting for calls')
    await screenshot(page, 'webhook-owner-elsewhere')

    // Or join it as a seat: the join form says where the invitation comes from, and a desk
    // with a Page is asked before it forgets it. Nothing is sent here: kept as it is.
    await home.getByRole('button', { name: 'Join it as a seat' }).click()
    const join = page.getByRole('region', { name: 'Join a desk' })
    await join.getByText('To join Front desk, ask its owner for an invitation').waitFor()
    const origin = new URL(front.webhookUrl).origin
    await join
      .getByLabel('Invitation')
      .fill(`${origin}#msp1.0123456789ab.${'s'.repeat(22)}.${'f'.repeat(43)}`)
    await join.getByRole('button', { name: 'Join', exact: true }).click()
    const forget = join.getByRole('group', { name: 'Forget this desk’s Page and join?' })
    await forget.getByText('This desk will forget its Page token and app secret').waitFor()
    await screenshot(page, 'join-confirm')
    await forget.getByRole('button', { name: 'Keep the Page' }).click()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Calls' })
      .click()
    expect((await ownerOf(back))?.state).toBe('other-desk')

    await home.getByRole('button', { name: 'Ring on this desk instead' }).click()
    await home.getByText('Front desk stops ringing').waitFor()
    await screenshot(page, 'webhook-owner-confirm')
    // Nothing changes before the owner confirms.
    expect((await ownerOf(back))?.state).toBe('other-desk')
    await home.getByRole('button', { name: 'Ring here' }).click()
    await expect.poll(async () => (await ownerOf(back))?.state, { timeout: 8000 }).toBe('this-desk')
    await page.getByText('Page connected', { exact: true }).waitFor()
    await expect
      .poll(async () => ownerOf(front), { timeout: 5000 })
      .toMatchObject({ state: 'other-desk', desk: { deskName: 'Back office' }, tookItFromUs: true })

    // The first desk says, in words, who took its calls.
    const frontPage = await openApp(browser, pageUrlOf(front))
    await frontPage
      .locator('section.home')
      .getByText(`Back office (${back.webhookUrl}) took the calls`)
      .waitFor()
    await screenshot(frontPage, 'webhook-owner-taken')
  })
})
