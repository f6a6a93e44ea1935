/**
 * The loopback listener over raw sockets, with its timeouts scaled down: idle connections (the
 * tunnel client's sockets) are never timed out, while a request that trickles in still is.
 */
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  DEFAULT_LISTENER_TIMEOUTS,
  createLoopbackListener,
  type ListenerTimeouts,
  type LoopbackListener
} from '../../../../src/main/core/webhook/listener'

/** Every limit far below the waits in these tests; the check runs often. */
const FAST: ListenerTimeouts = { headersMs: 60, requestMs: 100, checkEveryMs: 10, keepAliveMs: 0 }
/** Several times longer than any of FAST's limits and check interval. */
const QUIET_MS = 500

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

let listener: LoopbackListener | undefined
const sockets: Socket[] = []

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await listener?.close()
  listener = undefined
})

/** Answers "ok", after reading the whole body. */
async function start(timeouts: ListenerTimeouts = FAST): Promise<number> {
  listener = createLoopbackListener(
    (req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(200, { 'content-length': '2' }).end('ok'))
    },
    memoryLogger(),
    timeouts
  )
  return (await listener.listen(0)).port
}

interface RawClient {
  socket: Socket
  /** Everything received so far. */
  received(): string
  closed(): boolean
}

async function rawClient(port: number): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  let text = ''
  let closed = false
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
  socket.on('error', () => undefined)
  socket.on('close', () => (closed = true))
  await new Promise((resolve) => socket.once('connect', resolve))
  return { socket, received: () => text, closed: () => closed }
}

const GET = 'GET /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'

describe('idle connections', () => {
  it('a connection that sent nothing outlives every timeout, and its request is then served', async () => {
    const client = await rawClient(await start())
    await sleep(QUIET_MS)
    expect(client.received()).toBe('')
    expect(client.closed()).toBe(false)
    client.socket.write(GET)
    await expect.poll(client.received).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nok$/)
  })

  it('a connection idle after a response stays open for the next request', async () => {
    const client = await rawClient(await start())
    client.socket.write(GET)
    await expect.poll(client.received).toMatch(/ok$/)
    await sleep(QUIET_MS)
    expect(client.closed()).toBe(false)
    client.socket.write(GET)
    await expect.poll(() => client.received().match(/HTTP\/1\.1 200/g)?.length).toBe(2)
  })

  it('close() ends connections that are still waiting for their first byte', async () => {
    const client = await rawClient(await start())
    await listener?.close()
    listener = undefined
    await expect.poll(client.closed).toBe(true)
  })
})

describe('requests that trickle in are still cut off', () => {
  it('headers not complete within the headers limit: 408 and closed', async () => {
    const client = await rawClient(await start())
    client.socket.write('GET /webhook HTTP/1.1\r\n')
    await sleep(QUIET_MS)
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/)
    expect(client.closed()).toBe(true)
  })

  it('a body not complete within the request limit: 408 and closed', async () => {
    const client = await rawClient(await start())
    client.socket.write('POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nx')
    await sleep(QUIET_MS)
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/)
    expect(client.closed()).toBe(true)
  })

  it('the limits count from a request’s first byte, also on a reused connection', async () => {
    // Roomier limits, so that "not cut yet" holds on a busy machine too.
    const roomy: ListenerTimeouts = { ...FAST, headersMs: 400, requestMs: 500 }
    const client = await rawClient(await start(roomy))
    client.socket.write(GET)
    await expect.poll(client.received).toMatch(/ok$/)
    await sleep(2 * roomy.requestMs)
    client.socket.write('GET /webhook HTTP/1.1\r\n')
    // Timed from this request, not from the connection or the last response: not cut yet.
    await sleep(100)
    expect(client.received()).not.toMatch(/408/)
    await expect.poll(client.received, { timeout: 3000 }).toMatch(/HTTP\/1\.1 408 Request Timeout/)
  })
})

describe('the defaults', () => {
  it('bound a slow request to 30 s at most and never close a connection for being idle', () => {
    const d = DEFAULT_LISTENER_TIMEOUTS
    expect(d.headersMs).toBeGreaterThan(0)
    expect(d.headersMs).toBeLessThanOrEqual(d.requestMs)
    expect(d.requestMs).toBeLessThanOrEqual(30_000)
    expect(d.checkEveryMs).toBeLessThan(d.requestMs)
    expect(d.keepAliveMs).toBe(0)
  })
})
