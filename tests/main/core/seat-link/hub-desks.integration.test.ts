/**
 * The desks of a real hub core (startCore with its loopback UI bridge), driven by the owner over
 * the bridge, with a real seat client that pairs over loopback from nothing but the invitation
 * text addDesk gave: the list follows it online and offline, and removing it cuts it off.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeskList } from '../../../../src/shared/desks'
import { memoryLogger } from '../../../../src/main/core/log'
import { NO_PUBLIC_ADDRESS } from '../../../../src/main/core/seat-link/hub-desks'
import { SeatClient } from '../../../../src/main/core/seat-link/seat-client'
import { REMOVED_SENTENCE } from '../../../../src/main/core/seat-link/seat-refusals'
import { startCore } from '../../../../src/main/core/start-core'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { connectBridge } from '../../../../src/main/simulator/rig/bridge-connection'
import { startInProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { untilStatus } from './seat-statuses'

const ENV = { WEBHOOK_PORT: '0', GRAPH_API_URL: 'http://127.0.0.1:9' }
const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-desks-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** A hub core whose owner is connected over the loopback bridge, hearing the desks event. */
async function startHub() {
  const logger = memoryLogger()
  const started = await startCore({ env: ENV, dataDir: await tempDir(), logger, ui: { port: 0 } })
  cleanups.push(() => started.dispose())
  const owner = await connectBridge(started.ui.info.url)
  cleanups.push(() => owner.close())
  const events: DeskList[] = []
  owner.on('desks', (list) => events.push(list))
  await owner.api.hello({})
  /** Resolves with the first desks event (from now on) that `test` accepts. */
  const nextDesks = (test: (list: DeskList) => boolean): Promise<DeskList> =>
    new Promise((resolve) => {
      const off = owner.on('desks', (list) => {
        if (!test(list)) return
        off()
        resolve(list)
      })
    })
  return { started, owner, events, nextDesks, logger }
}

describe('the desks of a real hub', () => {
  it('pairs a seat from the invitation alone, follows it online and offline, and removes it', async () => {
    const { started, owner, nextDesks } = await startHub()
    await expect(owner.api.addDesk({ name: 'Kitchen' })).rejects.toThrow(NO_PUBLIC_ADDRESS)

    // As the tunnel (or PUBLIC_URL) would tell it: here, the loopback listener itself.
    started.core.setPublicUrl(new URL(started.webhookUrl).origin)
    const invitation = await owner.api.addDesk({ name: 'Kitchen' })
    expect(invitation.code.startsWith(`${new URL(started.webhookUrl).origin}#msp1.`)).toBe(true)

    const online = nextDesks((list) => list.desks.some((d) => d.name === 'Kitchen' && d.online))
    const seat = new SeatClient({ dataDir: await tempDir(), pairingCode: invitation.code })
    cleanups.push(() => seat.close())
    seat.start()
    expect(await untilStatus(seat, 'online')).toMatchObject({ state: 'online', name: 'Kitchen' })
    expect((await online).desks).toEqual([
      expect.objectContaining({ name: 'Kitchen', online: true, answeredToday: 0 })
    ])

    // The seat may not see the desks; the owner sees the call it answered today.
    await expect(seat.api.listDesks({})).rejects.toMatchObject({ code: 'forbidden' })
    const now = Date.now()
    await started.core.history.upsert({
      callId: 'answered-by-kitchen',
      pageId: 'page',
      direction: 'inbound',
      caller: { psid: 'psid-1' },
      startedAt: now - 60_000,
      connectedAt: now - 50_000,
      endedAt: now,
      durationSeconds: 50,
      outcome: 'completed',
      reason: 'we-hung-up',
      answeredByDesk: 'Kitchen'
    })
    const [kitchen] = (await owner.api.listDesks({})).desks
    expect(kitchen).toMatchObject({ online: true, answeredToday: 1 })
    expect(kitchen!.lastSeenAt).toBeGreaterThanOrEqual(kitchen!.pairedAt)

    await expect(owner.api.addDesk({ name: 'KITCHEN' })).rejects.toMatchObject({
      code: 'conflict'
    })

    const offline = nextDesks((list) => list.desks.some((d) => d.name === 'Kitchen' && !d.online))
    const leftAt = Date.now()
    seat.close()
    const gone = (await offline).desks[0]!
    expect(gone.lastSeenAt).toBeGreaterThanOrEqual(leftAt)

    seat.start()
    await untilStatus(seat, 'online')
    const removed = nextDesks((list) => list.desks.length === 0)
    expect(await owner.api.removeDesk({ name: 'kitchen' })).toEqual({ desks: [] })
    await removed
    expect(await untilStatus(seat, 'refused')).toEqual({
      state: 'refused',
      reason: REMOVED_SENTENCE,
      words: { key: 'seatRefused.removed' }
    })
  })

  it('logs refused seats once, then sums them up, rather than a line each', async () => {
    const { started, owner, logger } = await startHub()
    started.core.setPublicUrl(new URL(started.webhookUrl).origin)
    const { code } = await owner.api.addDesk({ name: 'Kitchen' })
    // The right hub and code id, a wrong secret: the hub refuses it.
    const wrong = code.replace(/^(.*#msp1\.[0-9a-f]{12}\.)[A-Za-z0-9_-]{22}/, `$1${'A'.repeat(22)}`)
    expect(wrong).not.toBe(code)
    for (let i = 0; i < 3; i++) {
      const seat = new SeatClient({ dataDir: await tempDir(), pairingCode: wrong })
      cleanups.push(() => seat.close())
      seat.start()
      await untilStatus(seat, 'refused')
    }
    const refusals = () =>
      logger.entries.filter((entry) => /seat connections? refused/.test(entry.message))
    await expect.poll(() => refusals().length).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(refusals()).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ count: 1 }) })
    ])

    await started.dispose()
    expect(refusals()).toHaveLength(2)
    expect(refusals()[1]!.fields).toMatchObject({ count: 2 })
  })

  it('counts a call a seat answered, telling the owner at once, on a hub with its own address', async () => {
    // own-url: the listener's loopback origin is the hub's public address, as PUBLIC_URL would be.
    const rig = await startInProcessRig({ sdpShape: 'string', ownUrl: true })
    cleanups.push(() => rig.close())
    await expect.poll(() => rig.core.status().publicUrl).toBe(new URL(rig.webhookUrl).origin)
    const events: DeskList[] = []
    rig.client.on('desks', (list) => events.push(list))
    const { code } = await rig.client.api.addDesk({ name: 'Front desk' })
    const seat = new SeatClient({ dataDir: await tempDir(), pairingCode: code })
    cleanups.push(() => seat.close())
    seat.start()
    await untilStatus(seat, 'online')

    const watch = new CallWatch(seat)
    cleanups.push(() => watch.close())
    const callId = await rig.sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
    await watch.untilState(callId, 'ringing', 5000)
    const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 880 } })
    cleanups.push(() => desk.close())
    await desk.answer(seat.api, callId)
    await watch.untilState(callId, 'connected', 5000)
    await desk.hangUp(seat.api)
    await watch.untilState(callId, 'ended', 5000)

    await expect.poll(() => events.at(-1)?.desks[0]?.answeredToday).toBe(1)
    expect(events.at(-1)!.desks[0]).toMatchObject({ name: 'Front desk', online: true })
  })
})
