/**
 * "Missed" is for customers who called in and were not answered. An outgoing call the customer did
 * not pick up is "No answer": listed as such, and never in the missed-calls badge, including the
 * lines written before it had its own outcome (they said "missed").
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../../src/main/core/history/store'
import { silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const unanswered = { connectedAt: undefined, durationSeconds: 0 }

describe('outgoing calls nobody picked up', () => {
  it('reads an old outgoing "missed" line as no-answer and leaves it out of the badge', async () => {
    const lines = [
      makeRecord(1, { ...unanswered, outcome: 'missed', reason: 'ring-timeout' }),
      makeRecord(2, {
        ...unanswered,
        direction: 'outbound',
        outcome: 'missed',
        reason: 'no-answer'
      })
    ]
    await writeFile(
      join(dir, 'history.jsonl'),
      lines.map((record) => `${JSON.stringify(record)}\n`).join(''),
      { mode: 0o600 }
    )
    const store = await HistoryStore.open(dir, silentLogger)
    expect(store.get('c_2')?.outcome).toBe('no-answer')
    expect(store.unseenMissedCount()).toBe(1)
    expect((await store.list({ outcome: 'missed' })).map((r) => r.callId)).toEqual(['c_1'])
    expect((await store.list({ outcome: 'no-answer' })).map((r) => r.callId)).toEqual(['c_2'])
    expect(await store.markMissedSeen(5)).toBe(1)
    expect(store.get('c_2')?.seenAt).toBeUndefined()
    await store.close()
  })

  it('keeps a new no-answer call out of the missed count', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(
      makeRecord(1, {
        ...unanswered,
        direction: 'outbound',
        outcome: 'no-answer',
        reason: 'no-answer'
      })
    )
    expect(store.unseenMissedCount()).toBe(0)
    await store.close()
  })
})
