/**
 * Desks on the hub's local network (settings `seats.lan`, off by default, the owner's): while on,
 * a second listener on `port` of every interface takes seat links directly, beside the tunnel.
 * Turning it on or off, or moving the port, applies at once; off, the port is closed and the
 * desks connected through it are let go (they come back through the public address).
 *
 * Why a second HTTP listener whose upgrades go to the seat endpoint's own handler, rather than a
 * plain TCP socket: the link is then exactly the tunnel's one, a WebSocket carrying the sealed
 * Noise link (message-transport.ts), with the same size limits, pings, one live connection per
 * seat and refusal log, and a seat reaches it with the same client and address form
 * (`http://192.168.1.20:47802`). A raw socket would need a second framing and a second endpoint.
 */
import { createServer, type Server } from 'node:http'
import { networkInterfaces } from 'node:os'
import type { Duplex } from 'node:stream'
import type { DesksOnNetwork } from '../../../shared/desks'
import type { Settings } from '../config'
import type { Logger } from '../log'
import { SEAT_LINK_PATH } from '../seat-link/seat-endpoint'
import type { SettingsPort } from '../service/ports'
import type { UpgradeHandler } from '../webhook/listener'

type LanSetting = Settings['seats']['lan']

export interface SeatLanOptions {
  /** The seat endpoint's upgrade handler (seat-endpoint.ts). */
  handleUpgrade: UpgradeHandler
  settings: Pick<SettingsPort, 'get' | 'onChange'>
  logger: Logger
  /** Where to listen: every interface by default; tests keep to loopback. */
  bindHost?: string | undefined
  /** Hears the listener open, close or fail (the owner's Desks section shows it). */
  onChange?: (() => void) | undefined
}

export interface SeatLan {
  /** `host:port` desks on the local network reach the hub at; undefined while it is off. */
  address(): string | undefined
  /** Open (and where), failed (and why), or undefined while it is off. */
  status(): DesksOnNetwork | undefined
  /** Resolves once the latest setting is applied (the port open, or closed). */
  settled(): Promise<void>
  close(): Promise<void>
}

const ANY_HOST = '0.0.0.0'
const LAN_REQUEST_TIMEOUT_MS = 10_000

/** This computer's address on its local network: a private IPv4 address first. */
export function localNetworkAddress(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()
): string | undefined {
  const found = Object.values(interfaces)
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address)
  const isPrivate = (ip: string): boolean => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip)
  return found.find(isPrivate) ?? found[0]
}

export function followSeatLan(options: SeatLanOptions): SeatLan {
  const log = options.logger.child('seat-lan')
  const bindHost = options.bindHost ?? ANY_HOST
  let server: Server | undefined
  // Closing the listener does not end the sockets it upgraded: those are cut with it.
  const upgraded = new Set<Duplex>()
  let open: { port: number } | undefined
  let failure: string | undefined
  let applied = ''
  let closed = false
  let applying = Promise.resolve()

  const start = (port: number): Promise<void> => {
    const next = createServer((_request, response) => response.writeHead(404).end())
    // Anyone on the network can knock: a request that dawdles over its head is let go soon.
    next.headersTimeout = LAN_REQUEST_TIMEOUT_MS
    next.requestTimeout = LAN_REQUEST_TIMEOUT_MS
    next.on('upgrade', (request, socket: Duplex, head: Buffer) => {
      const path = new URL(request.url ?? '/', 'http://lan').pathname
      if (path !== SEAT_LINK_PATH) return void socket.destroy()
      upgraded.add(socket)
      socket.once('close', () => upgraded.delete(socket))
      options.handleUpgrade(request, socket, head)
    })
    return new Promise((resolve) => {
      next.once('error', (error) => {
        log.error('desks on the local network cannot connect: the port is not free', {
          port,
          error: String(error)
        })
        failure = `Desks on this network cannot connect: port ${port} is taken by another program.`
        options.onChange?.()
        resolve()
      })
      next.listen(port, bindHost, () => {
        server = next
        open = { port }
        log.info('desks on the local network may connect', { port })
        options.onChange?.()
        resolve()
      })
    })
  }

  const stop = async (): Promise<void> => {
    const current = server
    const failed = failure !== undefined
    server = undefined
    open = undefined
    failure = undefined
    if (!current) return void (failed && options.onChange?.())
    await new Promise<void>((resolve) => {
      current.close(() => resolve())
      current.closeAllConnections()
      for (const socket of upgraded) socket.destroy()
    })
    log.info('desks on the local network no longer connect directly')
    options.onChange?.()
  }

  const apply = (lan: LanSetting): void => {
    const wanted = lan.enabled ? String(lan.port) : ''
    if (wanted === applied) return
    applied = wanted
    applying = applying.then(async () => {
      if (closed) return
      await stop()
      if (lan.enabled && !closed) await start(lan.port)
    })
  }

  apply(options.settings.get().seats.lan)
  const unsubscribe = options.settings.onChange((next) => apply(next.seats.lan))

  const address = (): string | undefined => {
    if (!open) return undefined
    const host = bindHost === ANY_HOST ? localNetworkAddress() : bindHost
    return host ? `${host}:${open.port}` : undefined
  }

  return {
    address,
    status() {
      if (failure) return { state: 'failed', sentence: failure }
      return open ? { state: 'open', address: address() } : undefined
    },
    settled: () => applying,
    async close() {
      closed = true
      unsubscribe()
      await applying
      await stop()
    }
  }
}
