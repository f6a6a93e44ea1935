/**
 * The append log's pipelined group commit, with fsyncs the test completes in any order: a slow
 * fsync is overtaken by the next batch's, appends still resolve in the order they were made, and
 * never before an fsync that was called after their bytes were written has returned.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { AppendLog, SYNCS_IN_FLIGHT } from '../../../../src/main/core/journal/append-log'
import { holdSyncs, holdWrite, settle, type HeldSync } from './held-syncs'

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipelined-commit-'))
  file = join(dir, 'journal.jsonl')
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

async function syncCalls(held: HeldSync[], count: number): Promise<void> {
  await vi.waitFor(() => expect(held).toHaveLength(count))
}

it('lets the next batch overtake a stalled fsync, and resolves both batches in order', async () => {
  const { log } = await AppendLog.open(file, { preallocate: 4096 })
  const held = await holdSyncs(dir, file)
  const resolved: string[] = []
  const a = log.append('a').then(() => resolved.push('a'))
  await syncCalls(held, 1)
  const b = log.append('b').then(() => resolved.push('b'))
  await syncCalls(held, 2)
  expect(held.map((sync) => sync.covers)).toEqual(['a\n', 'a\nb\n'])
  await settle()
  expect(resolved).toEqual([])

  // The second fsync was called after both writes: its return keeps both lines.
  await held[1]!.release()
  await Promise.all([a, b])
  expect(resolved).toEqual(['a', 'b'])
  expect(held[0]!.settled).toBe(false)

  await held[0]!.release()
  const closing = log.close()
  await vi.waitFor(() => held.at(-1)?.release())
  await closing
  expect((await readFile(file, 'utf8')).replace(/\0+$/, '')).toBe('a\nb\n')
})

it(`keeps at most ${SYNCS_IN_FLIGHT} fsyncs in flight; lines meanwhile share the next`, async () => {
  const { log } = await AppendLog.open(file)
  const held = await holdSyncs(dir, file)
  const first = [log.append('1')]
  await syncCalls(held, 1)
  first.push(log.append('2'))
  await syncCalls(held, 2)
  const later = ['3', '4', '5'].map((line) => log.append(line))
  await settle()
  expect(held).toHaveLength(SYNCS_IN_FLIGHT)

  await held[0]!.release()
  await syncCalls(held, 3)
  expect(held[2]!.covers).toBe('1\n2\n3\n4\n5\n')
  await held[2]!.release()
  await Promise.all([...first, ...later])
  await held[1]!.release()
  await log.close()
})

it('resolves each line only after an fsync called after its write returned, whatever the order', async () => {
  const { log } = await AppendLog.open(file, { preallocate: 1024 })
  const held = await holdSyncs(dir, file)
  /** The longest file content an fsync that has returned was obliged to cover. */
  let kept = ''
  const resolved: number[] = []
  const appends: Promise<void>[] = []
  // A fixed pseudo-random order of arrivals and completions (a linear congruential sequence).
  let maxPending = 0
  let seed = 7
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
  for (let i = 0; i < 200; i++) {
    const line = `{"i":${i}}`
    appends.push(
      log.append(line).then(() => {
        expect(kept).toContain(`${line}\n`)
        resolved.push(i)
      })
    )
    if (next(3) === 0) await settle(1)
    const pending = held.filter((sync) => !sync.settled)
    maxPending = Math.max(maxPending, pending.length)
    if (pending.length > 0 && next(2) === 0) {
      const sync = pending[next(pending.length)]!
      await sync.release()
      if (sync.covers.length > kept.length) kept = sync.covers
    }
  }
  while (resolved.length < 200) {
    const pending = held.filter((sync) => !sync.settled)
    const sync = pending[next(Math.max(1, pending.length))]
    if (sync) {
      await sync.release()
      if (sync.covers.length > kept.length) kept = sync.covers
    }
    await settle(1)
  }
  await Promise.all(appends)
  expect(resolved).toEqual(Array.from({ length: 200 }, (_, i) => i))
  // Fsyncs were in flight together, or this proved nothing about overtaking.
  expect(maxPending).toBe(SYNCS_IN_FLIGHT)
  for (const sync of held.filter((s) => !s.settled)) await sync.release()
  const closing = log.close()
  await vi.waitFor(() => Promise.all(held.filter((s) => !s.settled).map((s) => s.release())))
  await closing
})

it('refuses the lines a failed fsync leaves unconfirmed, keeps those an earlier one confirms', async () => {
  const { log } = await AppendLog.open(file, { preallocate: 4096 })
  const held = await holdSyncs(dir, file)
  const a = log.append('a')
  await syncCalls(held, 1)
  const b = log.append('b')
  await syncCalls(held, 2)
  held[1]!.fail(new Error('EIO'))
  await settle()
  const c = log.append('c')
  await settle()
  // Nothing more is written until the failure is undone, which waits for the first fsync.
  expect(held).toHaveLength(2)
  await held[0]!.release()
  await expect(a).resolves.toBeUndefined()
  await expect(b).rejects.toThrow('EIO')
  await syncCalls(held, 3)
  // The refused line is gone; the next line takes its place.
  expect(held[2]!.covers).toBe('a\nc\n')
  await held[2]!.release()
  await c
  vi.restoreAllMocks()
  await log.close()
  const reopened = await AppendLog.open(file, { preallocate: 4096 })
  expect(reopened.lines).toEqual(['a', 'c'])
  await reopened.log.close()
})

it('starts no fsync after one failed until the failure is undone', async () => {
  const { log } = await AppendLog.open(file, { preallocate: 4096 })
  const held = await holdSyncs(dir, file)
  const write = await holdWrite(dir, 'b')
  const a = log.append('a')
  await syncCalls(held, 1)
  const b = log.append('b')
  await vi.waitFor(() => expect(write.started()).toBe(true))
  // The descriptor that reports a failed writeback may answer its next fsync with success.
  held[0]!.fail(new Error('EIO'))
  await settle()
  write.release()
  await expect(a).rejects.toThrow('EIO')
  await expect(b).rejects.toThrow('EIO')
  expect(held).toHaveLength(1)

  const c = log.append('c')
  await syncCalls(held, 2)
  expect(held[1]!.covers).toBe('c\n')
  await held[1]!.release()
  await c
  vi.restoreAllMocks()
  await log.close()
})
