/**
 * A seat desk's core against a real hub core (the in-process rig, Meta simulated): the seat's UI
 * talks to its own loopback bridge serving the SeatService, which forwards over a second real
 * WebSocket to the hub. Calls ring and are answered through the hub; owner-only commands and
 * hub-wide settings are refused with a sentence; a dropped link fails fast and queues hang ups.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import type { BridgeClient } from '../../../../src/shared/bridge-client'
import { ringsHere } from '../../../../src/shared/calls'
import { SettingsStore } from '../../../../src/main/core/config'
import { silentLogger } from '../../../../src/main/core/log'
import { startSeatCore, type StartedSeatCore } from '../../../../src/main/core/seat/start-seat-core'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { connectBridge } from '../../../../src/main/simulator/rig/bridge-connection'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { LoopbackHub } from './loopback-hub'

interface Seat {
  hub: LoopbackHub
  started: StartedSeatCore
  /** The seat's own window, over the seat's own loopback bridge. */
  client: BridgeClient
  watch: CallWatch
  statuses: CoreStatus[]
  dataDir: string
}

let rig: InProcessRig
let seat: Seat
const desks: HeadlessClient[] = []

async function startSeat(): Promise<Seat> {
  const dataDir = await mkdtemp(join(tmpdir(), 'softphone-seat-'))
  const hub = await LoopbackHub.open(rig.ui.info.url, 'Front desk')
  const started = await startSeatCore({ dataDir, hub, logger: silentLogger, ui: { port: 0 } })
  if (!started.ui) throw new Error('the seat serves no UI bridge')
  const client = await connectBridge(started.ui.info.url)
  const statuses: CoreStatus[] = []
  client.on('status', (status) => statuses.push(status))
  return { hub, started, client, watch: new CallWatch(client), statuses, dataDir }
}

beforeEach(async () => {
  rig = await startInProcessRig({ deskName: 'Front desk' })
  seat = await startSeat()
})

afterEach(async () => {
  await Promise.all(desks.splice(0).map((desk) => desk.close()))
  seat.watch.close()
  seat.client.close()
  await seat.started.dispose()
  await rig.close()
  await rm(seat.dataDir, { recursive: true, force: true })
})

function deskOf(): HeadlessClient {
  const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 700 } })
  desks.push(desk)
  return desk
}

function graphActions(callId: string, action: string) {
  return rig.sim.graph.requests.filter(
    (r) => r.action === action && (r.body as { call_id?: string }).call_id === callId
  )
}

/** A call placed by the simulated customer, ringing at the seat, answered by the seat's window. */
async function answeredAtSeat(): Promise<string> {
  const callId = await rig.sim.placeCall()
  await seat.watch.untilState(callId, 'ringing', 5000)
  await deskOf().answer(seat.client.api, callId)
  await seat.watch.untilState(callId, 'connected', 5000)
  return callId
}

function linkOf(status: CoreStatus | undefined) {
  return status?.hub
}

describe('a seat desk forwarding to its hub', () => {
  it('lists the hub’s calls and answers one through the hub, up to Meta', async () => {
    const callId = rig.sim.ring()
    await rig.sim.deliverConnect(callId)
    await seat.watch.untilState(callId, 'ringing', 5000)
    expect((await seat.client.api.listCalls({})).map((call) => call.id)).toContain(callId)

    const hello = await seat.client.api.hello({})
    expect(hello.calls.map((call) => call.id)).toContain(callId)
    await deskOf().answer(seat.client.api, callId)
    const connected = await seat.watch.untilState(callId, 'connected', 5000)
    // The seat's window sees its own id as the answerer, not the seat link's id at the hub.
    expect(connected).toMatchObject({ answeredBy: hello.clientId })
    expect(graphActions(callId, 'accept').map((r) => r.status)).toEqual([200])
    expect(seat.hub.sent.map((sent) => sent.command)).toContain('accept')

    await rig.sim.hangUpAsCaller(callId)
    await seat.watch.untilState(callId, 'ended', 5000)
    expect(seat.watch.statesOf(callId)).toEqual(
      expect.arrayContaining(['ringing', 'answering', 'connected', 'ended'])
    )
  })

  it('refuses what only the hub’s owner may do, with a sentence naming the hub', async () => {
    await expect(seat.client.api.removePage({})).rejects.toThrow(
      'This desk is a seat of Front desk; change the Page on the hub.'
    )
    await expect(seat.client.api.takeOverWebhook({})).rejects.toThrow(/seat of Front desk/)
    expect(seat.hub.sent.map((sent) => sent.command)).not.toContain('removePage')
    expect((await rig.client.api.getPageConnection({})).pageId).toBe(rig.credentials.pageId)
  })

  it('saves per-desk settings on the seat and leaves the hub’s as they are', async () => {
    const saved = await seat.client.api.updateSettings({
      theme: 'dark',
      audio: { ringVolume: 0.3 },
      desk: { name: 'Back office' }
    })
    expect(saved).toMatchObject({ theme: 'dark', audio: { ringVolume: 0.3 } })
    const reopened = await SettingsStore.open(seat.dataDir, silentLogger)
    expect(reopened.get()).toMatchObject({ theme: 'dark', desk: { name: 'Back office' } })
    const hubSettings = await rig.client.api.getSettings({})
    expect(hubSettings).toMatchObject({ theme: 'system', desk: { name: 'Front desk' } })
    expect(hubSettings.audio.ringVolume).toBe(0.8)

    await expect(
      seat.client.api.updateSettings({ theme: 'light', doNotDisturb: { enabled: true } })
    ).rejects.toThrow(
      'This desk is a seat of Front desk; change the hub-wide settings (doNotDisturb) on the hub.'
    )
    expect((await seat.client.api.getSettings({})).theme).toBe('dark')
    expect((await rig.client.api.getSettings({})).doNotDisturb.enabled).toBe(false)
  })

  it('fails fast with the reason while the link is down, and says the hub is offline', async () => {
    seat.hub.cut('the network went away')
    await expect
      .poll(() => linkOf(seat.statuses.at(-1))?.link)
      .toEqual({ state: 'offline', reason: 'the network went away' })
    const started = Date.now()
    await expect(seat.client.api.listCalls({})).rejects.toThrow(
      'The hub is offline: the network went away.'
    )
    await expect(seat.client.api.getIceServers({ callId: 'c_1' })).rejects.toThrow(/hub is offline/)
    expect(Date.now() - started).toBeLessThan(1000)
    // The seat's own windows still start, and say why there are no calls.
    const hello = await seat.client.api.hello({})
    expect(hello.calls).toEqual([])
    expect(hello.status.hub).toMatchObject({ name: 'Front desk', link: { state: 'offline' } })

    await seat.hub.reconnect()
    await expect.poll(() => linkOf(seat.statuses.at(-1))?.link.state).toBe('online')
    expect(await seat.client.api.listCalls({})).toEqual([])
  })

  it('stops ringing a call it cannot answer while the link is down, and rings it again after', async () => {
    const callId = await rig.sim.placeCall()
    await seat.watch.untilState(callId, 'ringing', 5000)
    seat.hub.cut('the network went away')
    await expect
      .poll(() => seat.watch.latest(callId))
      .toMatchObject({
        state: 'ringing',
        silenced: true
      })
    await seat.hub.reconnect()
    await expect
      .poll(() => {
        const call = seat.watch.latest(callId)
        return call?.state === 'ringing' && ringsHere(call)
      })
      .toBe(true)
  })

  it('queues a hang up made during an outage and sends it when the link is back', async () => {
    const callId = await answeredAtSeat()
    seat.hub.cut('the network went away')
    await expect.poll(() => seat.hub.status().state).toBe('offline')

    await expect(seat.client.api.hangUp({ callId })).resolves.toBeUndefined()
    await expect.poll(() => linkOf(seat.statuses.at(-1))?.queuedHangUps).toEqual([callId])
    // The seat's audio has stopped, so its windows leave the call now ...
    await seat.watch.untilState(callId, 'ended', 5000)
    // ... while the hub still holds the call with Meta: nothing was sent.
    expect(rig.core.registry.get(callId)?.state).toBe('connected')
    expect(graphActions(callId, 'terminate')).toEqual([])

    await seat.hub.reconnect()
    await expect
      .poll(() => graphActions(callId, 'terminate').map((r) => r.status), { timeout: 5000 })
      .toEqual([200])
    expect(rig.core.registry.get(callId)).toMatchObject({ state: 'ended', reason: 'we-hung-up' })
    await expect.poll(() => linkOf(seat.statuses.at(-1))?.queuedHangUps).toEqual([])
  })

  it('stops as one: the seat’s bridge closes and so does its link to the hub', async () => {
    const closed = new Promise<void>((resolve) => seat.client.onClose(resolve))
    await expect(seat.started.dispose()).resolves.toBe(true)
    await closed
    await expect
      .poll(() => seat.hub.status())
      .toEqual({
        state: 'offline',
        reason: 'this desk closed the link'
      })
    await expect(connectBridge(seat.started.ui?.info.url ?? '')).rejects.toThrow()
  })
})
