/**
 * A tunnel operator for tests: a WebSocket relay between seats and a hub that passes every
 * message through, and on the test's word closes the seat's side with any reason it likes, in
 * the WebSocket close frame, which is all a relay can write.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import { seatLinkUrl } from '../../../../src/main/core/seat-link/seat-client'

export interface ForgingRelay {
  /** The address seats are given: the relay's, in the hub's place. */
  readonly url: string
  /** Connections the relay took from seats so far. */
  readonly connections: number
  /** Closes every seat connection now with `reason`, as if the hub had said it. */
  forgeClose(reason: string): void
  /** Closes each new seat connection at once with `reason` (undefined: relay them again). */
  forgeOnConnect(reason: string | undefined): void
  close(): Promise<void>
}

export async function startForgingRelay(hubUrl: string): Promise<ForgingRelay> {
  const server: Server = createServer()
  const wss = new WebSocketServer({ server })
  const pairs = new Set<{ seat: WebSocket; hub: WebSocket }>()
  let onConnect: string | undefined
  let connections = 0

  wss.on('connection', (seat) => {
    connections += 1
    if (onConnect !== undefined) return void seat.close(1008, onConnect)
    const hub = new WebSocket(seatLinkUrl(hubUrl))
    const pair = { seat, hub }
    pairs.add(pair)
    const held: Buffer[] = []
    seat.on('message', (data: Buffer) => {
      if (hub.readyState === WebSocket.OPEN) hub.send(data)
      else held.push(data)
    })
    hub.on('open', () => held.splice(0).forEach((data) => hub.send(data)))
    hub.on('message', (data: Buffer) => seat.readyState === WebSocket.OPEN && seat.send(data))
    const end = (): void => {
      pairs.delete(pair)
      seat.terminate()
      hub.terminate()
    }
    hub.on('close', end)
    hub.on('error', end)
    seat.on('close', end)
    seat.on('error', end)
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get connections() {
      return connections
    },
    forgeClose(reason) {
      for (const pair of [...pairs]) {
        pairs.delete(pair)
        pair.hub.terminate()
        pair.seat.close(1008, reason)
      }
    },
    forgeOnConnect(reason) {
      onConnect = reason
    },
    async close() {
      for (const { seat, hub } of pairs) {
        seat.terminate()
        hub.terminate()
      }
      wss.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
