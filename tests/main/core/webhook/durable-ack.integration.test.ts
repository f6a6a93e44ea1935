/**
 * With a journal, the webhook's 200 means "kept": it is written only after the journal has the
 * delivery on disk, a delivery the journal could not keep is refused (503, so Meta sends it
 * again), and the consumer learns each delivery's place in the journal.
 */
import { afterEach, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  createWebhookServer,
  type DeliveryMeta,
  type WebhookServer
} from '../../../../src/main/core/webhook/server'
import { signBody } from '../../../../src/main/core/webhook/signature'
import { connect, delivery, entry } from './fixtures'

const SECRET = 'durable-ack-secret'
let server: WebhookServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

function post(url: string, body: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) }
  })
}

it('answers 200 only once the journal has kept the delivery, and 503 when it could not', async () => {
  const metas: DeliveryMeta[] = []
  const kept: string[] = []
  let release!: (seq: number) => void
  let fail = false
  server = createWebhookServer({
    appSecret: SECRET,
    verifyToken: 'token',
    logger: memoryLogger(),
    onEvents: (_events, meta) => void metas.push(meta),
    journal: {
      append: (raw) => {
        if (fail) return Promise.reject(new Error('disk full'))
        kept.push(raw.toString())
        return new Promise((resolve) => (release = resolve))
      }
    }
  })
  const { url } = await server.listen(0)
  const body = JSON.stringify(delivery(entry([connect('c_1')])))

  let answered = false
  const response = post(url, body).then((res) => {
    answered = true
    return res
  })
  while (kept.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(answered).toBe(false)
  expect(kept).toEqual([body])
  release(7)
  expect((await response).status).toBe(200)
  await server.drained()
  expect(metas).toEqual([expect.objectContaining({ seq: 7 })])

  fail = true
  expect((await post(url, body)).status).toBe(503)
  await server.drained()
  expect(metas).toHaveLength(1)
})
