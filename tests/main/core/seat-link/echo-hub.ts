/**
 * Fixtures for seat link tests over real sockets: a hub made of the real webhook listener and seat
 * endpoint with a stand-in service that echoes commands, seat clients, temporary folders, timers
 * the test runs by hand, and a free port. Each test file runs `runCleanups` after each test.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../../../src/main/core/log'
import {
  openHubSeats,
  type HubSeats,
  type OpenHubSeatsOptions
} from '../../../../src/main/core/seat-link/hub-seats'
import {
  SeatClient,
  type SeatClientOptions,
  type SeatTimers
} from '../../../../src/main/core/seat-link/seat-client'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'
import { createWebhookServer } from '../../../../src/main/core/webhook/server'
import { untilStatus } from './seat-statuses'

const cleanups: (() => Promise<unknown> | void)[] = []

export function onCleanup(cleanup: () => Promise<unknown> | void): void {
  cleanups.push(cleanup)
}

export async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
}

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seat-client-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

export interface EchoHubOptions extends Partial<
  Pick<OpenHubSeatsOptions, 'settings' | 'lanHost' | 'logger'>
> {
  port?: number
  pingMs?: number
  hubName?: string
}

/** A hub: the real webhook listener and seat endpoint, and a service that echoes commands. */
export async function startHub(options: EchoHubOptions = {}) {
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
    logger: options.logger ?? silentLogger,
    pingMs: options.pingMs,
    settings: options.settings,
    lanHost: options.lanHost,
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

export type EchoHub = Awaited<ReturnType<typeof startHub>>

export function seatClient(options: SeatClientOptions): SeatClient {
  const seat = new SeatClient(options)
  cleanups.push(() => seat.close())
  seat.start()
  return seat
}

export async function pairedSeat(hub: EchoHub, extra: Partial<SeatClientOptions> = {}) {
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
export function manualTimers() {
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

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
