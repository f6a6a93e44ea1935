import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  createWebhookSender,
  newCallId,
  type WebhookSenderOptions
} from '../../../../src/main/simulator/platform'
import { DeliveryEnvelope, unpackDelivery } from '../../../../src/shared/webhook'
import { APP_SECRET, OFFER, PAGE_ID, PSID } from './helpers'

interface Received {
  body: Buffer
  headers: Record<string, string | string[] | undefined>
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))
  )
})

/** A callback that records raw bodies and answers with the next planned status (200 after). */
async function receiver(plan: number[] = []) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers })
      res.writeHead(plan.shift() ?? 200).end('EVENT_RECEIVED')
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/webhook`, received }
}

function sender(url: string, extra: Partial<WebhookSenderOptions> = {}) {
  return createWebhookSender({ url, appSecret: APP_SECRET, pageId: PAGE_ID, ...extra })
}

function independentSignature(body: Buffer): string {
  return `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`
}

function unpack(body: Buffer) {
  return unpackDelivery(DeliveryEnvelope.parse(JSON.parse(body.toString())))
}

describe('webhook payloads', () => {
  const build = sender('http://127.0.0.1:9/')

  it('builds a connect delivery like the docs, which the app parses', () => {
    const callId = newCallId()
    const delivery = build.connectDelivery({
      callId,
      from: PSID,
      to: PAGE_ID,
      timestamp: 1671644824
    })
    expect(delivery).toEqual({
      object: 'page',
      entry: [
        {
          id: PAGE_ID,
          time: 1671644824,
          calls: [
            {
              id: callId,
              to: PAGE_ID,
              from: PSID,
              event: 'connect',
              timestamp: 1671644824,
              call_direction: 'user_initiated'
            }
          ]
        }
      ]
    })
    const { events, dropped } = unpackDelivery(DeliveryEnvelope.parse(delivery))
    expect(dropped).toEqual([])
    expect(events).toEqual([
      {
        kind: 'call',
        pageId: PAGE_ID,
        time: delivery.entry[0]?.time,
        event: delivery.entry[0]?.calls?.[0]
      }
    ])
  })

  it('makes call ids like Meta: c_ and url-safe characters, never twice the same', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newCallId()))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^c_[A-Za-z0-9_-]{30,}$/)
  })

  it('builds terminate, media_update, call_status and permission replies that parse', () => {
    const callId = newCallId()
    const terminate = build.terminateDelivery({
      callId,
      status: 'Completed',
      start_time: 1671644824,
      end_time: 1671644944,
      duration: 120
    })
    expect(terminate.entry[0]?.calls?.[0]).toMatchObject({
      event: 'terminate',
      status: 'Completed',
      start_time: 1671644824,
      end_time: 1671644944,
      duration: 120
    })
    const media = build.mediaUpdateDelivery({ callId, version: 2, sdp: OFFER })
    expect(media.entry[0]?.calls?.[0]).toMatchObject({
      session: { version: 2, sdp_renegotiation: { sdp_type: 'offer', sdp: OFFER } }
    })
    const plain = build.mediaUpdateDelivery({ callId, version: 3, sdp: OFFER, shape: 'string' })
    expect(plain.entry[0]?.calls?.[0]).toMatchObject({ session: { sdp_renegotiation: OFFER } })
    const status = build.callStatusDelivery({ callId, status: 'ringing', recipientId: PSID })
    const reply = build.permissionReplyDelivery({
      psid: PSID,
      response: 'approve',
      expiration_timestamp: 1_900_000_000,
      expirationAsString: true
    })
    const nested = build.permissionReplyDelivery({
      psid: PSID,
      response: 'reject',
      placement: 'messaging'
    })
    const all = build.batch(terminate, media, plain, status, reply, nested)
    const { events, dropped } = unpackDelivery(DeliveryEnvelope.parse(all))
    expect(dropped).toEqual([])
    expect(events.map((e) => (e.kind === 'call' ? e.event.event : e.kind))).toEqual([
      'terminate',
      'media_update',
      'media_update',
      'call_status',
      'call_permission_reply',
      'call_permission_reply'
    ])
    expect(events[4]).toMatchObject({ approved: true, expiresAt: 1_900_000_000, psid: PSID })
    expect(events[5]).toMatchObject({ approved: false, pageId: PAGE_ID })
  })

  it('batches several calls into one entry, and leaves other entries beside it', () => {
    const a = build.connectDelivery({ callId: 'c_a', from: PSID, to: PAGE_ID })
    const b = build.terminateDelivery({ callId: 'c_b' })
    const message = build.messageDelivery({ psid: PSID, text: 'hello' })
    const merged = build.batchCalls(a, b, message)
    expect(merged.entry).toHaveLength(2)
    expect(merged.entry[0]?.calls?.map((c) => c['id'])).toEqual(['c_a', 'c_b'])
    // The original deliveries are not changed by merging.
    expect(a.entry[0]?.calls).toHaveLength(1)
    const { events, dropped } = unpackDelivery(DeliveryEnvelope.parse(merged))
    expect(events).toHaveLength(2)
    expect(dropped).toEqual([])
  })
})

describe('webhook sender', () => {
  it('signs the raw body bytes so an independent HMAC verifies them', async () => {
    const { url, received } = await receiver()
    const s = sender(url)
    const delivery = s.connectDelivery({ callId: newCallId(), from: PSID, to: PAGE_ID })
    expect(await s.deliver(delivery)).toEqual([200])
    const [got] = received
    expect(got?.headers['content-type']).toBe('application/json')
    expect(got?.headers['x-hub-signature-256']).toBe(
      independentSignature(got?.body ?? Buffer.alloc(0))
    )
    expect(got?.headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/)
    expect(unpack(got?.body ?? Buffer.alloc(0)).events).toHaveLength(1)
    expect(s.sign(got?.body ?? '')).toBe(got?.headers['x-hub-signature-256'])
  })

  it('sends a raw string body as is, signed over exactly those bytes', async () => {
    const { url, received } = await receiver()
    const raw = '{"object":"page",  "entry":[ ]}'
    await sender(url).deliver(raw)
    expect(received[0]?.body.toString()).toBe(raw)
    expect(received[0]?.headers['x-hub-signature-256']).toBe(independentSignature(Buffer.from(raw)))
  })

  it('can send unsigned or wrongly signed deliveries', async () => {
    const { url, received } = await receiver([401, 403])
    const s = sender(url)
    const delivery = s.terminateDelivery({ callId: 'c_x' })
    expect(await s.deliver(delivery, { signature: 'none' })).toEqual([401])
    expect(received[0]?.headers['x-hub-signature-256']).toBeUndefined()
    expect(await s.deliver(delivery, { signature: 'wrong' })).toEqual([403])
    const wrong = received[1]?.headers['x-hub-signature-256']
    expect(wrong).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(wrong).not.toBe(independentSignature(received[1]?.body ?? Buffer.alloc(0)))
  })

  it('sends duplicates and out-of-order deliveries', async () => {
    const { url, received } = await receiver()
    const s = sender(url)
    const callId = newCallId()
    const connect = s.connectDelivery({ callId, from: PSID, to: PAGE_ID })
    const terminate = s.terminateDelivery({ callId })
    expect(await s.deliver(connect, { duplicate: 2 })).toEqual([200, 200, 200])
    expect(new Set(received.map((r) => r.body.toString())).size).toBe(1)
    received.length = 0
    expect(await s.deliverAll([connect, terminate], { order: 'reverse' })).toEqual([[200], [200]])
    const kinds = received.map((r) => {
      const event = unpack(r.body).events[0]
      return event?.kind === 'call' ? event.event.event : undefined
    })
    expect(kinds).toEqual(['terminate', 'connect'])
    await expect(s.deliverAll([connect, terminate], { order: [0, 0] })).rejects.toThrow(
      /permutation/
    )
  })

  it('waits delayMs before sending', async () => {
    const { url } = await receiver()
    const started = Date.now()
    await sender(url).deliver({ object: 'page', entry: [] }, { delayMs: 80 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(75)
  })

  it('does not retry by default, and retries non-2xx answers when asked', async () => {
    const once = await receiver([500])
    expect(await sender(once.url).deliver({ object: 'page', entry: [] })).toEqual([500])
    expect(once.received).toHaveLength(1)
    const retried = await receiver([500, 503])
    const s = sender(retried.url, { retry: { attempts: 3, delayMs: 5 } })
    expect(await s.deliver({ object: 'page', entry: [] })).toEqual([200])
    expect(s.log.map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200]
    ])
  })

  it('reports 0 and logs a warning when nothing answers', async () => {
    const logger = memoryLogger()
    const { url } = await receiver()
    await new Promise((resolve) => servers.pop()?.close(resolve))
    const s = sender(url, { logger })
    expect(await s.deliver({ object: 'page', entry: [] })).toEqual([0])
    expect(logger.entries.some((e) => e.level === 'warn')).toBe(true)
    s.setUrl('http://127.0.0.1:9/')
    expect(s.url).toBe('http://127.0.0.1:9/')
  })
})
