import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ServiceError, type EventMessage } from '../../../../src/shared/api'
import { createBridgeClient, type SocketLike } from '../../../../src/shared/bridge-client'
import { INVALID_FRAME } from '../../../../src/shared/command-protocol'
import { attachBridge, type Bridge } from '../../../../src/main/core/bridge/ws-bridge'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'
import { memoryLogger } from '../../../../src/main/core/log'

const TOKEN = 'test-token-1234567890'

/** A service double that records what reached it and answers like the real one. */
function fakeService() {
  const clients = new Map<string, ClientHandle>()
  const calls: { name: string; request: unknown; client: string }[] = []
  return {
    clients,
    calls,
    attach(client: ClientHandle) {
      clients.set(client.id, client)
      return () => clients.delete(client.id)
    },
    async dispatch(name: string, request: unknown, client: ClientHandle): Promise<unknown> {
      calls.push({ name, request, client: client.id })
      if (name === 'decline') throw new ServiceError('conflict', 'Already answered elsewhere.')
      if (name === 'boom') throw new Error('secret internal detail')
      return { echoed: request, clientId: client.id }
    },
    broadcast(message: EventMessage) {
      for (const client of clients.values()) client.send(message)
    }
  }
}

describe('WebSocket bridge', () => {
  let server: Server
  let bridge: Bridge
  let service: ReturnType<typeof fakeService>
  let port: number
  let logger: ReturnType<typeof memoryLogger>
  const sockets: WebSocket[] = []

  beforeEach(async () => {
    server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    service = fakeService()
    logger = memoryLogger()
    bridge = attachBridge({
      server,
      service,
      token: TOKEN,
      allowedOrigins: () => [`http://127.0.0.1:${port}`],
      logger
    })
  })

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate()
    await bridge.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  function open(query = `token=${TOKEN}`, origin?: string): Promise<WebSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?${query}`, {
      headers: origin ? { origin } : {}
    })
    sockets.push(socket)
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket))
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
      socket.once('error', reject)
    })
  }

  it('refuses a connection without the token, or with a wrong one', async () => {
    await expect(open('')).rejects.toThrow('403')
    await expect(open('token=wrong')).rejects.toThrow('403')
    expect(service.clients.size).toBe(0)
  })

  it('logs a storm of refused connections once, and the rest as one count when the minute ends', async () => {
    for (let i = 0; i < 30; i++) await expect(open('token=wrong')).rejects.toThrow('403')
    const refusals = logger.entries.filter((entry) => /refused/.test(entry.message))
    expect(refusals).toHaveLength(1)
    await bridge.close()
    expect(
      logger.entries.filter((entry) => /refused/.test(entry.message)).at(-1)?.fields
    ).toMatchObject({
      count: 29
    })
  })

  it('refuses a browser connection from a foreign origin', async () => {
    await expect(open(`token=${TOKEN}`, 'https://evil.example')).rejects.toThrow('403')
    const ok = await open(`token=${TOKEN}`, `http://127.0.0.1:${port}`)
    expect(ok.readyState).toBe(WebSocket.OPEN)
  })

  it('carries commands and results, and turns failures into sentences', async () => {
    const client = createBridgeClient((await open()) as unknown as SocketLike)
    const result = (await client.api.hangUp({ callId: 'c_1' })) as unknown as { echoed: unknown }
    expect(result.echoed).toEqual({ callId: 'c_1' })
    await expect(client.api.decline({ callId: 'c_1' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Already answered elsewhere.'
    })
    expect(service.calls.map((c) => c.name)).toEqual(['hangUp', 'decline'])
  })

  it('never forwards an internal error message', async () => {
    const socket = await open()
    const reply = new Promise<string>((resolve) =>
      socket.once('message', (d) => resolve(String(d)))
    )
    socket.send(JSON.stringify({ type: 'request', id: 7, command: 'boom', request: {} }))
    const frame = JSON.parse(await reply) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(frame.ok).toBe(false)
    expect(frame.error.code).toBe('internal')
    expect(frame.error.message).not.toContain('secret')
  })

  it.each([
    ['text that is not JSON', 'hello'],
    ['a frame of another type', '{"type":"nonsense"}'],
    ['a request without an id', '{"type":"request","command":"hello","request":{}}'],
    ['a request with a negative id', '{"type":"request","id":-1,"command":"hello","request":{}}']
  ])('closes a connection that sends %s: there is no one to reply to', async (_name, text) => {
    const socket = await open()
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send(text)
    expect(await closed).toBe(1007)
    expect(service.calls).toHaveLength(0)
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'refused a frame without an envelope'
    )
  })

  it('replies to a malformed command in a good envelope, as IPC does, and stays open', async () => {
    const socket = await open()
    const reply = new Promise<string>((resolve) =>
      socket.once('message', (d) => resolve(String(d)))
    )
    socket.send(JSON.stringify({ type: 'request', id: 3, command: 42, request: {} }))
    expect(JSON.parse(await reply)).toEqual({
      type: 'response',
      id: 3,
      ok: false,
      error: INVALID_FRAME
    })
    expect(service.calls).toHaveLength(0)
    expect(socket.readyState).toBe(WebSocket.OPEN)
  })

  it('survives a frame over the size limit: that client is closed, the bridge goes on', async () => {
    // ws reports an oversized frame as an 'error' event on the server socket: without a listener
    // Node would throw it, and one misbehaving desk would take the whole core down.
    const socket = await open()
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send('x'.repeat(300 * 1024))
    expect(await closed).toBe(1009)
    await expect.poll(() => bridge.clientCount).toBe(0)
    const again = createBridgeClient((await open()) as unknown as SocketLike)
    await expect(again.api.listCalls({})).resolves.toBeDefined()
  })

  it('broadcasts events to every connected client, each with its own identity', async () => {
    const a = createBridgeClient((await open()) as unknown as SocketLike)
    const b = createBridgeClient((await open()) as unknown as SocketLike)
    const seen: string[] = []
    a.on('status', () => seen.push('a'))
    b.on('status', () => seen.push('b'))
    const ids = await Promise.all([a.api.getStatus({}), b.api.getStatus({})])
    const [idA, idB] = ids.map((r) => (r as unknown as { clientId: string }).clientId)
    expect(idA).not.toBe(idB)
    expect(bridge.clientCount).toBe(2)
    service.broadcast({
      event: 'status',
      payload: {
        page: { configured: false },
        webhookUrl: null,
        publicUrl: null,
        tunnel: { state: 'off' },
        registration: { state: 'not-needed', reason: 'no-public-url' }
      }
    })
    await expect.poll(() => seen.sort()).toEqual(['a', 'b'])
  })

  it('rejects pending requests when the connection drops', async () => {
    const socket = await open()
    const client = createBridgeClient(socket as unknown as SocketLike)
    service.dispatch = () => new Promise(() => undefined)
    const pending = client.api.listCalls({})
    socket.terminate()
    await expect(pending).rejects.toThrow('lost')
  })
})
