/**
 * To call back in real Chromium (issue 16 items 3 and 5): a hub (the real core, the simulator as
 * Meta and caller, a short ring time) and a seat (`npm run web` paired from the hub's invitation),
 * each page in Chromium. Ada's call rings out: a task appears on the hub's page and on the seat's,
 * the open count on the tab. The seat claims it and the hub's page says who. Ada calls again and
 * the hub answers: the connected call closes the task on both pages, folded away under Done.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startInProcessRig, type InProcessRig } from '../../src/main/simulator/rig/in-process'
import { FIRST_PSID } from '../../src/main/simulator/simulator'
import { serve, waitFor, type Running } from '../main/serve-process'
import { launchChromium, openApp } from './support/browser'
import { RENDERER_DIR, TONES } from './support/paths'
import { pageUrlOf, screenshot } from './support/rig'

/** Short, so Ada's first call rings out quickly. */
const RING_TIMEOUT_MS = 3_000

let rig: InProcessRig
let browser: Browser | undefined
let seatDir: string | undefined
let seatProcess: Running | undefined
let hub: Page
let seat: Page

beforeAll(async () => {
  rig = await startInProcessRig({
    deskName: 'Hub',
    ringTimeoutMs: RING_TIMEOUT_MS,
    staticDir: RENDERER_DIR
  })
  // An invitation carries the hub's public address: here its listener's own, as PUBLIC_URL would.
  rig.core.setPublicUrl(new URL(rig.webhookUrl).origin)
  browser = await launchChromium({ toneFile: TONES.app.file })
  const invitation = await rig.client.api.addDesk({ name: 'Front desk' })
  seatDir = await mkdtemp(join(tmpdir(), 'softphone-tasks-e2e-'))
  const running = serve(
    {
      SOFTPHONE_DATA_DIR: seatDir,
      SOFTPHONE_HUB: new URL(rig.webhookUrl).origin,
      SOFTPHONE_PAIRING_CODE: invitation.code,
      SOFTPHONE_UI_PORT: '0'
    },
    ['--web']
  )
  seatProcess = running
  await waitFor(() => running.stdout().includes('\n'), 'the seat page address', 30_000).catch(
    () => {
      throw new Error(`the seat printed no page address; its log: ${running.stderr()}`)
    }
  )
  seat = await openApp(browser, running.stdout().split('\n')[0]!)
  hub = await openApp(browser, pageUrlOf(rig))
  await hub.getByRole('navigation', { name: 'Sections' }).waitFor()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  if (seatProcess?.child.exitCode === null) seatProcess.child.kill('SIGKILL')
  await rig?.close()
  if (seatDir) await rm(seatDir, { recursive: true, force: true })
})

const tabOf = (page: Page) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^To call back/ })
const listOf = (page: Page) => page.getByRole('region', { name: 'To call back' })
const taskOf = (page: Page) => listOf(page).locator(`li[data-psid="${FIRST_PSID}"]`)

describe('To call back on a hub and a seat', () => {
  it('a missed call makes a task everywhere; the seat claims it; a connected call closes it', async () => {
    await expect
      .poll(async () => (await rig.client.api.listDesks({})).desks.filter((d) => d.online).length, {
        timeout: 20_000
      })
      .toBe(1)

    // Ada calls and nobody answers: it rings out after the short ring time.
    const missed = await rig.sim.placeCall()
    await hub.getByRole('alertdialog').getByText('Ada Lovelace').waitFor()
    await expect
      .poll(() => rig.core.registry.get(missed)?.state, { timeout: RING_TIMEOUT_MS + 5_000 })
      .toBe('ended')

    // Both desks list her, the count on the tab read with its name.
    for (const page of [hub, seat]) {
      const tab = page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: 'To call back 1 open', exact: true })
      await tab.waitFor({ timeout: 15_000 })
      await tab.click()
      await taskOf(page).getByText('Ada Lovelace').waitFor()
      await taskOf(page).getByText('Called once').waitFor()
    }
    // The reply is not sent from here yet; the permission is not asked: both say so.
    await taskOf(hub).getByText('Has not allowed a call back').waitFor()

    // The seat claims her; the hub's page says who, and offers no claim of its own.
    await taskOf(seat).getByRole('button', { name: 'Claim Ada Lovelace' }).click()
    await taskOf(seat).getByText('This desk is calling back').waitFor()
    await taskOf(hub).getByText('Front desk is calling back').waitFor({ timeout: 15_000 })
    expect(await taskOf(hub).getByRole('button', { name: 'Claim Ada Lovelace' }).count()).toBe(0)
    await hub.mouse.move(0, 0)
    await screenshot(hub, 'call-back-tasks')
    await screenshot(seat, 'call-back-tasks-seat')

    // Ada calls again and the hub answers: once connected, her task is done on both desks.
    const again = await rig.sim.placeCall()
    const toast = hub.getByRole('alertdialog')
    await toast.getByText('Ada Lovelace').waitFor()
    await toast.getByRole('button', { name: 'Answer' }).click()
    await expect
      .poll(() => rig.core.registry.get(again)?.state, { timeout: 15_000 })
      .toBe('connected')
    await rig.sim.hangUpAsCaller(again)
    for (const page of [hub, seat]) {
      await tabOf(page).click()
      await listOf(page).getByText('Nobody is waiting for a call back', { exact: false }).waitFor({
        timeout: 15_000
      })
      const done = listOf(page).locator('details.tasks__closed')
      await done.getByText('Done (1)').click()
      await done
        .locator(`li[data-psid="${FIRST_PSID}"]`)
        .getByText('Hub talked with them')
        .waitFor()
    }
    expect(await tabOf(hub).innerText()).toBe('To call back')
    await hub.mouse.move(0, 0)
    await screenshot(hub, 'call-back-tasks-done')
  })
})
