/**
 * One tunnel serves the webhook and the seats: a seat reaches the hub's seat endpoint through the
 * localtunnel client (which pipes raw TCP, so the WebSocket upgrade passes) and the fake
 * localtunnel server (which hands an upgrade a tunnel socket of its own, as upstream does). The
 * hub asks for its own stable subdomain, and a seat connected when the tunnel moves hears the new
 * address, sealed, before the old tunnel closes, and reconnects there.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SeatClient } from '../../../../src/main/core/seat-link/seat-client'
import { SEAT_LINK_PATH } from '../../../../src/main/core/seat-link/seat-endpoint'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import {
  startFakeLocaltunnelServer,
  type FakeLocaltunnelServer
} from '../../../support/fake-localtunnel-server'
import { untilStatus } from '../seat-link/seat-statuses'

let lt: FakeLocaltunnelServer
let rig: InProcessRig
let seatDir: string

beforeAll(async () => {
  lt = await startFakeLocaltunnelServer()
  rig = await startInProcessRig({ tunnelHost: lt.url })
  seatDir = await mkdtemp(join(tmpdir(), 'seat-tunnel-'))
})

afterAll(async () => {
  await rig?.close()
  await lt?.close()
  await rm(seatDir, { recursive: true, force: true })
})

describe('the seat link through the tunnel', () => {
  it('pairs and serves a seat through the same public URL as the webhook', async () => {
    await expect.poll(() => rig.core.status().publicUrl, { timeout: 5000 }).toBeTruthy()
    const publicUrl = rig.core.status().publicUrl!
    const seat = new SeatClient({
      hubUrl: publicUrl,
      dataDir: seatDir,
      pairingCode: rig.core.seats!.issueCode('Over the tunnel').text
    })
    try {
      seat.start()
      expect(await untilStatus(seat, 'online')).toMatchObject({
        state: 'online',
        name: 'Over the tunnel'
      })
      await expect(seat.api.listCalls({})).resolves.toEqual([])
      // It went through the tunnel server, beside Meta's handshake on the webhook path.
      const paths = lt.forwarded.map(({ path }) => path)
      expect(paths).toContain(SEAT_LINK_PATH)
      expect(paths.some((path) => path.startsWith('/webhook'))).toBe(true)

      // A drop of the tunnel's sockets drops the link; the seat comes back by itself.
      lt.severSockets(lt.clientIds()[0]!)
      await untilStatus(seat, 'offline')
      await untilStatus(seat, 'online', 10_000)
      await expect(seat.api.listCalls({})).resolves.toEqual([])
    } finally {
      seat.close()
    }
  })

  it('keeps the hub at its own subdomain, and moves a connected seat to a new address', async () => {
    const stable = rig.core.seats!.tunnelSubdomain
    expect(rig.core.status().publicUrl).toBe(`${lt.url}/${stable}`)
    const told: string[] = []
    const seat = new SeatClient({
      hubUrl: rig.core.status().publicUrl!,
      dataDir: join(seatDir, 'moved'),
      pairingCode: rig.core.seats!.issueCode('Moving').text,
      onHubUrl: (url) => told.push(url)
    })
    try {
      seat.start()
      await untilStatus(seat, 'online')
      // The owner gives the tunnel another subdomain: the seat hears it over its live link...
      await rig.client.api.updateSettings({ tunnel: { subdomain: 'moved-desk' } })
      const moved = `${lt.url}/moved-desk`
      await expect.poll(() => told, { timeout: 5000 }).toEqual([moved])
      expect(seat.status.state).toBe('online')
      // ...then the old tunnel closes, and the seat comes back at the new address.
      await untilStatus(seat, 'offline')
      await untilStatus(seat, 'online', 10_000)
      expect(seat.addresses.hubUrl).toBe(moved)
      const seatLinks = lt.forwarded.filter(({ path }) => path === SEAT_LINK_PATH)
      expect(seatLinks.at(-1)?.clientId).toBe('moved-desk')
      await expect(seat.api.listCalls({})).resolves.toEqual([])
      await expect.poll(() => lt.clientIds()).toEqual(['moved-desk'])
    } finally {
      seat.close()
    }
  })
})
