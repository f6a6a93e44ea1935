/**
 * The Desks section of Settings in real Chromium against the real core, as the hub's owner sees
 * it, light and dark. A core with seats lists its desks and "Add a desk" shows the one-time code,
 * its hub address and countdown; a core without seats (the service answers 'not-configured')
 * says so in its one sentence, with no error and no form. Which of the two is asked of the core
 * itself, so the test follows the core's answer rather than guessing from the page. A second test
 * shows a hub with desks (listed, "Remove" asked, a code copied) with the desks commands answered
 * on the page's bridge socket by a stand-in, until the rig's core has seats of its own.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import type { BridgeRequest } from '../../src/shared/command-protocol'
import type { DeskSummary } from '../../src/shared/desks'
import { launchChromium, openApp } from './support/browser'
import { SCREENSHOTS_DIR, TONES } from './support/paths'
import { pageUrlOf, startBrowserRig } from './support/rig'

let browser: Browser | undefined
let rig: InProcessRig | undefined
let page: Page
let desks: Locator

/** The core's own answer: does this desk take seats? (The service's sentence when it does not.) */
async function seatsOfTheCore(): Promise<{ seats: true } | { seats: false; sentence: string }> {
  try {
    await rig!.client.api.listDesks({})
    return { seats: true }
  } catch (failure) {
    const { code, message } = failure as { code?: string; message: string }
    expect(code).toBe('not-configured')
    return { seats: false, sentence: message }
  }
}

const DARK_BG = 'rgb(24, 25, 26)'
const LIGHT_BG = 'rgb(245, 246, 248)'

async function inTheme(theme: 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('radio', { name: theme }).check()
  const background = async (): Promise<string> =>
    String(await page.evaluate('getComputedStyle(document.body).backgroundColor'))
  await expect.poll(background).toBe(theme === 'Dark' ? DARK_BG : LIGHT_BG)
}

/** The section as the owner sees it, `name`.png in the light theme and `name`-dark.png. */
async function screenshotBoth(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  await inTheme('Light')
  await desks.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png` })
  await inTheme('Dark')
  await desks.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-dark.png` })
  await inTheme('Light')
}

beforeAll(async () => {
  rig = await startBrowserRig()
  browser = await launchChromium({ toneFile: TONES.app.file })
  page = await openApp(browser, pageUrlOf(rig))
  await page.getByText('Page connected').waitFor()
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  desks = page.getByRole('region', { name: 'Desks' })
  await desks.waitFor()
  // An invitation carries the hub's public address: here the listener's own, as PUBLIC_URL would.
  rig!.core.setPublicUrl(new URL(rig!.webhookUrl).origin)
})

afterAll(async () => {
  await browser?.close()
  await rig?.close()
})

describe('the Desks section', () => {
  it('adds a desk and shows its one-time code, or says why this desk has none', async () => {
    const core = await seatsOfTheCore()
    await desks.getByText('Loading the desks…').waitFor({ state: 'detached' })
    expect(await desks.getByRole('alert').count()).toBe(0)

    if (!core.seats) {
      // Today's rig: no seats in this core, said in the service's one sentence.
      await desks.getByText(core.sentence, { exact: true }).waitFor()
      expect(await desks.getByRole('textbox').count()).toBe(0)
      await screenshotBoth('desks')
      return
    }

    await desks
      .getByText(
        "No other desks yet. Add a desk to let another computer ring and answer your Page's calls."
      )
      .waitFor()
    await desks.getByRole('textbox', { name: "New desk's name" }).fill('Front desk')
    await desks.getByRole('button', { name: 'Add a desk' }).click()
    const code = desks.getByRole('textbox', { name: 'Code for Front desk' })
    await code.waitFor()
    expect(await code.inputValue()).toContain('msp1.')
    expect(await code.getAttribute('readonly')).not.toBeNull()
    expect(await desks.getByTestId('desk-code-expiry').innerText()).toMatch(
      /^Expires in (10:00|9:[0-5]\d)\. It works once\.$/
    )
    await desks.getByText('On the other computer, choose', { exact: false }).waitFor()
    await screenshotBoth('desks')
  })

  it('as a hub with desks: lists them, adds one, copies its code (desks answered by a stand-in)', async () => {
    // Until this rig's core has seats, the test answers the three desks commands on the page's
    // own bridge socket as a hub with two desks would; everything else still goes to the core.
    const now = Date.now()
    let list: DeskSummary[] = [
      { name: 'Front desk', online: true, lastSeenAt: now, answeredToday: 4, pairedAt: now - 9e6 },
      {
        name: 'Back office',
        online: false,
        lastSeenAt: now - 2 * 3_600_000 - 60_000,
        answeredToday: 1,
        pairedAt: now - 9e7
      }
    ]
    const answers: Partial<Record<string, (request: { name?: string }) => unknown>> = {
      listDesks: () => ({ desks: list }),
      addDesk: ({ name }) => ({
        name,
        code: 'msp1.k3Jd9a.Qm4vX2pLr8sT1wYz.fp-4e1c9a0b7d2f',
        hubUrl: 'https://bakery-hub.loca.lt',
        expiresAt: Date.now() + 600_000
      }),
      removeDesk: ({ name }) => ({ desks: (list = list.filter((desk) => desk.name !== name)) })
    }
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.routeWebSocket(/\/bridge/, (socket) => {
      const core = socket.connectToServer()
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as BridgeRequest
        const answer = answers[frame.command]
        if (!answer) return core.send(message)
        const result = answer(frame.request as { name?: string })
        socket.send(JSON.stringify({ type: 'response', id: frame.id, ok: true, result }))
      })
      core.onMessage((message) => socket.send(message))
    })
    await page.reload()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    await desks.getByText('Last seen 2 hours ago').waitFor()
    expect(await desks.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/Front desk\s+Online\s+Connected now · 4 calls answered today/),
      expect.stringMatching(/Back office\s+Offline\s+Last seen 2 hours ago · 1 call answered today/)
    ])
    await desks.getByRole('button', { name: 'Remove Back office' }).click()
    await desks.getByRole('group', { name: 'Remove Back office?' }).waitFor()
    await screenshotBoth('desks-remove')
    await desks.getByRole('button', { name: 'Keep it' }).click()

    await desks.getByRole('textbox', { name: "New desk's name" }).fill('Kitchen')
    await desks.getByRole('button', { name: 'Add a desk' }).click()
    await desks.getByRole('button', { name: 'Copy' }).click()
    await desks.getByText('Copied', { exact: true }).waitFor()
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(
      'msp1.k3Jd9a.Qm4vX2pLr8sT1wYz.fp-4e1c9a0b7d2f'
    )
    await screenshotBoth('desks-with-code')

    await desks.getByRole('button', { name: 'Done' }).click()
    await desks.getByRole('button', { name: 'Remove Back office' }).click()
    await desks
      .getByRole('group', { name: 'Remove Back office?' })
      .getByRole('button', { name: 'Remove Back office' })
      .click()
    await desks.getByText('Back office was removed. It cannot connect again.').waitFor()
    expect(await desks.getByRole('listitem').count()).toBe(1)
  })
})
