import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../../src/main/core/history/store'
import { silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-quality-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const QUALITY = { rttMs: 40, jitterMs: 2, lossPercent: 0, packetsReceived: 500, reportedAt: 1 }

describe('HistoryStore: quality reports and seen marks', () => {
  it('stores a quality report on the record, keeps when it went to Meta, and loads it again', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(1))
    expect(await store.setQuality('c_9', QUALITY)).toBeUndefined()

    await store.setQuality('c_1', { ...QUALITY, sentToMetaAt: 5 })
    // A later report of the same call replaces the figures but not the fact they were sent.
    await store.setQuality('c_1', { ...QUALITY, rttMs: 80, reportedAt: 2 })
    expect(store.get('c_1')?.quality).toEqual({
      ...QUALITY,
      rttMs: 80,
      reportedAt: 2,
      sentToMetaAt: 5
    })
    // Written again at the call's end (late details): the report stays.
    await store.upsert(makeRecord(1, { caller: { psid: 'psid-1', name: 'Late Name' } }))
    await store.close()

    const reopened = await HistoryStore.open(dir, silentLogger)
    expect(reopened.get('c_1')).toMatchObject({
      caller: { name: 'Late Name' },
      quality: { rttMs: 80, sentToMetaAt: 5 }
    })
    await reopened.close()
  })

  it('skips a stored line whose figures are out of range rather than loading nonsense', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await expect(
      store.upsert(makeRecord(1, { quality: { ...QUALITY, lossPercent: 400 } }))
    ).rejects.toThrow(/quality\.lossPercent/)
    await store.close()
  })

  it('marks every unseen missed call seen at once, and only those, for good', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    const missed = {
      outcome: 'missed' as const,
      reason: 'ring-timeout' as const,
      durationSeconds: 0
    }
    await store.upsert(makeRecord(1, missed))
    await store.upsert(makeRecord(2, { ...missed, seenAt: 7 }))
    await store.upsert(makeRecord(3))
    void store.upsert(makeRecord(4, missed))
    // Queued behind the write above, so the newest missed call is among those marked.
    expect(await store.markMissedSeen(100)).toBe(2)
    expect(store.unseenMissedCount()).toBe(0)
    expect(store.get('c_2')?.seenAt).toBe(7)
    expect(store.get('c_3')?.seenAt).toBeUndefined()
    expect(await store.markMissedSeen(200)).toBe(0)
    await store.close()

    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(6)
    const reopened = await HistoryStore.open(dir, silentLogger)
    expect(reopened.unseenMissedCount()).toBe(0)
    expect(reopened.get('c_4')?.seenAt).toBe(100)
    await reopened.close()
  })
})
