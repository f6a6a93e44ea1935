/**
 * The hub's door for seats: WebSocket upgrades on SEAT_LINK_PATH of the webhook listener, so the
 * one tunnel (or reverse proxy) that carries Meta's webhook carries the seats too. Each connection
 * runs the secure handshake (pairing.ts: a pairing code, or a listed seat key); an accepted seat
 * is then a client of the service like any UI, with the role 'seat' and its desk name, speaking
 * the bridge's envelopes (serve-envelope.ts) inside the sealed link (link-frames.ts).
 *
 * One live connection per seat: a newer one replaces the older, which is closed with the reason.
 * Pings find a seat that vanished without a close (a laptop lid, a dropped Wi-Fi): two unanswered
 * ones end its connection. A removed seat is cut off by acceptSeat's own watch on the registry.
 */
import { randomUUID } from 'node:crypto'
import { WebSocketServer, type WebSocket } from 'ws'
import { createRefusalLog, type RefusalLogTimers } from '../bridge/refusal-log'
import type { Logger } from '../log'
import type { CommandRunner } from '../service/serve-command'
import { serveEnvelope } from '../service/serve-envelope'
import type { ClientHandle, SoftphoneService } from '../service/softphone-service'
import type { UpgradeHandler } from '../webhook/listener'
import { eventFrames } from './event-frames'
import { refuseSealed, sendControl } from './link-control'
import { framePieces, frameReader, MAX_SEAT_FRAME_BYTES, sendPieces } from './link-frames'
import { webSocketTransport } from './message-transport'
import { MAX_NOISE_MESSAGE } from './noise-primitives'
import { acceptSeat, type HubPairing } from './pairing'
import type { SecureLink } from './secure-link'

/** Where seats connect, beside the webhook path on the same listener. */
export const SEAT_LINK_PATH = '/softphone/seats'
/** How often the hub pings each seat; two unanswered pings end the connection. */
export const SEAT_PING_MS = 20_000
const MAX_MISSED_PINGS = 2
const CLOSE_GRACE_MS = 1000
/** What may wait unsent to one seat; past it the seat is not reading, and is let go. */
export const MAX_UNSENT_BYTES = 4 * 1024 * 1024
export const SLOW_SEAT_REASON = 'This desk did not keep up with the hub: its connection was closed'

export const REPLACED_REASON = 'This desk connected again: this older connection was replaced'
export const HUB_STOPPING_REASON = 'The hub is stopping'

export interface SeatEndpointOptions {
  hub: HubPairing
  service: Pick<SoftphoneService, 'attach'> & CommandRunner
  logger: Logger
  /** The link version this hub speaks (tests give another to see a mismatch refused). */
  version?: string | undefined
  pingMs?: number | undefined
  handshakeTimeoutMs?: number | undefined
  /** Hears each seat come online and go offline (a replaced connection is not a going). */
  onPresence?: ((seat: { name: string; online: boolean }) => void) | undefined
  /** The refusal log's timers (tests count its lines without waiting a minute). */
  refusalTimers?: RefusalLogTimers | undefined
}

export interface SeatEndpoint {
  /** For the webhook listener's serveUpgrades(SEAT_LINK_PATH, ...). */
  readonly handleUpgrade: UpgradeHandler
  /** The names of the seats connected now. */
  online(): string[]
  /**
   * The hub's public address now: told (sealed) to every connected seat when it changes, and to
   * each seat as it connects, so that after a drop it reconnects where the hub is now.
   */
  setPublicUrl(url: string | null): void
  /** Ends every seat connection (and handshake) with the reason; stops taking new ones. */
  close(): Promise<void>
}

interface LiveSeat {
  name: string
  link: SecureLink
}

export function createSeatEndpoint(options: SeatEndpointOptions): SeatEndpoint {
  const log = options.logger.child('seats')
  // Anyone who finds the address can knock: refusals are summed up once a minute, not one a line.
  const refusals = createRefusalLog(log, options.refusalTimers, 'seat connection')
  // No link message is larger than a Noise message: ws refuses a bigger one before buffering it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_NOISE_MESSAGE })
  const live = new Map<string, LiveSeat>()
  // One serialization of an event for every seat it goes to.
  const framesOf = eventFrames()
  const pingMs = options.pingMs ?? SEAT_PING_MS
  let closed = false
  let publicUrl: string | null = null
  const tellHubUrl = (link: SecureLink): void => {
    if (publicUrl) sendControl(link, { type: 'hub-url', url: publicUrl })
  }

  function keepAlive(ws: WebSocket): void {
    let missed = 0
    ws.on('pong', () => (missed = 0))
    // Periodic timer "seat link pings": the hub pings each connected seat every 20 s.
    const timer = setInterval(() => {
      if (missed >= MAX_MISSED_PINGS) {
        log.info('a seat stopped answering pings')
        return void ws.terminate()
      }
      missed += 1
      ws.ping()
    }, pingMs)
    timer.unref()
    ws.once('close', () => clearInterval(timer))
  }

  async function serve(ws: WebSocket): Promise<void> {
    // ws reports protocol errors (an oversized message) here and closes the socket itself;
    // unheard, the event would throw and take the core down.
    ws.on('error', (error) => log.warn('seat connection error', { error: String(error) }))
    keepAlive(ws)
    let accepted
    try {
      accepted = await acceptSeat(webSocketTransport(ws), options.hub, {
        version: options.version,
        handshakeTimeoutMs: options.handshakeTimeoutMs
      })
    } catch (error) {
      refusals.note((error as Error).message, null)
      return
    }
    const { link, seat } = accepted
    if (closed) return link.close(HUB_STOPPING_REASON)
    const key = seat.publicKey.toString('base64')
    const older = live.get(key)
    if (older) refuseSealed(older.link, REPLACED_REASON)
    const entry: LiveSeat = { name: seat.name, link }
    live.set(key, entry)
    options.onPresence?.({ name: seat.name, online: true })
    tellHubUrl(link)

    const send = (pieces: readonly Buffer[]): void => {
      if (link.closed) return
      // Events would pile up in memory for a seat that stopped reading (or a stalled tunnel).
      if (ws.bufferedAmount > MAX_UNSENT_BYTES) {
        log.warn('a seat is not reading; closing it', { seat: seat.name })
        link.close(SLOW_SEAT_REASON)
        return void ws.terminate()
      }
      try {
        sendPieces(link, pieces)
      } catch (error) {
        log.warn('could not send to a seat', { seat: seat.name, error: String(error) })
      }
    }
    const client: ClientHandle = {
      id: `seat-${randomUUID()}`,
      role: 'seat',
      deskName: seat.name,
      send: (message) => send(framesOf(message))
    }
    const detach = options.service.attach(client)
    log.info('seat connected', { seat: seat.name, client: client.id })
    const read = frameReader(MAX_SEAT_FRAME_BYTES, (text) => {
      const replying = serveEnvelope(options.service, client, text, log)
      if (!replying) return link.close('not a request frame')
      void replying.then((reply) => send(framePieces(JSON.stringify(reply))))
    })
    link.onMessage((message) => {
      try {
        read(message)
      } catch (error) {
        link.close((error as Error).message)
      }
    })
    link.onClose((reason) => {
      detach()
      if (live.get(key) === entry) {
        live.delete(key)
        options.onPresence?.({ name: seat.name, online: false })
      }
      log.info('seat disconnected', { seat: seat.name, reason })
    })
  }

  return {
    handleUpgrade(request, socket, head) {
      if (closed) return void socket.destroy()
      wss.handleUpgrade(request, socket, head, (ws) => void serve(ws))
    },
    online: () => [...live.values()].map(({ name }) => name),
    setPublicUrl(url) {
      // Null is a tunnel down for a moment: seats keep the address they have.
      if (url === null || url === publicUrl) return
      publicUrl = url
      for (const { link } of live.values()) tellHubUrl(link)
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true
        refusals.dispose()
        // Seats hear why; handshakes still running are simply cut.
        for (const { link } of live.values()) link.close(HUB_STOPPING_REASON)
        live.clear()
        for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.terminate()
        // A seat that does not finish the close handshake is not waited for.
        // Timer "seat link close grace" (once, on stop).
        const cut = setTimeout(() => wss.clients.forEach((ws) => ws.terminate()), CLOSE_GRACE_MS)
        wss.close(() => {
          clearTimeout(cut)
          resolve()
        })
      })
  }
}
