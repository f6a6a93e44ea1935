import { mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HistoryRecordError } from '../../../../src/main/core/history/record'
import { HistoryStore } from '../../../../src/main/core/history/store'
import { memoryLogger, silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

const file = (): string => join(dir, 'history.jsonl')
const fileLines = async (): Promise<string[]> =>
  (await readFile(file(), 'utf8')).split('\n').filter((line) => line !== '')
const line = (n: number): string => `${JSON.stringify(makeRecord(n))}\n`

describe('HistoryStore', () => {
  it('starts empty and creates an owner-only file', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    expect(await store.list()).toEqual([])
    if (process.platform !== 'win32') expect((await stat(file())).mode & 0o777).toBe(0o600)
    await store.close()
  })

  it('lists newest first and filters by outcome, name or PSID (any case), with a limit', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(1))
    await store.upsert(makeRecord(3, { outcome: 'missed', reason: 'ring-timeout' }))
    await store.upsert(makeRecord(2, { caller: { psid: 'PSID-XYZ', name: 'Zoë Example' } }))
    await store.upsert(makeRecord(2.5, { callId: 'tie-a', startedAt: makeRecord(1).startedAt }))
    const ids = async (query = {}): Promise<string[]> =>
      (await store.list(query)).map((r) => r.callId)
    expect(await ids()).toEqual(['c_3', 'c_2', 'tie-a', 'c_1'])
    expect(await ids({ outcome: 'missed' })).toEqual(['c_3'])
    expect(await ids({ search: 'zOË' })).toEqual(['c_2'])
    expect(await ids({ search: 'psid-x' })).toEqual(['c_2'])
    expect(await ids({ search: '  caller 1 ' })).toEqual(['c_1'])
    expect(await ids({ search: '' })).toHaveLength(4)
    expect(await ids({ limit: 2 })).toEqual(['c_3', 'c_2'])
    expect(store.get('c_2')?.caller.name).toBe('Zoë Example')
    expect(store.get('nope')).toBeUndefined()
    await store.close()
  })

  it('keeps the caller name but not the photo', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    const photo = `data:image/jpeg;base64,${'A'.repeat(50_000)}`
    await store.upsert(makeRecord(1, { caller: { psid: 'p1', name: 'Ann', photo } }))
    expect(store.get('c_1')?.caller).toEqual({ psid: 'p1', name: 'Ann' })
    expect(await readFile(file(), 'utf8')).not.toContain('data:image')
    await store.close()
  })

  it('lets a later record supersede an earlier one, across a reload', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(1, { caller: { psid: 'p1' } }))
    await store.upsert(makeRecord(2))
    await store.upsert(makeRecord(1, { caller: { psid: 'p1', name: 'Late Name' } }))
    expect(store.count()).toBe(2)
    await store.close()
    const reopened = await HistoryStore.open(dir, silentLogger)
    expect(reopened.get('c_1')?.caller.name).toBe('Late Name')
    // Superseding keeps the call in its place.
    expect((await reopened.list()).map((r) => r.callId)).toEqual(['c_2', 'c_1'])
    await reopened.close()
  })

  it('updates some fields, merging the caller, and says when there is no such call', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(1, { caller: { psid: 'p1' } }))
    const updated = await store.update('c_1', { caller: { name: 'Bo' }, error: 'x' })
    expect(updated?.caller).toEqual({ psid: 'p1', name: 'Bo' })
    expect(updated?.error).toBe('x')
    expect(await store.update('missing', { error: 'y' })).toBeUndefined()
    await store.close()
  })

  it('marks calls seen, counts unseen missed calls, and keeps seenAt through an upsert', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(1, { outcome: 'missed', reason: 'caller-hung-up' }))
    await store.upsert(makeRecord(2, { outcome: 'missed', reason: 'ring-timeout' }))
    await store.upsert(makeRecord(3))
    expect(store.unseenMissedCount()).toBe(2)
    const linesBefore = (await fileLines()).length
    expect(await store.markSeen(['c_1', 'c_3', 'c_1', 'unknown'], 42)).toBe(2)
    // One write for the batch: two lines, nothing for the duplicate or the unknown id.
    expect((await fileLines()).length).toBe(linesBefore + 2)
    expect(await store.markSeen(['c_1'])).toBe(0)
    expect(store.unseenMissedCount()).toBe(1)
    await store.upsert(makeRecord(1, { outcome: 'missed', reason: 'caller-hung-up' }))
    expect(store.get('c_1')?.seenAt).toBe(42)
    await store.close()
    const reopened = await HistoryStore.open(dir, silentLogger)
    expect(reopened.unseenMissedCount()).toBe(1)
    await reopened.close()
  })

  it('sets aside a hand-made torn last line, repairs the file, and appends cleanly after it', async () => {
    const torn = line(3).slice(0, 40)
    await writeFile(file(), line(1) + line(2) + torn)
    const logger = memoryLogger()
    const store = await HistoryStore.open(dir, logger)
    expect((await store.list()).map((r) => r.callId)).toEqual(['c_2', 'c_1'])
    expect(logger.entries).toMatchObject([
      { level: 'warn', message: 'Set aside a partial last history line, left by a crash mid-write' }
    ])
    expect(logger.entries[0]?.fields.bytes).toBe(40)
    // Repaired before any append: the torn bytes are gone from the file.
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2))
    await store.upsert(makeRecord(4))
    await store.close()
    const reopenedLogger = memoryLogger()
    const reopened = await HistoryStore.open(dir, reopenedLogger)
    expect((await reopened.list()).map((r) => r.callId)).toEqual(['c_4', 'c_2', 'c_1'])
    expect(reopenedLogger.entries).toEqual([])
    await reopened.close()
  })

  it('serialises concurrent appends: every line whole, none interleaved', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    const long = 'x'.repeat(1500)
    await Promise.all(
      Array.from({ length: 100 }, (_, n) => store.upsert(makeRecord(n, { error: `${n} ${long}` })))
    )
    const lines = await fileLines()
    expect(lines).toHaveLength(100)
    for (const text of lines) expect(() => JSON.parse(text)).not.toThrow()
    expect(store.count()).toBe(100)
    await store.close()
  })

  it('refuses an invalid record without blocking the ones after it', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    const bad = store.upsert(makeRecord(1, { startedAt: Number.NaN, callId: '' }))
    const good = store.upsert(makeRecord(2))
    await expect(bad).rejects.toBeInstanceOf(HistoryRecordError)
    await expect(bad).rejects.toThrow(/callId.*startedAt/)
    await expect(good).resolves.toMatchObject({ callId: 'c_2' })
    expect(await fileLines()).toHaveLength(1)
    await store.close()
  })

  it('compacts superseded lines atomically once they pass the threshold', async () => {
    const store = await HistoryStore.open(dir, silentLogger, { compactAfterDeadLines: 5 })
    await store.upsert(makeRecord(1))
    const before = await stat(file())
    for (let version = 0; version <= 5; version++) {
      await store.upsert(makeRecord(2, { durationSeconds: version }))
    }
    // 7 lines, 2 live: the 5th dead line queued a compaction, which close waits for.
    await store.close()
    expect(await fileLines()).toHaveLength(2)
    expect((await stat(file())).ino).not.toBe(before.ino)
    const reopened = await HistoryStore.open(dir, silentLogger)
    expect(reopened.get('c_2')?.durationSeconds).toBe(5)
    expect((await reopened.list()).map((r) => r.callId)).toEqual(['c_2', 'c_1'])
    await reopened.close()
  })

  it('compacts a file with too many dead lines when it opens', async () => {
    await writeFile(file(), line(1) + line(1) + line(1) + 'junk\n' + line(2))
    const store = await HistoryStore.open(dir, silentLogger, { compactAfterDeadLines: 3 })
    expect(await fileLines()).toHaveLength(2)
    await store.close()
  })

  it('keeps only the newest calls beyond the retention limit', async () => {
    const store = await HistoryStore.open(dir, silentLogger, { maxRecords: 3 })
    for (const n of [5, 1, 4, 2, 3]) await store.upsert(makeRecord(n))
    expect((await store.list()).map((r) => r.callId)).toEqual(['c_5', 'c_4', 'c_3'])
    await store.close()
    const reopened = await HistoryStore.open(dir, silentLogger, { maxRecords: 3 })
    expect(reopened.count()).toBe(3)
    expect(reopened.get('c_1')).toBeUndefined()
    await reopened.close()
  })

  it('cuts a half-written line off after a failed write, before the next append', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.upsert(makeRecord(1))
    const probe = await open(join(dir, 'probe'), 'w')
    const proto = Object.getPrototypeOf(probe) as FileHandle
    await probe.close()
    const write = proto.write as (this: FileHandle, ...args: unknown[]) => Promise<unknown>
    vi.spyOn(proto, 'write').mockImplementationOnce(async function (
      this: FileHandle,
      ...args: unknown[]
    ) {
      const [data, offset, length] = args as [Uint8Array, number, number]
      await write.call(this, data, offset, Math.floor(length / 2), null)
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    } as FileHandle['write'])
    await expect(store.upsert(makeRecord(2))).rejects.toThrow('no space')
    expect(store.get('c_2')).toBeUndefined()
    await store.upsert(makeRecord(3))
    await store.close()
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(3))
  })

  it('removes a temp file left by a crash during compaction', async () => {
    await writeFile(file(), line(1))
    await writeFile(join(dir, '.history.jsonl.123.abcd.tmp'), line(9))
    const store = await HistoryStore.open(dir, silentLogger)
    expect(await readdir(dir)).toEqual(['history.jsonl'])
    expect(store.get('c_1')).toBeDefined()
    expect(store.get('c_9')).toBeUndefined()
    await store.close()
  })

  it('refuses writes after close', async () => {
    const store = await HistoryStore.open(dir, silentLogger)
    await store.close()
    await expect(store.upsert(makeRecord(1))).rejects.toThrow('closed')
  })
})
