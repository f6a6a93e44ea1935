/**
 * Joining a hub from the page (issue 13, items 1 and 2): a hub (the real core, the simulator as
 * Meta and caller) makes an invitation; a fresh desk started as `npm run web` starts it (no Page,
 * no SOFTPHONE_HUB) opens at the welcome; the person chooses to join, pastes the invitation and
 * joins; the same page, never reloaded, says it is connected to the hub, rings for the hub's call
 * and answers it with audio both ways, and the hub's history names the desk.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp, pageHearing } from './support/browser'
import { startDeskProcess } from './support/desk-process'
import { TONES } from './support/paths'
import { screenshot, startBrowserRig } from './support/rig'

let rig: InProcessRig | undefined
let browser: Browser | undefined
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  rig = await startBrowserRig({ deskName: 'Hub' })
  // An invitation carries the hub's public address: here its listener's own, as PUBLIC_URL would.
  rig.core.setPublicUrl(new URL(rig.webhookUrl).origin)
  browser = await launchChromium({ toneFile: TONES.app.file })
}, 30_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
  await browser?.close()
  await rig?.close()
})

it('a fresh desk joins from its welcome, rings for the hub and answers with audio both ways', async () => {
  const hub = rig!
  const desk = await startDeskProcess()
  cleanups.push(() => desk.close())
  const page = await openApp(browser!, desk.pageUrl)
  cleanups.push(() => page.context().close())

  await page.getByRole('region', { name: 'Welcome' }).waitFor()
  await page.getByRole('button', { name: 'Set up this desk' }).click()
  await page
    .getByRole('group', { name: 'How this desk takes calls' })
    .getByRole('button', { name: 'Join a desk that is already connected' })
    .click()
  const invitation = await hub.client.api.addDesk({ name: 'Front desk' })
  // How a server's owner makes an invitation, its command inside the sentence.
  const form = page.getByRole('region', { name: 'Join a desk' })
  expect(await form.locator('code').innerText()).toBe('npm run hub -- add-desk <name>')
  await page.getByLabel('Invitation').fill(invitation.code)
  await page.mouse.move(0, 0)
  await screenshot(page, 'join-form')
  await page.getByRole('button', { name: 'Join', exact: true }).click()

  // The same page, not reloaded: a seat of the hub now.
  const line = page.getByRole('status', { name: 'Connection to the hub' })
  await expect.poll(() => line.innerText(), { timeout: 20_000 }).toMatch(/^Connected to Hub/)
  const home = page.getByRole('region', { name: "Your Page's line" })
  await expect
    .poll(() => home.innerText(), { timeout: 10_000 })
    .toContain('Waiting for calls to the hub’s Facebook Page.')
  await expect
    .poll(async () => (await hub.client.api.listDesks({})).desks)
    .toEqual([expect.objectContaining({ name: 'Front desk', online: true })])
  await screenshot(page, 'joined-seat')

  // Its Settings name its hub and have no Desks or Page of their own.
  const sections = page.getByRole('navigation', { name: 'Sections' })
  await sections.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('region', { name: 'Hub' }).getByText('Connected to Hub').waitFor()
  expect(await page.getByRole('region', { name: 'Desks' }).count()).toBe(0)
  expect(await sections.getByRole('button', { name: 'Page setup' }).count()).toBe(0)
  await sections.getByRole('button', { name: 'Calls' }).click()

  const callId = await hub.sim.placeCall()
  const toast = page.getByRole('alertdialog')
  await toast.getByText('Ada Lovelace').waitFor({ timeout: 15_000 })
  await toast.getByRole('button', { name: 'Answer' }).click()
  const inCall = page.getByRole('region', { name: 'Call in progress' })
  await inCall.getByText('Connected').waitFor({ timeout: 20_000 })

  // The caller hears the desk's microphone (880 Hz) and the desk plays the caller's 440 Hz.
  const heard = await hub.sim
    .callerOf(callId)!
    .waitForAudio({ frequency: TONES.app.frequency, timeoutMs: 15_000 })
  expect(Math.abs((heard.frequency ?? 0) - TONES.app.frequency)).toBeLessThan(20)
  await expect
    .poll(async () => (await pageHearing(page)).energy, { timeout: 15_000 })
    .toBeGreaterThan(0)
  const hearing = await pageHearing(page)
  expect(Math.abs((hearing.frequency ?? 0) - 440)).toBeLessThan(20)

  await inCall.getByRole('button', { name: 'Hang up' }).click()
  await page.getByText(/Call ended/).waitFor({ timeout: 15_000 })
  await expect
    .poll(async () => (await hub.client.api.listHistory({})).find((r) => r.callId === callId))
    .toMatchObject({ outcome: 'completed', answeredByDesk: 'Front desk' })
}, 60_000)
