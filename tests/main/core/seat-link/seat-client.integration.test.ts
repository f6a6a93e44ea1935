/**
 * The seat client and the hub's seat endpoint over real WebSockets on a real webhook listener,
 * with a stand-in service: what a seat is to the service, frames larger than one link message,
 * the size limit, pings both ways, and the reconnect backoff on an injected clock.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { EventMessage } from '../../../../src/shared/api'
import { silentLogger } from '../../../../src/main/core/log'
import { openHubSeats, type HubSeats } from '../../../../src/main/core/seat-link/hub-seats'
import { webSocketTransport } from '../../../../src/main/core/seat-link/message-transport'
import { generateKeyPair } from '../../../../src/main/core/seat-link/noise-primitives'
import { pairWithHub } from '../../../../src/main/core/seat-link/pairing'
import {
  seatLinkUrl,
  SeatClient,
  type SeatClientOptions,
  type SeatTimers
} from '../../../../src/main/core/seat-link/seat-client'
import { SeatHubConnection } from '../../../../src/main/core/seat-link/seat-hub-connection'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'
import { createWebhookServer } from '../../../../src/main/core/webhook/server'
import { untilStatus } from './seat-statuses'

const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seat-client-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** A hub: the real webhook listener and seat endpoint, and a service that echoes commands. */
async function startHub(options: { port?: number; pingMs?: number; hubName?: string } = {}) {
  const clients: ClientHandle[] = []
  const service = {
    attach(client: ClientHandle) {
      clients.push(client)
      return () => clients.splice(clients.indexOf(client), 1)
    },
    dispatch: async (command: string, request: unknown, client: ClientHandle) => ({
      command,
      request,
      role: client.role,
      deskName: client.deskName
    })
  }
  const webhook = createWebhookServer({
    appSecret: 'secret',
    verifyToken: 'token',
    logger: silentLogger,
    onEvents: () => undefined
  })
  const seats: HubSeats = await openHubSeats({
    dataDir: await tempDir(),
    webhook,
    service,
    logger: silentLogger,
    pingMs: options.pingMs,
    ...(options.hubName !== undefined ? { hubName: () => options.hubName! } : {})
  })
  const { port } = await webhook.listen(options.port ?? 0)
  const stop = async (): Promise<void> => {
    await seats.close()
    await webhook.close()
  }
  cleanups.push(stop)
  return { url: `http://127.0.0.1:${port}`, port, seats, clients, stop }
}

function seatClient(options: SeatClientOptions): SeatClient {
  const seat = new SeatClient(options)
  cleanups.push(() => seat.close())
  seat.start()
  return seat
}

async function pairedSeat(hub: Awaited<ReturnType<typeof startHub>>, extra = {}) {
  const seat = seatClient({
    hubUrl: hub.url,
    dataDir: await tempDir(),
    pairingCode: hub.seats.issueCode('Front desk').text,
    ...extra
  })
  await untilStatus(seat, 'online')
  return seat
}

/** Timers the test runs by hand; it reads the delays the client asked for. */
function manualTimers() {
  const due: { run: () => void; ms: number }[] = []
  const timers: SeatTimers = {
    setTimeout: (run, ms) => {
      const entry = { run, ms }
      due.push(entry)
      return entry
    },
    clearTimeout: (handle) => {
      const index = due.indexOf(handle as (typeof due)[number])
      if (index >= 0) due.splice(index, 1)
    }
  }
  return { timers, due }
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

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
      reason: 'Hub offline: The connection to the hub dropped'
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
      reason: 'Hub offline: The hub is stopping'
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
      reason: 'The desk that answered is not the hub this desk paired with'
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
