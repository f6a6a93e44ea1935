/**
 * The onboarding wizard in real Chromium against a fresh install: the simulator plays Meta (with
 * the credentials the owner types in), a real localtunnel client opens a tunnel to the fake
 * localtunnel server, and Meta's verification handshake travels through it. Each broken setup
 * fails its own check with its sentence; the fix buttons work; then a real call from the
 * simulator rings through the tunnel and the wizard says it arrived. The wizard starts with the
 * choice between connecting a Page and joining a desk; these tests connect one.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { DEFAULT_TOKEN_SCOPES } from '../../src/main/simulator/platform'
import {
  startFakeLocaltunnelServer,
  type FakeLocaltunnelServer
} from '../support/fake-localtunnel-server'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

const DAY_S = 24 * 3600

interface Form {
  pageId: string
  appId: string
  pageAccessToken: string
  appSecret: string
}

/** Runs `action` and waits for the report it leads to (not the one already on screen). */
async function newReport(page: Page, action: () => Promise<void>): Promise<void> {
  const list = page.getByRole('list', { name: 'Setup checks' })
  const before = (await list.count()) > 0 ? await list.getAttribute('data-checked-at') : null
  await action()
  await expect
    .poll(async () => ((await list.count()) > 0 ? list.getAttribute('data-checked-at') : null), {
      timeout: 20_000
    })
    .not.toBe(before)
  await page.locator('section[aria-label="Page setup"][aria-busy="false"]').waitFor()
}

async function saveForm(page: Page, form: Form): Promise<void> {
  await page.getByLabel('Page id').fill(form.pageId)
  await page.getByLabel('App id').fill(form.appId)
  await page.locator('#setup-token').fill(form.pageAccessToken)
  await page.locator('#setup-secret').fill(form.appSecret)
  await newReport(page, () => page.getByRole('button', { name: 'Save and check' }).click())
}

async function press(page: Page, name: string): Promise<void> {
  await newReport(page, () => page.getByRole('button', { name }).click())
}

function checkItem(page: Page, id: string): Locator {
  return page.locator(`[data-check="${id}"]`)
}

/** Check `id` of the report on screen shows `state`; returns its sentence. */
async function expectCheck(page: Page, id: string, state: string): Promise<string> {
  const item = checkItem(page, id)
  expect(await item.getAttribute('data-state')).toBe(state)
  return (await item.locator('.setup-check__detail').textContent()) ?? ''
}

const checkAgain = (page: Page): Promise<void> => press(page, 'Check again')

/** From the welcome: the wizard's first choice (pictured when `shot` names it), then the Page. */
async function chooseConnect(page: Page, shot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Set up this desk' }).click()
  const choice = page.getByRole('group', { name: 'How this desk takes calls' })
  await choice.getByRole('button', { name: 'Join a desk that is already connected' }).waitFor()
  if (shot) {
    // The pointer left where "Set up this desk" was would show the first option as hovered.
    await page.mouse.move(0, 0)
    await fullScreenshot(page, shot)
  }
  await choice.getByRole('button', { name: 'Connect a Page (this desk becomes the hub)' }).click()
}

/** The whole wizard, not only what fits the window, in light and dark. */
const fullScreenshot = (page: Page, name: string): Promise<void> =>
  screenshot(page, name, { fullPage: true })

describe('the onboarding wizard', () => {
  let browser: Browser | undefined
  let rig: InProcessRig | undefined
  let tunnelServer: FakeLocaltunnelServer | undefined

  afterEach(async () => {
    await browser?.close()
    await rig?.close()
    await tunnelServer?.close()
    browser = undefined
    rig = undefined
    tunnelServer = undefined
  })

  it('finds each broken step, fixes what it can, and shows the first real call', async () => {
    tunnelServer = await startFakeLocaltunnelServer()
    rig = await startBrowserRig({ withoutPage: true, tunnelHost: tunnelServer.url })
    const { sim, credentials } = rig
    // Meta's side as a new owner often leaves it: the Page not subscribed (the simulator's
    // default), calls ringing in Meta's apps, voice off, the app in Development mode, a token
    // without pages_manage_metadata that runs out in two days.
    sim.graph.updateCallSettings({ call_routing: { ring_target: 'META' }, audio_enabled: false })
    sim.graph.setAppMode('development')
    sim.graph.setTokenScopes(['pages_messaging', 'pages_show_list'])
    sim.graph.setTokenExpiry(Math.floor(Date.now() / 1000) + 2 * DAY_S)

    browser = await launchChromium({ toneFile: TONES.app.file })
    const page = await openApp(browser, pageUrlOf(rig))
    await chooseConnect(page, 'setup-choice')
    await page.getByRole('heading', { name: 'Connect your Facebook Page' }).waitFor()
    // Each value says where Meta shows it, the link inside its sentence (the built app's <I18nT>).
    const links = page.getByRole('form', { name: 'Page and app' }).getByRole('link')
    expect(await links.allInnerTexts()).toEqual([
      'Business settings',
      'Meta for Developers',
      'Graph API Explorer',
      'Access Token Debugger',
      'App settings, Basic'
    ])

    // A wrong app secret: Meta refuses the app, and nothing that needs it is tried.
    await saveForm(page, { ...credentials, appSecret: 'f'.repeat(32) })
    expect(await expectCheck(page, 'app', 'failed')).toContain(
      'Meta did not accept this app id and app secret together'
    )
    expect(await expectCheck(page, 'token', 'skipped')).toContain('app secret are accepted')

    // Someone else's Page id: the token names the Page it really belongs to.
    await saveForm(page, { ...credentials, pageId: '222222222222222' })
    expect(await expectCheck(page, 'token-page', 'failed')).toContain(
      `This token belongs to the Page "Simulated Page" (${credentials.pageId})`
    )

    // The right values: what is left is on Meta's side, each with its own sentence.
    await saveForm(page, credentials)
    expect(await expectCheck(page, 'permissions', 'failed')).toContain(
      'The token lacks pages_manage_metadata'
    )
    expect(await expectCheck(page, 'token-expiry', 'warning')).toContain('expires in 2 days')
    // Nothing Meta documents tells Development from Live: said neutrally, with where to look.
    expect(await expectCheck(page, 'app-mode', 'unknown')).toContain('App Mode switch')
    expect(await expectCheck(page, 'page-subscription', 'failed')).toContain(
      'The Page is not subscribed to this app'
    )
    expect(await expectCheck(page, 'ring-target', 'failed')).toContain('call routing is META')
    expect(await expectCheck(page, 'audio', 'failed')).toContain('Voice calls are turned off')
    // The tunnel is up, and Meta's handshake came through it.
    expect(await expectCheck(page, 'tunnel', 'passed')).toContain(tunnelServer.url)
    await expectCheck(page, 'webhook', 'passed')
    await expectCheck(page, 'handshake', 'passed')
    expect(tunnelServer.forwarded.some((request) => request.method === 'GET')).toBe(true)
    await fullScreenshot(page, 'wizard')

    // Subscribing needs pages_manage_metadata: the fix says so.
    await page.getByRole('button', { name: 'Subscribe the Page' }).click()
    await page.getByRole('alert').filter({ hasText: 'pages_manage_metadata' }).waitFor()
    await page.locator('section[aria-label="Page setup"][aria-busy="false"]').waitFor()

    // The token expires (Meta revokes it): the token check says so.
    sim.expireToken()
    await checkAgain(page)
    expect(await expectCheck(page, 'token', 'failed')).toContain('This Page access token expired')
    // The owner makes a new token with every permission, that does not expire.
    sim.restoreToken()
    sim.graph.setTokenScopes([...DEFAULT_TOKEN_SCOPES])
    sim.graph.setTokenExpiry(0)
    await checkAgain(page)
    await expectCheck(page, 'permissions', 'passed')
    await expectCheck(page, 'token-expiry', 'passed')

    // The fix buttons do the rest on Meta's side.
    await press(page, 'Subscribe the Page')
    await expectCheck(page, 'page-subscription', 'passed')
    await press(page, 'Ring calls here')
    await expectCheck(page, 'ring-target', 'passed')
    await press(page, 'Turn on voice calls')
    await expectCheck(page, 'audio', 'passed')
    expect(sim.graph.callDeliveryBlockers()).toEqual([])

    await page.getByText('Everything is ready').waitFor()
    expect(
      await page
        .locator('[data-check][data-state]:not([data-state="passed"]):not([data-state="unknown"])')
        .count()
    ).toBe(0)
    const lastStep = page.getByRole('region', { name: 'Test call from your phone' })
    await lastStep.getByText('Place a test call from your phone').waitFor()

    // A customer calls: Meta delivers to the callback it holds, through the tunnel.
    const registration = rig.core.status().registration
    if (registration.state !== 'registered') throw new Error('the webhook is not registered')
    sim.setWebhookUrl(registration.callbackUrl)
    await sim.placeCall()
    await lastStep.getByText('It works: a call from Ada Lovelace just rang.').waitFor()
    await fullScreenshot(page, 'wizard-done')
  })

  it('says the computer is not reachable when there is no tunnel', async () => {
    rig = await startBrowserRig({ withoutPage: true })
    rig.sim.graph.setPageSubscribedFields(['calls'])
    browser = await launchChromium({ toneFile: TONES.app.file })
    const page = await openApp(browser, pageUrlOf(rig))
    await chooseConnect(page)

    await saveForm(page, rig.credentials)
    expect(await expectCheck(page, 'tunnel', 'failed')).toContain(
      'Nothing makes this computer reachable from the internet'
    )
    await expectCheck(page, 'page-subscription', 'passed')
    await expectCheck(page, 'webhook', 'skipped')
    await expectCheck(page, 'handshake', 'skipped')
    await page.getByText('Page connected', { exact: true }).waitFor()
  })

  it('says when Meta refuses the webhook address, and registers it again on request', async () => {
    tunnelServer = await startFakeLocaltunnelServer()
    rig = await startBrowserRig({ withoutPage: true, tunnelHost: tunnelServer.url })
    const { sim, credentials } = rig
    sim.graph.setPageSubscribedFields(['calls'])
    // Meta refuses every registration for now (as it does for an address it cannot verify).
    sim.graph.failNext(
      { path: '/subscriptions', method: 'POST' },
      {
        code: 2200,
        message: 'Callback verification failed with the following errors: HTTP Status Code = 502'
      },
      1000
    )
    browser = await launchChromium({ toneFile: TONES.app.file })
    const page = await openApp(browser, pageUrlOf(rig))
    await chooseConnect(page)
    await saveForm(page, credentials)
    await expect
      .poll(
        async () => {
          await checkAgain(page)
          return checkItem(page, 'webhook').getAttribute('data-state')
        },
        { timeout: 20_000 }
      )
      .toBe('failed')
    // Meta's reason, as a sentence, with a way to try again.
    expect(await expectCheck(page, 'webhook', 'failed')).toMatch(/Callback verification failed/)
    expect(await expectCheck(page, 'handshake', 'skipped')).toContain(
      'until the webhook is registered'
    )

    // Meta takes the address again: "Try again" registers it, and its handshake comes through.
    sim.graph.clearFaults()
    await press(page, 'Try again')
    await expect
      .poll(
        async () => {
          await checkAgain(page)
          return checkItem(page, 'handshake').getAttribute('data-state')
        },
        { timeout: 20_000 }
      )
      .toBe('passed')
    await expectCheck(page, 'webhook', 'passed')
  })
})
