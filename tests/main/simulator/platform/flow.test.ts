/**
 * The pieces together, the way the scenario layer will use them: a call rings, the connect webhook
 * goes out, the business accepts and hangs up over HTTP, and the terminate webhook follows.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhookSender } from '../../../../src/main/simulator/platform'
import { AcceptResponse } from '../../../../src/shared/graph'
import { DeliveryEnvelope, unpackDelivery, type WebhookEvent } from '../../../../src/shared/webhook'
import { APP_SECRET, OFFER, PAGE_ID, PSID, startGraph } from './helpers'

let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

async function collector(): Promise<{ url: string; events: WebhookEvent[] }> {
  const events: WebhookEvent[] = []
  server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString()))
    req.on('end', () => {
      events.push(...unpackDelivery(DeliveryEnvelope.parse(JSON.parse(text))).events)
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, events }
}

describe('fake platform: one consumer-initiated call end to end', () => {
  it('rings, is accepted, is hung up by the business and reports the terminate', async () => {
    const { graph, call } = await startGraph()
    const hook = await collector()
    const sender = createWebhookSender({ url: hook.url, appSecret: APP_SECRET, pageId: PAGE_ID })
    graph.on('terminated', ({ callId, summary }) => {
      void sender.deliver(sender.terminateDelivery({ callId, ...summary }))
    })

    const ringing = graph.calls.ring(PSID)
    await sender.deliver(sender.connectDelivery({ callId: ringing.id, from: PSID, to: PAGE_ID }))
    const accept = await call(`/${PAGE_ID}/calls`, {
      body: { call_id: ringing.id, action: 'accept', session: { sdp_type: 'offer', sdp: OFFER } }
    })
    expect(AcceptResponse.safeParse(accept.json).success).toBe(true)
    await call(`/${PAGE_ID}/calls`, { body: { call_id: ringing.id, action: 'terminate' } })
    await expect.poll(() => hook.events.length).toBe(2)

    const [connect, terminate] = hook.events
    expect(connect).toMatchObject({ kind: 'call', event: { event: 'connect', from: PSID } })
    expect(terminate).toMatchObject({
      kind: 'call',
      pageId: PAGE_ID,
      event: { event: 'terminate', id: ringing.id, status: 'Completed' }
    })
  })
})
