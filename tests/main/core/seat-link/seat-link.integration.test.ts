/**
 * Seats of a real hub core (the in-process rig, Meta simulated) over real WebSockets on the
 * webhook listener: pairing with a code, answering with audio through the link, one live
 * connection per seat, removal, a version mismatch, and 20 seats racing to answer one call.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AcceptResult } from '../../../../src/shared/api'
import { ServiceError } from '../../../../src/shared/service-error'
import {
  loadOrCreateLinkKeyPair,
  savePinnedHub
} from '../../../../src/main/core/seat-link/link-key-files'
import { SeatClient, type SeatClientOptions } from '../../../../src/main/core/seat-link/seat-client'
import { REMOVED_SENTENCE } from '../../../../src/main/core/seat-link/seat-refusals'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { untilStatus } from './seat-statuses'

let rig: InProcessRig
let hubUrl: string
const dirs: string[] = []
const seats: SeatClient[] = []
const desks: HeadlessClient[] = []

beforeAll(async () => {
  rig = await startInProcessRig({ sdpShape: 'string' })
  hubUrl = new URL(rig.webhookUrl).origin
})

afterEach(async () => {
  for (const seat of seats.splice(0)) seat.close()
  await Promise.all(desks.splice(0).map((desk) => desk.close()))
  for (const seat of rig.core.seats?.list() ?? []) await rig.core.seats?.remove(seat.name)
})

afterAll(async () => {
  await rig?.close()
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seat-'))
  dirs.push(dir)
  return dir
}

function seatClient(options: Partial<SeatClientOptions> & { dataDir: string }): SeatClient {
  const seat = new SeatClient({ hubUrl, ...options })
  seats.push(seat)
  seat.start()
  return seat
}

function hubSeats() {
  const found = rig.core.seats
  if (!found) throw new Error('the hub has no seat link')
  return found
}

/** A seat paired with the hub under `name`, its keys in a fresh data folder. */
async function pairedSeat(name: string): Promise<{ seat: SeatClient; dir: string }> {
  const dir = await dataDir()
  const seat = seatClient({ dataDir: dir, pairingCode: hubSeats().issueCode(name).text })
  await untilStatus(seat, 'online')
  return { seat, dir }
}

/**
 * A seat written down at the hub directly, as pairing would leave it: 20 pairings in a row would
 * hit the hub's global limit on pairing attempts (10 a minute), which is the point of that limit.
 */
async function listedSeat(name: string): Promise<string> {
  const dir = await dataDir()
  const key = await loadOrCreateLinkKeyPair(dir)
  await savePinnedHub(dir, hubSeats().pairing.keyPair.publicKey)
  await hubSeats().pairing.seats.add(name, key.publicKey)
  return dir
}

function acceptsFor(callId: string) {
  return rig.sim.graph.requests.filter(
    (r) => r.action === 'accept' && (r.body as { call_id?: string }).call_id === callId
  )
}

describe('the seat link to a real hub', () => {
  it('pairs with a code, lists the ringing call and answers it with audio both ways', async () => {
    const { seat } = await pairedSeat('Front desk')
    expect(seat.status).toMatchObject({ state: 'online', name: 'Front desk' })
    expect(hubSeats().online()).toEqual(['Front desk'])
    const watch = new CallWatch(seat)
    try {
      const callId = await rig.sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
      await watch.untilState(callId, 'ringing', 5000)
      const listed = await seat.api.listCalls({})
      expect(listed.map((call) => call.id)).toContain(callId)

      const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 880 } })
      desks.push(desk)
      await desk.answer(seat.api, callId)
      await watch.untilState(callId, 'connected', 5000)
      expect(acceptsFor(callId).map((r) => r.status)).toEqual([200])
      await expect(
        rig.sim.callerOf(callId)?.waitForAudio({ frequency: 880 })
      ).resolves.toMatchObject({ connected: true })
      await expect.poll(() => desk.hearing().packetsReceived).toBeGreaterThan(0)
      await desk.hangUp(seat.api)
      await watch.untilState(callId, 'ended', 5000)
    } finally {
      watch.close()
    }
  })

  it('lets a newer connection of the same seat replace the older one', async () => {
    const { seat: first, dir } = await pairedSeat('Front desk')
    const second = seatClient({ dataDir: dir })
    await untilStatus(second, 'online')
    await untilStatus(first, 'refused')
    expect(first.status).toEqual({
      state: 'refused',
      reason: 'This desk connected to the hub from elsewhere',
      words: { key: 'seatRefused.replaced' }
    })
    expect(hubSeats().online()).toEqual(['Front desk'])
    await expect(second.api.listCalls({})).resolves.toEqual(expect.any(Array))
  })

  it('cuts a removed seat off at once and refuses it when it comes back', async () => {
    const { seat } = await pairedSeat('Front desk')
    await hubSeats().remove('Front desk')
    await untilStatus(seat, 'refused')
    expect(seat.status).toEqual({
      state: 'refused',
      reason: REMOVED_SENTENCE,
      words: { key: 'seatRefused.removed' }
    })
    await expect(seat.api.listCalls({})).rejects.toThrow(/not online with its hub/)
    seat.reconnect()
    await untilStatus(seat, 'refused')
    expect(seat.status).toEqual({
      state: 'refused',
      reason: REMOVED_SENTENCE,
      words: { key: 'seatRefused.removed' }
    })
    expect(hubSeats().online()).toEqual([])
  })

  it('says in one sentence which side to update when the versions differ', async () => {
    const newer = seatClient({ dataDir: await listedSeat('Newer'), version: '2' })
    await untilStatus(newer, 'refused')
    expect(newer.status).toEqual({
      state: 'refused',
      reason: 'The hub runs an older version than this desk: update the hub',
      words: { key: 'seatRefused.hubOlder' }
    })
    const older = seatClient({ dataDir: await listedSeat('Older'), version: '0' })
    await untilStatus(older, 'refused')
    expect(older.status).toEqual({
      state: 'refused',
      reason: 'This desk is older than its hub: update this desk to connect',
      words: { key: 'seatRefused.seatOlder' }
    })
  })

  it('lets exactly one of 20 seats answer a call; the others hear it was taken', async () => {
    const racers: SeatClient[] = []
    for (let i = 1; i <= 20; i++) {
      racers.push(seatClient({ dataDir: await listedSeat(`Desk ${i}`) }))
    }
    await Promise.all(racers.map((seat) => untilStatus(seat, 'online')))
    const watch = new CallWatch(racers[19]!)
    try {
      const callId = await rig.sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
      await watch.untilState(callId, 'ringing', 5000)
      const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 660 } })
      desks.push(desk)
      // One real offer, sent by every seat at the same moment.
      let outcomes: PromiseSettledResult<AcceptResult>[] = []
      await desk.answer(
        {
          accept: async (request) => {
            outcomes = await Promise.allSettled(racers.map((seat) => seat.api.accept(request)))
            const won = outcomes.find((outcome) => outcome.status === 'fulfilled')
            if (!won) throw new Error('nobody won')
            return won.value
          }
        },
        callId
      )
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
      const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))
      expect(refusals).toHaveLength(19)
      for (const refusal of refusals) {
        expect(refusal).toBeInstanceOf(ServiceError)
        expect((refusal as ServiceError).code).toBe('conflict')
      }
      expect(acceptsFor(callId)).toHaveLength(1)
      await watch.untilState(callId, 'connected', 5000)
      await desk.hangUp(racers[0]!.api)
      await watch.untilState(callId, 'ended', 5000)
    } finally {
      watch.close()
    }
  })
})
