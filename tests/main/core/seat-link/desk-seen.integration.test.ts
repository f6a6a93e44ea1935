/**
 * A seat's missed-calls badge over the real seat link (a real hub core, Meta simulated, a real
 * seat client): it follows the seat's own "seen", not the hub's; a desk paired later starts with
 * the calls missed before it joined seen; removing a desk drops its mark from the hub's file.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEEN_MARKS_FILE } from '../../../../src/main/core/history'
import { SeatClient } from '../../../../src/main/core/seat-link/seat-client'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { untilStatus } from './seat-statuses'

let rig: InProcessRig
const cleanups: (() => unknown)[] = []

beforeAll(async () => {
  rig = await startInProcessRig({ sdpShape: 'string' })
})

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await rig?.close()
})

/** A seat paired with the hub under `name`, hearing its own missedCalls events. */
async function pairedSeat(name: string) {
  const seats = rig.core.seats
  if (!seats) throw new Error('the hub has no seat link')
  const dir = await mkdtemp(join(tmpdir(), 'seat-seen-'))
  const seat = new SeatClient({
    hubUrl: new URL(rig.webhookUrl).origin,
    dataDir: dir,
    pairingCode: seats.issueCode(name).text
  })
  cleanups.push(
    () => rm(dir, { recursive: true, force: true }),
    () => seat.close()
  )
  const told: number[] = []
  seat.on('missedCalls', (missed) => told.push(missed.unseen))
  seat.start()
  await untilStatus(seat, 'online')
  return { seat, told: () => told.at(-1) }
}

/** A call the customer gives up on while it rings: a missed call in the hub's history. */
async function missedCall(): Promise<string> {
  const watch = new CallWatch(rig.client)
  try {
    const callId = await rig.sim.placeCall()
    await watch.untilState(callId, 'ringing', 5000)
    await rig.sim.hangUpAsCaller(callId)
    await watch.untilState(callId, 'ended', 5000)
    await expect.poll(() => rig.core.history.get(callId)?.outcome).toBe('missed')
    return callId
  } finally {
    watch.close()
  }
}

const marksFile = async (): Promise<unknown> =>
  JSON.parse(await readFile(join(rig.dataDir, SEEN_MARKS_FILE), 'utf8'))

describe("a seat's missed-calls badge over the seat link", () => {
  it('follows its own marks; the hub keeps its own; a removed desk loses its mark', async () => {
    const hubTold: number[] = []
    rig.client.on('missedCalls', (missed) => hubTold.push(missed.unseen))
    const front = await pairedSeat('Front desk')

    await missedCall()
    await expect.poll(() => front.told()).toBe(1)
    expect(hubTold.at(-1)).toBe(1)

    // The seat opens its history: only its own badge clears.
    expect(await front.seat.api.markHistorySeen({})).toEqual({ unseen: 0 })
    expect(await front.seat.api.getMissedCalls({})).toEqual({ unseen: 0 })
    expect(await rig.client.api.getMissedCalls({})).toEqual({ unseen: 1 })
    expect(rig.core.history.unseenMissedCount()).toBe(1)

    await missedCall()
    await expect.poll(() => front.told()).toBe(1)
    await expect.poll(() => hubTold.at(-1)).toBe(2)

    // A desk paired now has not missed the calls from before it joined.
    const back = await pairedSeat('Back office')
    expect(await back.seat.api.getMissedCalls({})).toEqual({ unseen: 0 })

    // The hub's owner opens the history: the seats' badges stay as they are.
    expect(await rig.client.api.markHistorySeen({})).toEqual({ unseen: 0 })
    expect(await front.seat.api.getMissedCalls({})).toEqual({ unseen: 1 })

    expect(await marksFile()).toMatchObject({ desks: { 'seat:Front desk': expect.any(Number) } })
    await rig.client.api.removeDesk({ name: 'Front desk' })
    expect(await marksFile()).toEqual({
      version: 1,
      desks: expect.not.objectContaining({ 'seat:Front desk': expect.anything() })
    })
  })
})
