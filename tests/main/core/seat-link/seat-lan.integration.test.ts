/**
 * Desks on the hub's local network, with a real hub core (the in-process rig, Meta simulated):
 * the owner turns `seats.lan` on and a seat pairs and rings through that port alone (its public
 * address leads nowhere); turned off, the port closes and the seat connected there is let go.
 */
import { connect, createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { silentLogger } from '../../../../src/main/core/log'
import { SEAT_LINK_PATH } from '../../../../src/main/core/seat-link/seat-endpoint'
import { followSeatLan } from '../../../../src/main/core/settings-effects/seat-lan'
import { SettingsStore } from '../../../../src/main/core/config'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { freePort, onCleanup, runCleanups, seatClient, tempDir } from './echo-hub'
import { untilStatus } from './seat-statuses'

let rig: InProcessRig

beforeAll(async () => {
  rig = await startInProcessRig({ deskName: 'Main office' })
})

afterAll(async () => {
  await runCleanups()
  await rig?.close()
})

/** Whether something accepts TCP connections on the port (127.0.0.1). */
function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('desks on the local network', () => {
  it('pair and ring over the LAN port while it is on; off, the port closes', async () => {
    const port = await freePort()
    expect(await accepting(port)).toBe(false)
    await rig.client.api.updateSettings({ seats: { lan: { enabled: true, port } } })
    await expect.poll(() => accepting(port)).toBe(true)

    const seat = seatClient({
      // The public address leads nowhere: only the local network's can carry this seat.
      hubUrl: `http://127.0.0.1:${await freePort()}`,
      lanUrl: `http://127.0.0.1:${port}`,
      dataDir: await tempDir(),
      pairingCode: rig.core.seats!.issueCode('Kitchen').text
    })
    // Its welcome names the hub as its settings do.
    expect(await untilStatus(seat, 'online')).toMatchObject({
      name: 'Kitchen',
      hubName: 'Main office'
    })
    const watch = new CallWatch(seat)
    onCleanup(() => watch.close())
    const callId = await rig.sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
    await watch.untilState(callId, 'ringing', 5000)
    await rig.client.api.decline({ callId })

    await rig.client.api.updateSettings({ seats: { lan: { enabled: false } } })
    await expect.poll(() => accepting(port)).toBe(false)
    await untilStatus(seat, 'offline')
    expect(rig.core.seats!.online()).toEqual([])
  })

  it('says where on the network it listens, and only on the seat link path', async () => {
    const port = await freePort()
    const settings = await SettingsStore.open(await tempDir(), silentLogger)
    await settings.update({ seats: { lan: { enabled: true, port } } })
    const upgrades: string[] = []
    let changed = 0
    const lan = followSeatLan({
      handleUpgrade: (request, socket) => {
        upgrades.push(request.url ?? '')
        socket.destroy()
      },
      settings,
      logger: silentLogger,
      bindHost: '127.0.0.1',
      onChange: () => void (changed += 1)
    })
    onCleanup(() => lan.close())
    await lan.settled()
    expect(lan.address()).toBe(`127.0.0.1:${port}`)
    const answer = await fetch(`http://127.0.0.1:${port}/webhook`)
    expect(answer.status).toBe(404)
    for (const path of ['/elsewhere', SEAT_LINK_PATH]) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`)
      await new Promise((resolve) => socket.once('error', resolve))
    }
    expect(upgrades).toEqual([SEAT_LINK_PATH])

    // Moved to another port: the old one closes, the new one opens.
    const moved = await freePort()
    await settings.update({ seats: { lan: { port: moved } } })
    await lan.settled()
    expect(lan.address()).toBe(`127.0.0.1:${moved}`)
    expect(await accepting(port)).toBe(false)
    expect(await accepting(moved)).toBe(true)
    expect(lan.status()).toEqual({ state: 'open', address: `127.0.0.1:${moved}` })

    // A port another program holds: said in a sentence, for the owner's Desks section.
    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve))
    onCleanup(() => new Promise((resolve) => squatter.close(resolve)))
    await settings.update({ seats: { lan: { port } } })
    await lan.settled()
    expect(lan.status()).toEqual({
      state: 'failed',
      sentence: `Desks on this network cannot connect: port ${port} is taken by another program.`
    })
    // Opened, closed, opened, closed and failed: each one heard.
    expect(changed).toBe(5)
    await settings.update({ seats: { lan: { enabled: false } } })
    await lan.settled()
    expect(lan.status()).toBeUndefined()
  })
})
