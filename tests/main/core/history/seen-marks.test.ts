/**
 * Each seat desk's own "seen" mark (desk-seen-marks.json) and the per-desk count it gives over the
 * real history store: kept across a restart in a private file, never moved back, forgotten with
 * the desk, starting at the desk's pairing, and an unreadable file set aside rather than lost.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DeskSeen,
  HistoryStore,
  SEEN_MARKS_FILE,
  SeenMarks
} from '../../../../src/main/core/history'
import { memoryLogger, silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

const HUB = 'owner'
const FRONT = 'seat:Front desk'
const BACK = 'seat:Back office'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seen-marks-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const missed = (n: number) =>
  makeRecord(n, { outcome: 'missed', reason: 'ring-timeout', durationSeconds: 0 })

describe('SeenMarks', () => {
  it('keeps each desk its own mark, across a restart, in a file only this user can read', async () => {
    const marks = await SeenMarks.open(dir, silentLogger)
    expect(marks.upTo(FRONT)).toBe(0)
    await marks.set(FRONT, 500)
    await marks.set(BACK, 200)
    // A stale request (an older mark) cannot make a desk unsee calls.
    await marks.set(FRONT, 100)

    const reopened = await SeenMarks.open(dir, silentLogger)
    expect(reopened.upTo(FRONT)).toBe(500)
    expect(reopened.upTo(BACK)).toBe(200)
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, SEEN_MARKS_FILE))).mode & 0o777).toBe(0o600)
    }
  })

  it('starts a desk with no mark at its pairing, and forgets a removed desk for good', async () => {
    const paired = new Map([[FRONT, 300]])
    const marks = await SeenMarks.open(dir, silentLogger, { startOf: (desk) => paired.get(desk) })
    expect(marks.upTo(FRONT)).toBe(300)
    expect(marks.upTo(BACK)).toBe(0)
    await marks.set(FRONT, 900)
    await marks.forget(FRONT)
    expect(marks.upTo(FRONT)).toBe(300)

    // Paired again later under the same name: it starts from its new pairing, not the old mark.
    paired.set(FRONT, 1000)
    const reopened = await SeenMarks.open(dir, silentLogger, {
      startOf: (desk) => paired.get(desk)
    })
    expect(reopened.upTo(FRONT)).toBe(1000)
  })

  it('sets an unreadable file aside, says so, and lets the desks start again from their pairing', async () => {
    const file = join(dir, SEEN_MARKS_FILE)
    await writeFile(file, '{"version":1,"desks":{"seat:Front desk":"not a time"}}')
    const logger = memoryLogger()
    const marks = await SeenMarks.open(dir, logger, {
      startOf: (desk) => (desk === FRONT ? 300 : undefined),
      now: () => Date.UTC(2026, 11, 6, 5, 0, 0)
    })
    expect(marks.upTo(FRONT)).toBe(300)

    const aside = join(dir, 'desk-seen-marks.unreadable-2026-12-06T05-00-00Z.json')
    expect(await readFile(aside, 'utf8')).toContain('not a time')
    expect(await readdir(dir)).not.toContain(SEEN_MARKS_FILE)
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ setAside: aside })
      })
    )
    // The desks work on: a new mark is written to a fresh file.
    await marks.set(FRONT, 400)
    expect((await SeenMarks.open(dir, silentLogger)).upTo(FRONT)).toBe(400)
  })
})

describe('DeskSeen: missed calls are hub-wide, each desk keeps its own "seen"', () => {
  it('counts and clears per desk; the hub keeps using the records', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(missed(1))
    await store.upsert(missed(2))
    await store.upsert(makeRecord(3))
    const seen = await DeskSeen.open(dir, store, HUB, silentLogger, () => undefined)
    expect([seen.unseen(HUB), seen.unseen(FRONT), seen.unseen(BACK)]).toEqual([2, 2, 2])

    await seen.markSeen(FRONT)
    expect([seen.unseen(HUB), seen.unseen(FRONT), seen.unseen(BACK)]).toEqual([2, 0, 2])
    expect(store.get('c_1')?.seenAt).toBeUndefined()

    await store.upsert(missed(4))
    expect([seen.unseen(HUB), seen.unseen(FRONT), seen.unseen(BACK)]).toEqual([3, 1, 3])

    await seen.markSeen(HUB)
    expect([seen.unseen(HUB), seen.unseen(FRONT), seen.unseen(BACK)]).toEqual([0, 1, 3])
    await store.close()

    // Both kinds of "seen" outlast a restart.
    const reopened = await HistoryStore.open(dir, silentLogger)
    const again = await DeskSeen.open(dir, reopened, HUB, silentLogger, () => undefined)
    expect([again.unseen(HUB), again.unseen(FRONT), again.unseen(BACK)]).toEqual([0, 1, 3])
    await reopened.close()
  })

  it('shows a newly paired desk only the calls missed since it joined', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(missed(1))
    await store.upsert(missed(5))
    const pairedBetween = missed(3).endedAt
    const seen = await DeskSeen.open(dir, store, HUB, silentLogger, (desk) =>
      desk === FRONT ? pairedBetween : undefined
    )
    expect(seen.unseen(FRONT)).toBe(1)
    expect(seen.unseen(HUB)).toBe(2)
    await store.close()
  })
})
