/**
 * A hub and two seats, each seat its own `npm run web` process as people start it
 * (SOFTPHONE_HUB, SOFTPHONE_PAIRING_CODE from the hub's "Add a desk"), each seat's page in real
 * Chromium; the hub is the real core with the simulator as Meta and caller. A call rings on both
 * seats' pages; Front desk answers with audio both ways; Back office says "Answered by Front desk";
 * the hub's history and its Desks section name Front desk; the caller hangs up and both seats
 * end; a seat's Settings name its hub and offer to leave it. Back office removed while a second
 * call rings there stops ringing, is refused when it reconnects, and started again with its saved
 * keys stops with "removed" (exit 2).
 */
import { mkdirSync } from 'node:fs'
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BRIDGE_INFO_FILE } from '../../src/main/core/bridge/ui-server'
import { REMOVED_SENTENCE } from '../../src/main/core/seat-link/seat-refusals'
import { connectBridge } from '../../src/main/simulator/rig/bridge-connection'
import { startInProcessRig, type InProcessRig } from '../../src/main/simulator/rig/in-process'
import type { BridgeClient } from '../../src/shared/bridge-client'
import { serve, waitFor, type Running } from '../main/serve-process'
import { launchChromium, openApp, pageHearing } from './support/browser'
import { RENDERER_DIR, SCREENSHOTS_DIR, TONES } from './support/paths'
import { pageUrlOf, screenshot } from './support/rig'

interface Seat {
  name: string
  dir: string
  running: Running
  page: Page
}

let rig: InProcessRig
let browser: Browser | undefined
const seats: Seat[] = []
const cleanups: (() => unknown)[] = []

/** A desk added on the hub and started from its invitation, its printed page open in Chromium. */
async function startSeat(name: string): Promise<Seat> {
  const invitation = await rig.client.api.addDesk({ name })
  const dir = await mkdtemp(join(tmpdir(), 'softphone-seat-e2e-'))
  const running = serve(
    {
      SOFTPHONE_DATA_DIR: dir,
      SOFTPHONE_HUB: new URL(rig.webhookUrl).origin,
      SOFTPHONE_PAIRING_CODE: invitation.code,
      SOFTPHONE_UI_PORT: '0'
    },
    ['--web']
  )
  const seat = { name, dir, running } as Seat
  seats.push(seat)
  await waitFor(
    () => running.stdout().includes('\n'),
    `${name}'s page address (its log: ${running.stderr()})`,
    30_000
  ).catch(() => {
    throw new Error(`${name} printed no page address; its log: ${running.stderr()}`)
  })
  seat.page = await openApp(browser!, running.stdout().split('\n')[0]!)
  return seat
}

const toastOf = (seat: Seat): ReturnType<Page['getByRole']> => seat.page.getByRole('alertdialog')

beforeAll(async () => {
  rig = await startInProcessRig({ deskName: 'Hub', ringTimeoutMs: 20_000, staticDir: RENDERER_DIR })
  // An invitation carries the hub's public address: here its listener's own, as PUBLIC_URL would.
  rig.core.setPublicUrl(new URL(rig.webhookUrl).origin)
  browser = await launchChromium({ toneFile: TONES.app.file })
  await Promise.all([startSeat('Front desk'), startSeat('Back office')])
}, 90_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await browser?.close()
  for (const seat of seats) {
    if (seat.running.child.exitCode === null) seat.running.child.kill('SIGKILL')
  }
  await rig?.close()
  await Promise.all(seats.map((seat) => rm(seat.dir, { recursive: true, force: true })))
})

describe('a hub and two seats in the browser', () => {
  it('rings both; Front desk answers with audio both ways; Back office says who answered', async () => {
    const [front, back] = seats as [Seat, Seat]
    await expect
      .poll(async () => (await rig.client.api.listDesks({})).desks.filter((d) => d.online).length, {
        timeout: 20_000
      })
      .toBe(2)

    const callId = await rig.sim.placeCall()
    for (const seat of seats) {
      await expect.poll(() => toastOf(seat).count(), { timeout: 15_000 }).toBe(1)
      await toastOf(seat).getByText('Ada Lovelace').waitFor()
    }
    await screenshot(back.page, 'seat-toast')

    // The other desk's notice stays until the next call: still there after its old 4 s.
    await toastOf(front).getByRole('button', { name: 'Answer' }).click()
    const answeredElsewhere = back.page.getByText('Answered by Front desk')
    await answeredElsewhere.waitFor({ timeout: 20_000 })
    await back.page.waitForTimeout(5_000)
    await answeredElsewhere.waitFor({ timeout: 1_000 })
    await screenshot(back.page, 'seat-answered-elsewhere')
    await expect.poll(() => toastOf(back).count()).toBe(0)
    const inCall = front.page.getByRole('region', { name: 'Call in progress' })
    await inCall.getByText('Connected').waitFor({ timeout: 20_000 })

    // The caller hears the seat page's microphone (880 Hz) ...
    const caller = rig.sim.callerOf(callId)
    expect(caller).toBeDefined()
    const heard = await caller!.waitForAudio({ frequency: TONES.app.frequency, timeoutMs: 15_000 })
    expect(Math.abs((heard.frequency ?? 0) - TONES.app.frequency)).toBeLessThan(20)
    // ... and the seat page plays the caller's 440 Hz.
    await expect
      .poll(async () => (await pageHearing(front.page)).energy, { timeout: 15_000 })
      .toBeGreaterThan(0)
    const hearing = await pageHearing(front.page)
    expect(Math.abs((hearing.frequency ?? 0) - 440)).toBeLessThan(20)

    await rig.sim.hangUpAsCaller(callId)
    await front.page.getByText(/Call ended/).waitFor({ timeout: 15_000 })
    // The desk that did not take it keeps saying who did, past the call's end.
    await expect.poll(() => back.page.getByText(/Call ended/).count()).toBe(0)
    expect(await back.page.getByText('Answered by Front desk').count()).toBe(1)
    await expect.poll(() => inCall.count()).toBe(0)
    await expect
      .poll(async () => (await rig.client.api.listHistory({})).find((r) => r.callId === callId))
      .toMatchObject({ outcome: 'completed', answeredByDesk: 'Front desk' })

    // The owner's Desks section on the hub: both desks online, the call counted for Front desk.
    const hub = await openApp(browser!, pageUrlOf(rig))
    cleanups.push(() => hub.context().close())
    await hub
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const desks = hub.getByRole('region', { name: 'Desks' })
    // Listed in pairing order; the two paired at the same moment, so compared in name order.
    const rows = async (): Promise<string[]> =>
      (await desks.getByRole('listitem').allInnerTexts()).sort()
    await expect
      .poll(rows, { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(/Back office\s+Online\s+Connected now · No calls answered today/),
        expect.stringMatching(/Front desk\s+Online\s+Connected now · 1 call answered today/)
      ])
    mkdirSync(SCREENSHOTS_DIR, { recursive: true })
    await desks.screenshot({ path: `${SCREENSHOTS_DIR}/hub-desks-with-seats.png` })

    // A seat's own Settings: its hub, the link in words, and leaving asked first (not done here).
    const sections = front.page.getByRole('navigation', { name: 'Sections' })
    await sections.getByRole('button', { name: 'Settings' }).click()
    const hubGroup = front.page.getByRole('region', { name: 'Hub' })
    await hubGroup.getByText('Connected to Hub').waitFor()
    await hubGroup.getByRole('button', { name: 'Leave this hub' }).click()
    await hubGroup.getByRole('group', { name: 'Leave this hub?' }).waitFor()
    await hubGroup.screenshot({ path: `${SCREENSHOTS_DIR}/seat-hub-settings.png` })
    await hubGroup.getByRole('button', { name: 'Stay' }).click()
    await sections.getByRole('button', { name: 'Calls' }).click()
  })

  it('stops ringing on a desk removed while a call rings there, and refuses it after', async () => {
    const [front, back] = seats as [Seat, Seat]
    const callId = await rig.sim.placeCall()
    for (const seat of seats) {
      await expect.poll(() => toastOf(seat).count(), { timeout: 15_000 }).toBe(1)
    }

    const after = await rig.client.api.removeDesk({ name: back.name })
    expect(after.desks.map((desk) => desk.name)).toEqual([front.name])
    await expect.poll(() => toastOf(back).count(), { timeout: 15_000 }).toBe(0)
    // Still ringing where it should: the call was not ended by the removal.
    expect(rig.core.registry.get(callId)?.state).toBe('ringing')
    expect(await toastOf(front).count()).toBe(1)

    // The removed desk's process is turned away when it tries again, and says so.
    const info = JSON.parse(await readFile(join(back.dir, BRIDGE_INFO_FILE), 'utf8')) as {
      url: string
    }
    const client: BridgeClient = await connectBridge(info.url)
    cleanups.push(() => client.close())
    await expect
      .poll(async () => (await client.api.getStatus({})).hub, { timeout: 20_000 })
      .toMatchObject({ link: { state: 'refused', sentence: REMOVED_SENTENCE } })
    expect(back.running.stderr()).toContain('the hub refused this desk')
    // Its page says so too, and no longer that the Page is connected.
    const line = back.page.getByRole('status', { name: 'Connection to the hub' })
    await expect.poll(() => line.innerText(), { timeout: 15_000 }).toBe(`${REMOVED_SENTENCE}.`)
    expect(await back.page.locator('.chip').innerText()).toBe('Not connected to hub')
    expect(await back.page.getByText('Page connected', { exact: true }).count()).toBe(0)
    await screenshot(back.page, 'seat-removed')

    await rig.sim.hangUpAsCaller(callId)
    await expect.poll(() => toastOf(front).count(), { timeout: 15_000 }).toBe(0)

    // Started again with the keys it kept, it is refused at once and stops with a sentence.
    back.running.child.kill('SIGTERM')
    await back.running.exited
    const again = serve(
      {
        SOFTPHONE_DATA_DIR: back.dir,
        SOFTPHONE_HUB: new URL(rig.webhookUrl).origin,
        SOFTPHONE_UI_PORT: '0'
      },
      ['--web']
    )
    seats.push({ ...back, running: again })
    expect(await again.exited).toBe(2)
    expect(again.stderr()).toContain(`Cannot start: ${REMOVED_SENTENCE}.`)
    expect(again.stdout()).toBe('')
  })
})
