import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import { createWebhookServer } from '../../../../src/main/core/webhook/server'
import type {
  DeliveryMeta,
  EventsConsumer,
  VerificationInfo,
  WebhookServer
} from '../../../../src/main/core/webhook/server'
import { signBody } from '../../../../src/main/core/webhook/signature'
import type { WebhookEvent } from '../../../../src/shared/webhook'
import { PAGE_ID, connect, delivery, entry, terminate } from './fixtures'

const SECRET = 'integration-app-secret'
const TOKEN = 'integration-verify-token'

interface Harness {
  server: WebhookServer
  url: string
  logger: ReturnType<typeof memoryLogger>
  received: { events: WebhookEvent[]; meta: DeliveryMeta }[]
  verifications: VerificationInfo[]
}

let h: Harness
let consumer: EventsConsumer | undefined

async function start(
  overrides: { path?: string; bodyLimitBytes?: number; appSecret?: string } = {}
): Promise<Harness> {
  const logger = memoryLogger()
  const received: Harness['received'] = []
  const verifications: VerificationInfo[] = []
  const server = createWebhookServer({
    appSecret: SECRET,
    verifyToken: TOKEN,
    logger,
    ...overrides,
    onEvents: (events, meta) => {
      received.push({ events, meta })
      return consumer?.(events, meta)
    },
    onVerification: (info) => verifications.push(info)
  })
  const { url } = await server.listen(0)
  return { server, url, logger, received, verifications }
}

beforeEach(async () => {
  consumer = undefined
  h = await start()
})

afterEach(async () => {
  await h.server.close()
})

function post(
  body: string | Buffer,
  signature: string | null = signBody(body, SECRET),
  url = h.url
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (signature !== null) headers['x-hub-signature-256'] = signature
  return fetch(url, { method: 'POST', body, headers })
}

const json = (value: unknown): string => JSON.stringify(value)
const callIds = (events: WebhookEvent[]): string[] =>
  events.map((e) => (e.kind === 'call' ? `${e.event.event}:${e.event.id}` : e.kind))
const warnings = (): { message: string; fields: Record<string, unknown> }[] =>
  h.logger.entries.filter((e) => e.level === 'warn')

describe('verification handshake', () => {
  const handshake = (q: string): Promise<Response> => fetch(`${h.url}?${q}`)

  it('echoes the challenge as plain text for subscribe with the right token', async () => {
    const before = Date.now()
    const res = await handshake(
      `hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1158201444`
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await res.text()).toBe('1158201444')
    expect(h.verifications).toHaveLength(1)
    expect(h.verifications[0]!.ok).toBe(true)
    expect(h.verifications[0]!.at).toBeGreaterThanOrEqual(before)
  })

  it.each([
    ['a wrong token', 'hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1', 'token'],
    ['a wrong mode', `hub.mode=unsubscribe&hub.verify_token=${TOKEN}&hub.challenge=1`, 'mode'],
    ['no parameters', '', 'mode']
  ])('answers 403 to %s and reports the failure', async (_name, q, reason) => {
    const res = await handshake(q)
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain('1')
    expect(h.verifications).toEqual([{ ok: false, at: expect.any(Number), reason }])
  })

  it('uses the verify token set by update()', async () => {
    h.server.update({ verifyToken: 'rotated-token' })
    const old = await handshake(`hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=7`)
    const fresh = await handshake(
      'hub.mode=subscribe&hub.verify_token=rotated-token&hub.challenge=7'
    )
    expect([old.status, fresh.status]).toEqual([403, 200])
  })

  it('never logs the verify token', async () => {
    await handshake('hub.mode=subscribe&hub.verify_token=wrong-guess-token&hub.challenge=1')
    await handshake(`hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1`)
    const logged = JSON.stringify(h.logger.entries)
    expect(logged).not.toContain(TOKEN)
    expect(logged).not.toContain('wrong-guess-token')
  })
})

describe('signed deliveries', () => {
  it('acknowledges with 200 and hands the events to onEvents', async () => {
    const before = Date.now()
    const res = await post(json(delivery(entry([connect('c_1')]))))
    expect(res.status).toBe(200)
    await h.server.drained()
    expect(h.received).toHaveLength(1)
    const [first] = h.received
    expect(first!.events).toEqual([
      {
        kind: 'call',
        pageId: PAGE_ID,
        time: expect.any(Number),
        event: expect.objectContaining({ event: 'connect', id: 'c_1', from: 'psid-c_1' })
      }
    ])
    expect(first!.meta.receivedAt).toBeGreaterThanOrEqual(before)
    expect(first!.meta.receivedAt).toBeLessThanOrEqual(Date.now())
  })

  it('unpacks a batch of 2 entries x 2 calls in order, in one call to onEvents', async () => {
    const body = delivery(
      entry([connect('c_1'), terminate('c_0')], 'page-a'),
      entry([connect('c_2'), terminate('c_1')], 'page-b')
    )
    expect((await post(json(body))).status).toBe(200)
    await h.server.drained()
    expect(h.received).toHaveLength(1)
    const events = h.received[0]!.events
    expect(callIds(events)).toEqual([
      'connect:c_1',
      'terminate:c_0',
      'connect:c_2',
      'terminate:c_1'
    ])
    expect(events.map((e) => e.pageId)).toEqual(['page-a', 'page-a', 'page-b', 'page-b'])
  })

  it('keeps arrival order across deliveries even when the consumer is async and uneven', async () => {
    const finished: string[] = []
    const delays = [40, 0, 25, 5, 0]
    consumer = async (events) => {
      const id = callIds(events)[0]!
      await new Promise((resolve) => setTimeout(resolve, delays.shift() ?? 0))
      finished.push(id)
    }
    for (let i = 0; i < 5; i++) {
      expect((await post(json(delivery(entry([connect(`c_${i}`)]))))).status).toBe(200)
    }
    await h.server.drained()
    expect(finished).toEqual([
      'connect:c_0',
      'connect:c_1',
      'connect:c_2',
      'connect:c_3',
      'connect:c_4'
    ])
  })

  it('accepts a body of exactly the limit', async () => {
    const base = json(delivery(entry([connect('c_big')])))
    const body = base.slice(0, -1) + ' '.repeat(1024 * 1024 - base.length) + '}'
    expect(Buffer.byteLength(body)).toBe(1024 * 1024)
    expect((await post(body)).status).toBe(200)
    await h.server.drained()
    expect(callIds(h.received[0]!.events)).toEqual(['connect:c_big'])
  })

  it('drops an unknown event and a malformed connect, processes the rest, and warns', async () => {
    const marker = 'psid-do-not-log-me'
    const body = delivery(
      entry([
        connect('c_1'),
        { id: 'c_x', event: 'video_upgrade', timestamp: 1, from: marker },
        { id: 'c_bad', event: 'connect', to: marker, timestamp: 1 },
        terminate('c_1')
      ])
    )
    expect((await post(json(body))).status).toBe(200)
    await h.server.drained()
    expect(callIds(h.received[0]!.events)).toEqual(['connect:c_1', 'terminate:c_1'])
    const dropped = warnings().filter((w) => w.message === 'dropped webhook item')
    expect(dropped.map((w) => w.fields['where'])).toEqual([
      'entry[0].calls[1]',
      'entry[0].calls[2]'
    ])
    for (const w of dropped) {
      expect(Object.keys(w.fields).sort()).toEqual(['reason', 'where'])
      expect(w.fields['reason']).toEqual(expect.any(String))
    }
    expect(JSON.stringify(h.logger.entries)).not.toContain(marker)
  })

  it('acknowledges but does not call onEvents for a delivery with nothing usable', async () => {
    expect((await post(json(delivery(entry([{ event: 'unknown' }]), 'not-an-entry')))).status).toBe(
      200
    )
    await h.server.drained()
    expect(h.received).toEqual([])
    expect(warnings().filter((w) => w.message === 'dropped webhook item')).toHaveLength(2)
  })

  it('logs a consumer failure and still serves and delivers what comes next', async () => {
    let calls = 0
    consumer = (events) => {
      calls += 1
      if (calls === 1) throw new Error('consumer exploded')
      if (calls === 2) return Promise.reject(new Error('consumer rejected'))
      expect(callIds(events)).toEqual(['connect:c_3'])
    }
    for (const id of ['c_1', 'c_2', 'c_3']) {
      expect((await post(json(delivery(entry([connect(id)]))))).status).toBe(200)
    }
    await h.server.drained()
    expect(calls).toBe(3)
    const errors = h.logger.entries.filter((e) => e.level === 'error')
    expect(errors.map((e) => e.fields['error'])).toEqual([
      'Error: consumer exploded',
      'Error: consumer rejected'
    ])
  })

  it('acknowledges long before a slow consumer finishes', async () => {
    const consumerMs = 1000
    let consumerDone = false
    consumer = async (events) => {
      if (callIds(events)[0] !== 'connect:c_slow') return
      await new Promise((resolve) => setTimeout(resolve, consumerMs))
      consumerDone = true
    }
    const started = performance.now()
    const first = await post(json(delivery(entry([connect('c_slow')]))))
    const firstAck = performance.now() - started
    // A second delivery while the consumer is still busy is acknowledged at once too.
    const second = await post(json(delivery(entry([connect('c_next')]))))
    const bothAcked = performance.now() - started
    expect([first.status, second.status]).toEqual([200, 200])
    expect(consumerDone).toBe(false)
    expect(firstAck).toBeLessThan(consumerMs / 4)
    expect(bothAcked).toBeLessThan(consumerMs / 2)
    await h.server.drained()
    expect(consumerDone).toBe(true)
    expect(h.received.map((r) => callIds(r.events)[0])).toEqual([
      'connect:c_slow',
      'connect:c_next'
    ])
  })
})

describe('refused deliveries never reach onEvents', () => {
  const valid = json(delivery(entry([connect('c_1')])))

  afterEach(async () => {
    await h.server.drained()
    expect(h.received).toEqual([])
  })

  it('401 without a signature', async () => {
    const res = await post(valid, null)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'unauthorized' })
  })

  it('401 without a signature before reading the body, however large', async () => {
    const res = await post(Buffer.alloc(1024 * 1024 + 1, 0x20), null)
    expect(res.status).toBe(401)
  })

  it('401 with a signature made with another secret', async () => {
    expect((await post(valid, signBody(valid, 'not-the-secret'))).status).toBe(401)
  })

  it('401 with a malformed signature header', async () => {
    expect((await post(valid, 'sha256=abc')).status).toBe(401)
  })

  it.each([
    ['extra spaces', '{ "object": "page",  "entry": [ {"id":"1","calls":[]} ] }'],
    ['unicode escapes', '{"object":"page","entry":[{"id":"\\u0031","calls":[]}]}'],
    // Meta escapes non-ASCII and '/' this way; re-serialising silently unescapes them.
    [
      'escaped non-ASCII and slashes',
      '{"object":"page","entry":[{"id":"1","note":"caf\\u00e9 \\/"}]}'
    ]
  ])(
    '401 when the signature covers re-serialised JSON, not the raw bytes (%s)',
    async (_n, raw) => {
      const reserialised = JSON.stringify(JSON.parse(raw))
      expect(reserialised).not.toBe(raw)
      expect((await post(raw, signBody(reserialised, SECRET))).status).toBe(401)
    }
  )

  it('401 for the signature under the old secret after update()', async () => {
    h.server.update({ appSecret: 'rotated-secret' })
    expect((await post(valid)).status).toBe(401)
  })

  it('401 for everything while no app secret is set, even bodies signed with the empty one', async () => {
    await h.server.close()
    h = await start({ appSecret: '' })
    expect((await post(valid, signBody(valid, ''))).status).toBe(401)
  })

  it('413 for 1 MiB + 1 bytes, even when signed', async () => {
    const body = Buffer.alloc(1024 * 1024 + 1, 0x20)
    const res = await post(body)
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ error: 'payload too large' })
  })

  it('413 for an oversized chunked upload with no declared length', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk)
        else controller.close()
      }
    })
    const res = await fetch(h.url, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) }
    } as RequestInit)
    expect(res.status).toBe(413)
  })

  it('413 above a configured smaller limit', async () => {
    await h.server.close()
    h = await start({ bodyLimitBytes: 64 })
    expect((await post(' '.repeat(65))).status).toBe(413)
  })

  it.each([
    ['bad JSON', '{"object":"page","entry":['],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])],
    ['another object type', '{"object":"user","entry":[]}'],
    ['only an object type', '{"object":"user"}'],
    ['entry not an array', '{"object":"page","entry":{"id":"1","calls":[]}}'],
    ['a top-level array', '[]']
  ])('400 for %s (correctly signed)', async (_name, body) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'bad request' })
  })
})

describe('routes and hygiene', () => {
  it('404 for unknown routes, whatever the method', async () => {
    const other = h.url.replace(/\/webhook$/, '/other')
    const responses = await Promise.all([fetch(other), post('{}', null, other)])
    expect(responses.map((r) => r.status)).toEqual([404, 404])
    expect(await responses[0]!.json()).toEqual({ error: 'not found' })
  })

  it.each(['PUT', 'DELETE', 'PATCH'])('405 for %s on the webhook path', async (method) => {
    const res = await fetch(h.url, { method, body: '{}' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST')
  })

  it('sends no X-Powered-By and keeps error bodies small', async () => {
    const responses = await Promise.all([
      fetch(h.url),
      post('{}', null),
      post('nope'),
      fetch(`${h.url}/%E0%A4%A`),
      fetch(h.url, { method: 'PUT' })
    ])
    for (const res of responses) {
      expect(res.headers.get('x-powered-by')).toBeNull()
      const text = await res.text()
      expect(text.length).toBeLessThan(64)
      expect(text).not.toMatch(/at |Error|\//)
    }
  })

  it('serves a configured path and only that one', async () => {
    await h.server.close()
    h = await start({ path: '/meta/hook' })
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/meta\/hook$/)
    const body = json(delivery(entry([connect('c_1')])))
    expect((await post(body)).status).toBe(200)
    expect(
      (await post(body, signBody(body, SECRET), h.url.replace('/meta/hook', '/webhook'))).status
    ).toBe(404)
    await h.server.drained()
    expect(h.received).toHaveLength(1)
  })

  it('refuses paths that the router would read as patterns', () => {
    for (const path of ['webhook', '/hook/:id', '/*all', '/a{b}', '/']) {
      expect(() =>
        createWebhookServer({
          appSecret: SECRET,
          verifyToken: TOKEN,
          path,
          logger: h.logger,
          onEvents: () => {}
        })
      ).toThrow(/Invalid webhook path/)
    }
  })

  it('binds to loopback only', async () => {
    const other = createWebhookServer({
      appSecret: SECRET,
      verifyToken: TOKEN,
      logger: h.logger,
      onEvents: () => {}
    })
    await expect(other.listen(0, '0.0.0.0')).rejects.toThrow(/loopback/)
    await expect(h.server.listen(0)).rejects.toThrow(/already listening/)
  })

  it('refuses a second listen while the first is pending, and recovers from a busy port', async () => {
    const other = createWebhookServer({
      appSecret: SECRET,
      verifyToken: TOKEN,
      logger: h.logger,
      onEvents: () => {}
    })
    const busyPort = Number(new URL(h.url).port)
    await expect(other.listen(busyPort)).rejects.toThrow(/EADDRINUSE/)
    const first = other.listen(0)
    await expect(other.listen(0)).rejects.toThrow(/already listening/)
    const { url } = await first
    expect((await fetch(url, { method: 'PUT' })).status).toBe(405)
    await other.close()
  })

  it('closes promptly although a keep-alive connection is open', async () => {
    const res = await fetch(`${h.url}?hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1`)
    expect(res.headers.get('connection')).toBe('keep-alive')
    await res.text()
    const started = performance.now()
    await h.server.close()
    // Node keeps an idle keep-alive socket for 5 s; a close that waited on it would take that long.
    expect(performance.now() - started).toBeLessThan(1000)
    await expect(fetch(h.url)).rejects.toThrow()
  })
})
