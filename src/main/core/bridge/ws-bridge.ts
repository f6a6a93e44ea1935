/**
 * The loopback WebSocket bridge: serves the service API to browser-mode UIs, the simulator and
 * (later) other desks. It is reachable only from this machine, and only with the per-run token; a
 * browser connection must also come from an allowed Origin, so a web page the user happens to visit
 * cannot drive the phone even though it can reach 127.0.0.1.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import {
  BRIDGE_ENVELOPE_BYTES,
  BRIDGE_PATH,
  BRIDGE_TOKEN_PARAM,
  COMMAND_LIMITS,
  type BridgeServerFrame
} from '../../../shared/command-protocol'
import type { Logger } from '../log'
import type { CommandRunner } from '../service/serve-command'
import { serveEnvelope } from '../service/serve-envelope'
import { createRefusalLog } from './refusal-log'
import type { ClientHandle, SoftphoneService } from '../service/softphone-service'

export interface BridgeOptions {
  server: Server
  service: Pick<SoftphoneService, 'attach'> & CommandRunner
  token: string
  /** Origins a browser may connect from (e.g. the UI's own http://127.0.0.1:port). */
  allowedOrigins: () => readonly string[]
  logger: Logger
}

export interface Bridge {
  readonly clientCount: number
  close(): Promise<void>
}

export function generateBridgeToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function attachBridge(options: BridgeOptions): Bridge {
  const log = options.logger.child('bridge')
  const wss = new WebSocketServer({
    noServer: true,
    // A message this large is cut by ws and its connection closed (1009); one within it but over
    // the protocol's limit gets the same reply as over IPC, from serveCommand.
    maxPayload: COMMAND_LIMITS.frameBytes + BRIDGE_ENVELOPE_BYTES
  })
  const refusals = createRefusalLog(log)

  function refuse(request: IncomingMessage): string | undefined {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== BRIDGE_PATH) return 'unknown path'
    if (!sameSecret(url.searchParams.get(BRIDGE_TOKEN_PARAM) ?? '', options.token))
      return 'bad token'
    // Browsers always send Origin; local tools (the simulator, tests) send none and rely on the token.
    const origin = request.headers.origin
    if (origin !== undefined && !options.allowedOrigins().includes(origin))
      return 'origin not allowed'
    return undefined
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const reason = refuse(request)
    if (reason) {
      refusals.note(reason, request.headers.origin ?? null)
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws))
  }
  options.server.on('upgrade', onUpgrade)

  function serve(ws: WebSocket): void {
    const send = (frame: BridgeServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    const client: ClientHandle = {
      id: `ws-${randomUUID()}`,
      send: (message) => send({ type: 'event', ...message })
    }
    const detach = options.service.attach(client)
    log.info('client connected', { client: client.id })
    ws.on('close', () => {
      detach()
      log.info('client disconnected', { client: client.id })
    })
    // ws emits protocol errors (an oversized frame, invalid UTF-8) here and closes the socket
    // itself; without a listener Node throws the event and the whole core goes down.
    ws.on('error', (error) => {
      log.warn('client connection error', { client: client.id, error: String(error) })
    })
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only')
      const replying = serveEnvelope(options.service, client, data.toString(), log)
      if (!replying) return ws.close(1007, 'not a request frame')
      void replying.then(send)
    })
  }

  return {
    get clientCount() {
      return wss.clients.size
    },
    close: () =>
      new Promise<void>((resolve) => {
        options.server.off('upgrade', onUpgrade)
        refusals.dispose()
        for (const ws of wss.clients) ws.terminate()
        wss.close(() => resolve())
      })
  }
}
