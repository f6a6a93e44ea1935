/**
 * A hub that stops (quit, or SIGTERM on a headless one) ends its desks' calls with Meta and
 * records them: the assembled core against the simulator, whose fake Graph sees the terminate.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { HeadlessClient } from '../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../src/main/simulator/scenarios'

let rig: InProcessRig
let desk: HeadlessClient | undefined

beforeAll(async () => {
  rig = await startInProcessRig({})
})

afterAll(async () => {
  await desk?.close()
  await rig?.close()
})

it('terminates a connected call with Meta and records it as ended by the shutdown', async () => {
  const watch = new CallWatch(rig.client)
  const callId = await rig.sim.placeCall()
  await watch.untilState(callId, 'ringing', 5000)
  desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 700 } })
  await desk.answer(rig.client.api, callId)
  await watch.untilState(callId, 'connected', 5000)

  await rig.core.stop()
  const terminates = rig.sim.graph.requests.filter(
    (r) => r.action === 'terminate' && (r.body as { call_id?: string }).call_id === callId
  )
  expect(terminates.map((r) => r.status)).toEqual([200])
  // Every UI was told how it ended, as history records it.
  await expect
    .poll(() => watch.latest(callId))
    .toMatchObject({ state: 'ended', outcome: 'completed', reason: 'shutdown' })
  watch.close()
})
