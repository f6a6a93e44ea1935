import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeliveryJournal, JOURNAL_FILE } from '../../../../src/main/core/journal/delivery-journal'
import {
  REPLAY_WINDOW_MS,
  SEEN_CALLS_FILE,
  SeenCalls
} from '../../../../src/main/core/journal/seen-calls'
import { memoryLogger } from '../../../../src/main/core/log'

const DAY_MS = 24 * 60 * 60_000
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seen-calls-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('SeenCalls', () => {
  it('remembers recorded calls across restarts for 7 days, and compacts older ones away', async () => {
    expect(REPLAY_WINDOW_MS).toBe(7 * DAY_MS)
    const now = Date.now()
    const first = await SeenCalls.open(dir, memoryLogger(), now - 8 * DAY_MS)
    first.add('c_old', now - 8 * DAY_MS)
    first.add('c_recent', now - 6 * DAY_MS)
    await first.close()

    const second = await SeenCalls.open(dir, memoryLogger(), now)
    expect(second.has('c_recent')).toBe(true)
    expect(second.has('c_old')).toBe(false)
    await second.close()
    expect(await readFile(join(dir, SEEN_CALLS_FILE), 'utf8')).not.toContain('c_old')
  })
})

describe('DeliveryJournal compaction', () => {
  it('keeps deliveries not yet processed and lines of calls history still lacks', async () => {
    const needed = new Set(['c_live'])
    const { journal } = await DeliveryJournal.open(dir, (id) => needed.has(id), memoryLogger())
    const body = (id: string) => ({ object: 'page', entry: [{ calls: [{ id }] }] })
    const raw = (id: string) => Buffer.from(JSON.stringify(body(id)))
    const done = await journal.appendDelivery(raw('c_done'), body('c_done'), 1)
    await journal.appendDelivery(raw('c_live'), body('c_live'), 2)
    journal.processedUpTo(done + 1)
    const pending = await journal.appendDelivery(raw('c_pending'), body('c_pending'), 3)
    expect(pending).toBe(done + 2)
    await journal.compact()
    await journal.close()
    const text = await readFile(join(dir, JOURNAL_FILE), 'utf8')
    expect(text).not.toContain('c_done')
    expect(text).toContain('c_live')
    expect(text).toContain('c_pending')
  })
})
