/**
 * The assembled core over real loopback HTTP and WebSocket: its webhook listener receives signed
 * deliveries from the simulator, its Graph client talks to the fake Graph (which here insists on
 * appsecret_proof and returns plain-string SDP), and a werift desk answers through the bridge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MediaOffer } from '../../../src/shared/api'
import { HeadlessClient, near } from '../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../src/main/simulator/scenarios'

let rig: InProcessRig
let watch: CallWatch
const desks: HeadlessClient[] = []

beforeAll(async () => {
  rig = await startInProcessRig({ sdpShape: 'string', requireAppsecretProof: true })
  watch = new CallWatch(rig.client)
})

afterAll(async () => {
  watch?.close()
  await Promise.all(desks.map((desk) => desk.close()))
  await rig?.close()
})

function desk(frequency: number): HeadlessClient {
  const created = new HeadlessClient({ audio: { mode: 'tone', frequency } })
  desks.push(created)
  return created
}

/** A call that rings in the core, answered by a fresh desk through the bridge. */
async function connectedCall(deskHz: number, options: { gathered?: boolean } = {}) {
  const callId = await rig.sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
  await watch.untilState(callId, 'ringing', 5000)
  const answering = desk(deskHz)
  await answering.answer(rig.client.api, callId, options)
  await watch.untilState(callId, 'connected', 5000)
  return { callId, desk: answering }
}

describe('the core with the simulator as Meta', () => {
  it('accepts with appsecret_proof, takes plain-string SDP, and a gathered offer connects too', async () => {
    const { callId, desk: answering } = await connectedCall(880, { gathered: true })
    // The fake Graph refuses any call without a valid proof, so a 200 proves it was there.
    const accept = rig.sim.graph.requests.find(
      (r) => r.action === 'accept' && (r.body as { call_id?: string }).call_id === callId
    )
    expect(accept?.status).toBe(200)
    expect(answering.offerSent).toMatch(/a=candidate:/)
    const caller = rig.sim.callerOf(callId)
    await expect(caller?.waitForAudio({ frequency: 880 })).resolves.toMatchObject({
      connected: true
    })
    await answering.hangUp(rig.client.api)
    await watch.untilState(callId, 'ended', 5000)
  })

  it('passes only the newest media_update to the desk, and audio keeps flowing', async () => {
    const { callId, desk: answering } = await connectedCall(1000)
    const offers: MediaOffer[] = []
    const off = rig.client.on('mediaOffer', (offer) => offers.push(offer))
    answering.followMediaOffers(rig.client)
    const caller = rig.sim.callerOf(callId)
    if (!caller) throw new Error('no caller')
    await caller.waitForAudio({ frequency: 1000 })

    const newer = await rig.sim.sendMediaUpdate(callId, { version: 5 })
    const older = await rig.sim.sendMediaUpdate(callId, { version: 3, shape: 'string' })
    expect([newer.statuses, older.statuses]).toEqual([[200], [200]])
    await expect.poll(() => answering.mediaOffersApplied).toEqual([5])
    await new Promise((resolve) => setTimeout(resolve, 300))
    off()
    expect(offers.map((offer) => offer.version)).toEqual([5])
    expect(offers[0]?.sdp).toMatch(/^v=0\r\n/)
    expect(answering.mediaOffersApplied).toEqual([5])

    const heardBefore = caller.stats().packetsReceived
    const deskBefore = answering.hearing().packetsReceived
    await caller.waitForAudio({ minPackets: heardBefore + 20, frequency: 1000 })
    await answering.waitUntilHearing(
      (h) => h.packetsReceived >= deskBefore + 20 && near(h.frequency, 440)
    )
    await rig.sim.hangUpAsCaller(callId)
    await expect(watch.untilState(callId, 'ended', 5000)).resolves.toMatchObject({
      outcome: 'completed',
      reason: 'caller-hung-up'
    })
  })

  it('tells every UI which settings the environment fixes for this run', async () => {
    // The rig starts the core with the Page and the ring time given as environment variables.
    const status = await rig.client.api.getStatus({})
    expect(status.pinned?.map((pin) => pin.setting)).toEqual(
      expect.arrayContaining(['page', 'ringTimeoutSeconds'])
    )
  })

  it('never lets a delivery signed with the wrong app secret reach the registry', async () => {
    const callId = rig.sim.ring()
    const statuses = await rig.sim.deliverConnect(callId, { signature: 'wrong' })
    expect(statuses[0]).toBeGreaterThanOrEqual(400)
    expect(statuses[0]).toBeLessThan(500)
    const unsigned = await rig.sim.deliverConnect(callId, { signature: 'none' })
    expect(unsigned[0]).toBeGreaterThanOrEqual(400)
    await rig.core.webhook.drained()
    expect(rig.core.registry.get(callId)).toBeUndefined()
    expect(watch.updatesOf(callId)).toEqual([])

    // The same call, properly signed, does ring: the refusal was about the signature alone.
    await rig.sim.deliverConnect(callId)
    await expect(watch.untilState(callId, 'ringing', 5000)).resolves.toBeTruthy()
    await rig.client.api.decline({ callId })
  })
})
