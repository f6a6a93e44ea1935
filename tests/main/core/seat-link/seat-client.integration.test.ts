/**
 * The seat client and the hub's seat endpoint over real WebSockets on a real webhook listener,
 * with a stand-in service: what a seat is to the service, frames larger than one link message,
 * the size limit, pings both ways, and the reconnect backoff on an injected clock.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { EventMessage } from '../../../../src/shared/api'
import { webSocketTransport } from '../../../../src/main/core/seat-link/message-transport'
import { generateKeyPair } from '../../../../src/main/core/seat-link/noise-primitives'
import { pairWithHub } from '../../../../src/main/core/seat-link/pairing'
import { seatLinkUrl } from '../../../../src/main/core/seat-link/seat-client'
import { SeatHubConnection } from '../../../../src/main/core/seat-link/seat-hub-connection'
import {
  freePort,
  manualTimers,
  pairedSeat,
  runCleanups,
  seatClient,
  startHub,
  tempDir
} from './echo-hub'
import { untilStatus } from './seat-statuses'

afterEach(runCleanups)

describe('the seat client with its hub', () => {
  it('is a seat client of the service under its desk name, and hears events', async () => {
    const hub = await startHub()
    const seat = await pairedSeat(hub)
    expect(hub.clients.map(({ role, deskName }) => ({ role, deskName }))).toEqual([
      { role: 'seat', deskName: 'Front desk' }
    ])
    await expect(seat.api.listCalls({})).resolves.toEqual({
      command: 'listCalls',
      request: {},
      role: 'seat',
      deskName: 'Front desk'
    })
    const heard: string[] = []
    seat.on('status', (status) => heard.push(JSON.stringify(status)))
    // Larger than three link messages: it arrives whole, once.
    const event = { event: 'status', payload: { big: 'x'.repeat(200_000) } }
    hub.clients[0]!.send(event as unknown as EventMessage)
    await expect.poll(() => heard.length).toBe(1)
    expect(heard[0] === JSON.stringify(event.payload)).toBe(true)
  })

  it("calls the hub by the desk name its welcome carries, not its address's host", async () => {
    const hub = await startHub({ hubName: 'Main office' })
    const seat = await pairedSeat(hub)
    const connection = new SeatHubConnection(seat, hub.url)
    expect(seat.status).toMatchObject({ state: 'online', hubName: 'Main office' })
    expect(connection.hubName).toBe('Main office')
    // Kept while the link is down: a seat's "Hub offline" still names its hub.
    await hub.stop()
    await untilStatus(seat, 'offline')
    expect(connection.hubName).toBe('Main office')
  })

  it('carries a request larger than one link message, and cuts one over the limit', async () => {
    const hub = await startHub()
    const seat = await pairedSeat(hub)
    const sdp = 'v=0\r\n'.repeat(30_000)
    const reply = (await seat.api.accept({ callId: 'c1', sdp })) as unknown as {
      request: { sdp: string }
    }
    expect(reply.request.sdp).toBe(sdp)

    const flood = seat.api.accept({ callId: 'c1', sdp: 'x'.repeat(300 * 1024) })
    await expect(flood).rejects.toThrow(/connection to the phone service was lost/)
    expect(await untilStatus(seat, 'offline')).toEqual({
      state: 'offline',
      reason: 'Hub offline: a frame over 263168 bytes'
    })
  })

  it('ends a connection that stops answering pings, and keeps one that answers', async () => {
    const hub = await startHub({ pingMs: 40 })
    const seat = await pairedSeat(hub)
    const silent = new WebSocket(seatLinkUrl(hub.url), { autoPong: false })
    const closed = new Promise((resolve) => silent.once('close', resolve))
    const started = Date.now()
    await closed
    expect(Date.now() - started).toBeLessThan(1000)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(seat.status.state).toBe('online')
  })

  it('closes a connection whose message is larger than any link message', async () => {
    const hub = await startHub()
    const socket = new WebSocket(seatLinkUrl(hub.url))
    await new Promise((resolve) => socket.once('open', resolve))
    const closed = new Promise<number>((resolve) => socket.once('close', resolve))
    socket.send(Buffer.alloc(65_536))
    expect(await closed).toBe(1009)
  })

  it('lets go of a seat that stops reading instead of piling events up for it', async () => {
    const hub = await startHub()
    const socket = new WebSocket(seatLinkUrl(hub.url))
    await new Promise((resolve) => socket.once('open', resolve))
    const code = hub.seats.issueCode('Front desk').text
    await pairWithHub(webSocketTransport(socket), { keyPair: generateKeyPair(), code })
    await expect.poll(() => hub.clients.length).toBe(1)
    socket.pause()
    const event = { event: 'status', payload: { big: 'x'.repeat(200_000) } }
    for (let i = 0; i < 200 && hub.clients.length > 0; i++) {
      hub.clients[0]!.send(event as unknown as EventMessage)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(hub.clients).toEqual([])
    expect(hub.seats.online()).toEqual([])
  })

  it('takes a hub that stopped pinging for gone, and says so', async () => {
    const hub = await startHub({ pingMs: 60_000 })
    const seat = await pairedSeat(hub, { hubSilentMs: 100 })
    expect(await untilStatus(seat, 'offline')).toEqual({
      state: 'offline',
      reason: 'Hub offline: The connection to the hub dropped',
      // Said by this desk: its windows say it in their own language.
      words: { key: 'hubReason.dropped' }
    })
  })

  it('retries an unreachable hub from 0.5 s doubling to 30 s, and starts over once online', async () => {
    const port = await freePort()
    const { timers, due } = manualTimers()
    const seat = seatClient({
      hubUrl: `http://127.0.0.1:${port}`,
      dataDir: await tempDir(),
      pairingCode: 'not needed yet',
      timers,
      random: () => 0
    })
    const delays: number[] = []
    for (let i = 0; i < 8; i++) {
      await expect.poll(() => due.length).toBe(1)
      const [next] = due.splice(0)
      delays.push(next!.ms)
      if (i < 7) next!.run()
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(seat.status).toMatchObject({ state: 'offline', reason: /^Hub offline: / })

    // The hub comes up on that port; the next try pairs, and a later drop starts from 0.5 s again.
    const hub = await startHub({ port })
    seat.reconnect(hub.seats.issueCode('Front desk').text)
    await untilStatus(seat, 'online')
    await hub.stop()
    expect(await untilStatus(seat, 'offline')).toEqual({
      state: 'offline',
      reason: 'Hub offline: The hub is stopping',
      words: { key: 'hubReason.stopping' }
    })
    await expect.poll(() => due.map(({ ms }) => ms)).toEqual([500])
  })

  it('jitters each delay down by at most a fifth', async () => {
    const { timers, due } = manualTimers()
    seatClient({
      hubUrl: `http://127.0.0.1:${await freePort()}`,
      dataDir: await tempDir(),
      pairingCode: 'x',
      timers,
      random: () => 1
    })
    await expect.poll(() => due.map(({ ms }) => ms)).toEqual([400])
  })

  it('does not retry a refusal until asked', async () => {
    const hub = await startHub()
    const { timers, due } = manualTimers()
    const seat = await pairedSeat(hub, { timers })
    await hub.seats.remove('Front desk')
    await untilStatus(seat, 'refused')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(due.filter(({ ms }) => ms >= 500 && ms <= 30_000)).toEqual([])
  })

  it('refuses a hub answering with another key than the pinned one', async () => {
    const hub = await startHub()
    const dataDir = await tempDir()
    const seat = seatClient({
      hubUrl: hub.url,
      dataDir,
      pairingCode: hub.seats.issueCode('Front desk').text
    })
    await untilStatus(seat, 'online')
    seat.close()
    await hub.stop()
    const impostor = await startHub({ port: hub.port })
    const again = seatClient({ hubUrl: impostor.url, dataDir })
    expect(await untilStatus(again, 'refused')).toEqual({
      state: 'refused',
      reason: 'The desk that answered is not the hub this desk paired with',
      words: { key: 'seatRefused.notTheHub' }
    })
  })

  it('makes the seat address from the hub address', () => {
    expect(seatLinkUrl('https://abc.loca.lt')).toBe('wss://abc.loca.lt/softphone/seats')
    expect(seatLinkUrl('https://example.com/phone/?x=1')).toBe(
      'wss://example.com/phone/softphone/seats'
    )
    expect(seatLinkUrl('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/softphone/seats')
  })
})
