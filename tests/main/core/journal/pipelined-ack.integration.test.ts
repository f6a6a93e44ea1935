/**
 * The webhook with the real journal while fsyncs stall in any order: a 200 never leaves before an
 * fsync covering its delivery has returned, and deliveries are processed in arrival order even
 * when a later delivery's fsync returns first.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { DeliveryJournal, JOURNAL_FILE } from '../../../../src/main/core/journal/delivery-journal'
import { memoryLogger } from '../../../../src/main/core/log'
import { createWebhookServer, type WebhookServer } from '../../../../src/main/core/webhook/server'
import { signBody } from '../../../../src/main/core/webhook/signature'
import { connect, delivery, entry } from '../webhook/fixtures'
import { holdSyncs, settle } from './held-syncs'

const SECRET = 'pipelined-ack-secret'
let dir: string
let server: WebhookServer | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipelined-ack-'))
})

afterEach(async () => {
  await server?.close()
  server = undefined
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

it('answers each delivery after an fsync covering it, and processes them in arrival order', async () => {
  const { journal } = await DeliveryJournal.open(dir, () => false, memoryLogger())
  const held = await holdSyncs(dir, join(dir, JOURNAL_FILE))
  const processed: string[] = []
  server = createWebhookServer({
    appSecret: SECRET,
    verifyToken: 'token',
    logger: memoryLogger(),
    journal: { append: (raw, envelope, at) => journal.appendDelivery(raw, envelope, at) },
    onEvents: (events) => {
      for (const item of events) if (item.kind === 'call') processed.push(item.event.id ?? '')
    }
  })
  const { url } = await server.listen(0)
  const answered: string[] = []
  const post = (id: string): Promise<number> => {
    const body = JSON.stringify(delivery(entry([connect(id)])))
    return fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) }
    }).then((res) => {
      answered.push(id)
      return res.status
    })
  }

  const first = post('c_first')
  await vi.waitFor(() => expect(held).toHaveLength(1))
  const second = post('c_second')
  await vi.waitFor(() => expect(held).toHaveLength(2))
  expect(held[0]!.covers).toContain('c_first')
  expect(held[0]!.covers).not.toContain('c_second')
  await settle(50)
  expect(answered).toEqual([])
  expect(processed).toEqual([])

  // The later fsync returns first: it covers both deliveries.
  await held[1]!.release()
  expect(await Promise.all([first, second])).toEqual([200, 200])
  await server.drained()
  expect(processed).toEqual(['c_first', 'c_second'])
  expect(held[0]!.settled).toBe(false)

  await held[0]!.release()
  const closing = journal.close()
  await vi.waitFor(() => Promise.all(held.filter((s) => !s.settled).map((s) => s.release())))
  await closing
})
