/**
 * The history never deletes what it cannot read: unreadable lines (damage, a newer version's
 * records, a partial last line) are moved to a dated owner-only file beside it, once, and the
 * user is told in one sentence; a whole record that only lacks its newline is kept.
 */
import { mkdir, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HistoryStore } from '../../../../src/main/core/history/store'
import { memoryLogger, silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-aside-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

const NOW = Date.UTC(2026, 11, 5, 23, 40, 12, 345)
const ASIDE = 'history.unreadable-2026-12-05T23-40-12Z.jsonl'
const now = (): number => NOW
const file = (): string => join(dir, 'history.jsonl')
const aside = (): string => join(dir, ASIDE)
const line = (n: number): string => `${JSON.stringify(makeRecord(n))}\n`
/** A record written by a later version of the app: an outcome this version does not know. */
const NEWER = `${JSON.stringify({ ...makeRecord(7), outcome: 'transferred' })}\n`
const GARBAGE = '{"callId": "c_9", garbage\n'
/** Bytes that are not UTF-8 at all: kept exactly, not "repaired" into replacement characters. */
const DAMAGE = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a])

const ids = async (store: HistoryStore): Promise<string[]> =>
  (await store.list()).map((record) => record.callId)

describe('HistoryStore: what it cannot read is set aside, never dropped', () => {
  it('moves unreadable lines to a dated owner-only file, once, and says so in one sentence', async () => {
    await writeFile(
      file(),
      Buffer.concat([Buffer.from(line(1) + GARBAGE + '\n' + NEWER), DAMAGE, Buffer.from(line(2))])
    )
    const logger = memoryLogger()
    const store = await HistoryStore.open(dir, logger, { now })
    expect(await ids(store)).toEqual(['c_2', 'c_1'])

    const kept = await readFile(aside())
    expect(kept.equals(Buffer.concat([Buffer.from(GARBAGE + NEWER), DAMAGE]))).toBe(true)
    if (process.platform !== 'win32') expect((await stat(aside())).mode & 0o777).toBe(0o600)
    // Moved out: history.jsonl holds only records now (the blank line had nothing to keep).
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2))
    expect(store.notices()).toEqual([`3 entries could not be read; they were kept in ${aside()}.`])
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ count: 3, lines: [2, 4, 5], setAside: aside() })
      })
    )
    await store.upsert(makeRecord(3))
    await store.close()

    // The next start finds nothing to set aside: no second copy, no sentence.
    const later = await HistoryStore.open(dir, silentLogger, { now: () => NOW + 60_000 })
    expect(await ids(later)).toEqual(['c_3', 'c_2', 'c_1'])
    expect(later.notices()).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['history.jsonl', ASIDE])
    await later.close()
  })

  it('keeps a whole valid last record that only lacks its newline, and appends after it', async () => {
    await writeFile(file(), line(1) + line(2).trimEnd())
    const store = await HistoryStore.open(dir, silentLogger, { now })
    expect(await ids(store)).toEqual(['c_2', 'c_1'])
    expect(store.notices()).toEqual([])
    await store.upsert(makeRecord(3))
    await store.close()
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2) + line(3))
    expect(await readdir(dir)).toEqual(['history.jsonl'])
  })

  it('sets aside a truly partial last line, then cuts it off before appending', async () => {
    const torn = line(3).slice(0, 40)
    await writeFile(file(), line(1) + line(2) + torn)
    const store = await HistoryStore.open(dir, silentLogger, { now })
    expect(await readFile(aside(), 'utf8')).toBe(`${torn}\n`)
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2))
    expect(store.notices()).toEqual([`1 entry could not be read; it was kept in ${aside()}.`])
    await store.upsert(makeRecord(4))
    await store.close()
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2) + line(4))
  })

  it('adds to a set-aside file of the same second rather than replacing it', async () => {
    await writeFile(aside(), 'set aside earlier\n')
    await writeFile(file(), line(1) + GARBAGE)
    const store = await HistoryStore.open(dir, silentLogger, { now })
    expect(await readFile(aside(), 'utf8')).toBe(`set aside earlier\n${GARBAGE}`)
    await store.close()
  })

  it('leaves the lines in history.jsonl, through compactions, when the copy cannot be flushed', async () => {
    await writeFile(file(), line(1) + GARBAGE + line(1) + line(1) + line(2) + 'tail')
    const probe = await open(join(dir, 'probe'), 'w')
    const proto = Object.getPrototypeOf(probe) as FileHandle
    await probe.close()
    await rm(join(dir, 'probe'))
    // The first fsync is the set-aside copy's: it fails (an I/O error), so the copy is not sure.
    vi.spyOn(proto, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }))
    const logger = memoryLogger()
    const store = await HistoryStore.open(dir, logger, { now, compactAfterDeadLines: 1 })
    expect(await ids(store)).toEqual(['c_2', 'c_1'])
    expect(store.notices()).toEqual([
      `2 entries could not be read; they stay in ${file()}, as copying them aside failed.`
    ])
    expect(logger.entries.map((entry) => entry.level)).toContain('error')
    // The compaction at open dropped the superseded lines but kept the unreadable ones.
    expect(await readFile(file(), 'utf8')).toBe(`${GARBAGE}tail\n${line(1)}${line(2)}`)
    await store.upsert(makeRecord(2, { durationSeconds: 9 }))
    await store.upsert(makeRecord(2, { durationSeconds: 10 }))
    await store.close()
    expect(await readFile(file(), 'utf8')).toContain(`${GARBAGE}tail\n`)

    // Once a copy succeeds, they move out for good (the unsure first copy is left alone too).
    const later = await HistoryStore.open(dir, silentLogger, { now: () => NOW + 3_600_000 })
    const laterAside = join(dir, 'history.unreadable-2026-12-06T00-40-12Z.jsonl')
    expect(later.notices()).toEqual([
      `2 entries could not be read; they were kept in ${laterAside}.`
    ])
    expect(await readFile(laterAside, 'utf8')).toBe(`${GARBAGE}tail\n`)
    expect(await readFile(file(), 'utf8')).not.toContain('garbage')
    await later.close()
  })

  it('starts even when the set-aside file cannot be created, keeping the lines', async () => {
    await mkdir(aside())
    await writeFile(file(), line(1) + GARBAGE)
    const store = await HistoryStore.open(dir, silentLogger, { now })
    expect(store.get('c_1')).toBeDefined()
    expect(store.notices()[0]).toMatch(/^1 entry could not be read; it stays in /)
    await store.upsert(makeRecord(2))
    await store.close()
    expect(await readFile(file(), 'utf8')).toBe(line(1) + GARBAGE + line(2))
  })

  it("keeps a newer version's extra fields through this version's changes and compactions", async () => {
    const newer = { ...makeRecord(1, { outcome: 'missed' }), transcript: 'hello', tags: ['vip'] }
    await writeFile(file(), `${JSON.stringify(newer)}\n${line(2)}`)
    const store = await HistoryStore.open(dir, silentLogger, { now, compactAfterDeadLines: 1 })
    // Not handed out (this version's UI does not know them), and nothing to set aside.
    expect(store.get('c_1')).not.toHaveProperty('transcript')
    expect(store.notices()).toEqual([])
    expect(await store.markMissedSeen(5)).toBe(1)
    await store.update('c_1', { caller: { name: 'Ada' } })
    await store.close()

    // Two superseded lines: compacted (close waits for it), and c_1 still carries them.
    const lines = (await readFile(file(), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      callId: 'c_1',
      seenAt: 5,
      caller: { name: 'Ada' },
      transcript: 'hello',
      tags: ['vip']
    })
    expect(await readdir(dir)).toEqual(['history.jsonl'])
  })
})
