/**
 * A hub restarted mid-call (issue 13, items 8 and 10): the hub is `npm run serve` in its own
 * process (Meta simulated in this one), a real headless seat answers a call with its own media,
 * then the hub process is killed. The seat's audio goes on (media never passes through the hub);
 * its hang up is queued and its status says so. The hub starts again on the same data folder and
 * port, restores the call from its journal, the seat reconnects on its own, and the queued hang up
 * reaches Meta; the hub's history records the call once, answered by that desk. Or the seat
 * talks on through the restart, still holding the call as its own, until Meta's terminate ends it.
 */
import { afterEach, expect, it } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import { silentLogger } from '../../../../src/main/core/log'
import { startDeskRuntime } from '../../../../src/main/core/desk/desk-runtime'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { connectBridge } from '../../../../src/main/simulator/rig/bridge-connection'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { startHubProcess } from '../../hub-process'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch(() => undefined)
  }
})

/**
 * A hub process with a seat paired to it, and a call the seat answered with its own media: the
 * journal holds the call as connected (what a restart knows it by).
 */
async function talkingThroughSeat() {
  const hub = await startHubProcess({
    seatName: 'Front desk',
    cleanups,
    sim: { sdpShape: 'string' }
  })
  const { sim } = hub
  // As `SOFTPHONE_HUB=<hub> npm run web` starts it: a headless seat of that hub.
  const seat = await startDeskRuntime({
    hub: { env: {}, dataDir: hub.seatDir, logger: silentLogger },
    headlessHub: { hubUrl: hub.hubUrl },
    ui: { port: 0 }
  })
  cleanups.push(() => seat.dispose())
  if (!seat.ui) throw new Error('the seat serves no UI bridge')
  const seatWindow = await connectBridge(seat.ui.info.url)
  const watch = new CallWatch(seatWindow)
  const statuses: CoreStatus[] = []
  seatWindow.on('status', (status) => statuses.push(status))
  cleanups.push(
    () => seatWindow.close(),
    () => watch.close()
  )

  const callId = await sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
  await watch.untilState(callId, 'ringing', 10_000)
  const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 880 } })
  cleanups.push(() => desk.close())
  await desk.answer(seatWindow.api, callId)
  await watch.untilState(callId, 'connected', 10_000)
  await expect(sim.callerOf(callId)?.waitForAudio({ frequency: 880 })).resolves.toMatchObject({
    connected: true
  })
  await expect.poll(() => hub.journalHasConnected(callId)).toBe(true)

  const hubLink = () => statuses.at(-1)?.hub
  return {
    sim,
    callId,
    desk,
    seatWindow,
    watch,
    hubLink,
    /** Kills the hub process (no stop, no flush) and waits until the seat has noticed. */
    async killHub() {
      await hub.kill()
      await expect.poll(() => hubLink()?.link.state, { timeout: 10_000 }).toBe('offline')
    },
    restartHub: () => hub.restart(),
    graphActions: (action: string) =>
      sim.graph.requests.filter(
        (r) => r.action === action && (r.body as { call_id?: string }).call_id === callId
      ),
    /** The call as the restarted hub's history has it (polled until it is there). */
    async recorded(expected: object) {
      const owner = await hub.owner()
      await expect
        .poll(async () => (await owner.api.listHistory({})).filter((r) => r.callId === callId), {
          timeout: 10_000
        })
        .toEqual([expect.objectContaining({ callId, answeredByDesk: 'Front desk', ...expected })])
    }
  }
}

it('lets a seat’s hang up made while its hub was down reach Meta after the hub restarts', async () => {
  const call = await talkingThroughSeat()
  await call.killHub()

  // The seat hangs up while its hub is down: queued, said so, nothing reaches Meta yet.
  await call.desk.hangUp(call.seatWindow.api)
  await expect.poll(() => call.hubLink()?.queuedHangUps).toEqual([call.callId])
  expect(call.graphActions('terminate')).toEqual([])

  await call.restartHub()
  // The seat comes back on its own (backoff) and sends the hang up it queued.
  await expect
    .poll(() => call.graphActions('terminate').map((r) => r.status), { timeout: 40_000 })
    .toEqual([200])
  await expect.poll(() => call.hubLink()?.queuedHangUps, { timeout: 10_000 }).toEqual([])
  await call.watch.untilState(call.callId, 'ended', 10_000)
  await call.recorded({ outcome: 'completed', reason: 'we-hung-up' })
}, 180_000)

it('keeps the seat’s call its own through a hub restart, until Meta’s terminate ends it', async () => {
  const call = await talkingThroughSeat()
  const { clientId } = await call.seatWindow.api.hello({})
  await call.killHub()
  await call.restartHub()
  await expect.poll(() => call.hubLink()?.link.state, { timeout: 40_000 }).toBe('online')

  // Back online, the seat's window still holds the call as its own (its Hang up still works),
  // and the media never stopped.
  const listed = await call.seatWindow.api.listCalls({})
  expect(listed.find((c) => c.id === call.callId)).toMatchObject({
    state: 'connected',
    answeredBy: clientId
  })
  await expect(
    call.sim.callerOf(call.callId)?.waitForAudio({ frequency: 880 })
  ).resolves.toMatchObject({ connected: true })

  await call.sim.hangUpAsCaller(call.callId)
  await call.watch.untilState(call.callId, 'ended', 10_000)
  await call.recorded({ outcome: 'completed', reason: 'caller-hung-up' })
}, 180_000)
