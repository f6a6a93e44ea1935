/**
 * The To call back list on a real hub and a seat paired over the real seat link (issue 16 item 3):
 * a customer's missed call reaches the seat as a task, the seat's claim names its desk for every
 * desk (the hub's own window reads it as another desk's, the seat as its own), the hub cannot take
 * it meanwhile, and a later connected call with the customer closes it everywhere.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallBackTaskList } from '../../../../src/shared/call-back-tasks'
import { SeatClient } from '../../../../src/main/core/seat-link/seat-client'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { FIRST_PSID } from '../../../../src/main/simulator/simulator'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { untilStatus } from './seat-statuses'

let rig: InProcessRig
let seat: SeatClient
let dir: string
const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 440 } })

beforeAll(async () => {
  rig = await startInProcessRig({ deskName: 'Hub desk' })
  dir = await mkdtemp(join(tmpdir(), 'seat-tasks-'))
  const code = rig.core.seats!.issueCode('Front desk').text
  seat = new SeatClient({ hubUrl: new URL(rig.webhookUrl).origin, dataDir: dir, pairingCode: code })
  seat.start()
  await untilStatus(seat, 'online')
})

afterAll(async () => {
  seat?.close()
  await desk.close()
  await rig?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the To call back list over the seat link', () => {
  it('reaches the seat, names the seat that claims, and closes on a connected call', async () => {
    const atSeat: CallBackTaskList[] = []
    const atHub: CallBackTaskList[] = []
    seat.on('callBackTasks', (list) => atSeat.push(list))
    rig.client.on('callBackTasks', (list) => atHub.push(list))

    const missed = await rig.sim.placeCall()
    await new CallWatch(rig.client).untilState(missed, 'ringing', 5000)
    await rig.sim.hangUpAsCaller(missed)
    await expect.poll(() => atSeat.at(-1)?.tasks.length).toBe(1)
    expect(atSeat.at(-1)?.tasks[0]).toMatchObject({
      psid: FIRST_PSID,
      missedCount: 1,
      state: 'open',
      lastReason: 'caller-hung-up'
    })
    expect((await seat.api.listCallBackTasks({})).tasks).toHaveLength(1)

    const claimed = await seat.api.claimCallBackTask({ psid: FIRST_PSID })
    expect(claimed.tasks[0]?.claim).toMatchObject({ deskName: 'Front desk', mine: true })
    await expect.poll(() => atHub.at(-1)?.tasks[0]?.claim?.deskName).toBe('Front desk')
    expect(atHub.at(-1)?.tasks[0]?.claim?.mine).toBe(false)
    await expect(rig.client.api.claimCallBackTask({ psid: FIRST_PSID })).rejects.toThrow(
      'Front desk is already calling back.'
    )

    // The customer calls again and the hub's window answers: the task is done.
    const watch = new CallWatch(rig.client)
    const answered = await rig.sim.placeCall()
    await watch.untilState(answered, 'ringing', 5000)
    await desk.answer(rig.client.api, answered)
    await watch.untilState(answered, 'connected', 5000)
    await expect.poll(() => atSeat.at(-1)?.tasks[0]?.state).toBe('closed')
    expect(atSeat.at(-1)?.tasks[0]).toMatchObject({
      closed: { how: 'connected', deskName: 'Hub desk' }
    })
    watch.close()
    await rig.sim.hangUpAsCaller(answered)
  })
})
