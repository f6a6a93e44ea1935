/**
 * History names the desk that answered each call (issue 13, item 7): the name is stored, comes back
 * after a restart, and records written before desks had names still load without it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toHistoryRecord, type EndedCall } from '../../../../src/shared/calls'
import { HistoryStore } from '../../../../src/main/core/history/store'
import { silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-desk-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the desk that answered, in history', () => {
  it('is taken from the ended call, and only when a desk took it', () => {
    const ended: EndedCall = {
      id: 'c_1',
      pageId: 'page-1',
      direction: 'inbound',
      caller: { psid: 'p1' },
      startedAt: 1_000,
      state: 'ended',
      outcome: 'completed',
      reason: 'we-hung-up',
      endedAt: 9_000,
      connectedAt: 2_000,
      answeredBy: 'seat-1',
      answeredByDesk: 'Front desk'
    }
    expect(toHistoryRecord(ended).answeredByDesk).toBe('Front desk')
    const { answeredBy: _a, answeredByDesk: _d, ...missed } = ended
    expect(toHistoryRecord({ ...missed, outcome: 'missed' })).not.toHaveProperty('answeredByDesk')
  })

  it('is kept across a restart, and a record from before desk names still loads', async () => {
    const old = makeRecord(1)
    expect(old).not.toHaveProperty('answeredByDesk')
    await writeFile(join(dir, 'history.jsonl'), `${JSON.stringify(old)}\n`)
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(2, { answeredByDesk: 'Front desk' }))
    await store.close()

    const reopened = await HistoryStore.open(dir, silentLogger)
    expect(reopened.get('c_1')?.callId).toBe('c_1')
    expect(reopened.get('c_1')?.answeredByDesk).toBeUndefined()
    expect(reopened.get('c_2')?.answeredByDesk).toBe('Front desk')
    await reopened.close()
  })
})
