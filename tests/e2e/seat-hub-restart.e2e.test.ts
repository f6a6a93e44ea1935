/**
 * A hub restarted mid-call, in the browser (issue 13, items 8 and 10): the hub is `npm run serve`
 * in its own process (the simulator as Meta and caller), a seat is `serve --web` paired with it,
 * its page in real Chromium. The seat answers; the hub process is killed; the seat's page says the
 * hub is offline and still hears the caller (media never passes through the hub); Hang up there
 * leaves the call at once, is queued and the page says so; the hub starts again on the same data
 * folder and port, the seat reconnects, its hang up reaches Meta, and the hub's history names the
 * seat once.
 */
import { expect, it } from 'vitest'
import { queuedHangUpsWords } from '../../src/shared/connection'
import { englishWords } from '../../src/shared/words-english'
import { startHubProcess } from '../main/hub-process'
import { openApp, pageHearing } from './support/browser'
import { TONES } from './support/paths'
import { screenshot } from './support/rig'
import { useSeatBrowser } from './support/seat-browser'

const { browser, cleanups } = useSeatBrowser()

it('a hub restart mid-call still lets the seat’s hang up reach Meta', async () => {
  const hub = await startHubProcess({ seatName: 'Front desk', cleanups })
  const { pageUrl } = await hub.startSeat()
  const page = await openApp(browser(), pageUrl)
  cleanups.push(() => page.context().close())
  const line = page.getByRole('status', { name: 'Connection to the hub' })
  await expect.poll(() => line.innerText(), { timeout: 20_000 }).toMatch(/^Connected to /)

  const callId = await hub.sim.placeCall()
  const toast = page.getByRole('alertdialog')
  await expect.poll(() => toast.count(), { timeout: 15_000 }).toBe(1)
  await toast.getByRole('button', { name: 'Answer' }).click()
  const inCall = page.getByRole('region', { name: 'Call in progress' })
  await inCall.getByText('Connected').waitFor({ timeout: 20_000 })
  await hub.sim
    .callerOf(callId)
    ?.waitForAudio({ frequency: TONES.app.frequency, timeoutMs: 15_000 })
  await expect.poll(() => hub.journalHasConnected(callId)).toBe(true)

  await hub.kill()
  await expect.poll(() => line.innerText(), { timeout: 15_000 }).toMatch(/^Hub offline: /)
  // The call goes on without the hub: the page still hears the caller.
  await expect
    .poll(async () => (await pageHearing(page)).energy, { timeout: 10_000 })
    .toBeGreaterThan(0)

  await inCall.getByRole('button', { name: 'Hang up' }).click()
  // The seat's audio stopped at once, so the page leaves the call at once too; the line says the
  // hang up is still to reach Meta.
  await expect.poll(() => inCall.count(), { timeout: 5_000 }).toBe(0)
  const ended = page.getByRole('status').filter({ hasText: 'Call ended' })
  await expect.poll(() => ended.count()).toBe(1)
  await expect
    .poll(() => line.innerText(), { timeout: 10_000 })
    .toContain(englishWords(queuedHangUpsWords(1)!))
  await screenshot(page, 'seat-hang-up-queued')
  const terminates = () =>
    hub.sim.graph.requests.filter(
      (r) => r.action === 'terminate' && (r.body as { call_id?: string }).call_id === callId
    )
  expect(terminates()).toEqual([])

  await hub.restart()
  await expect.poll(() => terminates().map((r) => r.status), { timeout: 45_000 }).toEqual([200])
  await expect.poll(() => line.innerText(), { timeout: 15_000 }).toMatch(/^Connected to /)
  const owner = await hub.owner()
  await expect
    .poll(async () => (await owner.api.listHistory({})).filter((r) => r.callId === callId), {
      timeout: 15_000
    })
    .toEqual([
      expect.objectContaining({
        outcome: 'completed',
        reason: 'we-hung-up',
        answeredByDesk: 'Front desk'
      })
    ])
}, 180_000)
