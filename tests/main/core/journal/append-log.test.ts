import { open, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppendLog } from '../../../../src/main/core/journal/append-log'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'append-log-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

/** Node's FileHandle class is not exported: its prototype is reached through a handle. */
async function fileHandlePrototype(): Promise<{ datasync: () => Promise<void> }> {
  const handle = await open(join(dir, 'probe'), 'w')
  const prototype = Object.getPrototypeOf(handle) as { datasync: () => Promise<void> }
  await handle.close()
  return prototype
}

describe('AppendLog', () => {
  it('groups a burst into few fsyncs, and resolves each append only after the fsync covering it', async () => {
    const prototype = await fileHandlePrototype()
    const synced: number[] = []
    const original = prototype.datasync
    const datasync = vi.spyOn(prototype, 'datasync').mockImplementation(async function (
      this: unknown
    ) {
      await original.call(this)
      synced.push(Date.now())
    })
    const { log } = await AppendLog.open(join(dir, 'sub', 'journal.jsonl'))
    datasync.mockClear()
    let resolvedBeforeSync = 0
    const appends = Array.from({ length: 500 }, (_, i) =>
      log.append(JSON.stringify({ i })).then(() => {
        if (synced.length === 0) resolvedBeforeSync++
      })
    )
    await Promise.all(appends)
    // The first line goes out alone; everything appended while its fsync ran shares the next one.
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(3)
    expect(resolvedBeforeSync).toBe(0)
    await log.close()
    const lines = (await readFile(join(dir, 'sub', 'journal.jsonl'), 'utf8')).trim().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as { i: number }).i)).toEqual(
      Array.from({ length: 500 }, (_, i) => i)
    )
  })

  it('creates its file 0600 in a 0700 folder, and tightens a file an older run left', async () => {
    const file = join(dir, 'private', 'journal.jsonl')
    const { log } = await AppendLog.open(file)
    await log.append('{}')
    await log.close()
    if (process.platform === 'win32') return
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(0o700)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const loose = join(dir, 'loose.jsonl')
    await writeFile(loose, '', { mode: 0o644 })
    const reopened = await AppendLog.open(loose)
    await reopened.log.close()
    expect((await stat(loose)).mode & 0o777).toBe(0o600)
  })

  it('cuts a torn last line (never acknowledged) before appending', async () => {
    const file = join(dir, 'journal.jsonl')
    await writeFile(file, '{"a":1}\n{"b":')
    const { log, lines } = await AppendLog.open(file)
    expect(lines).toEqual(['{"a":1}'])
    await log.append('{"c":3}')
    await log.close()
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n{"c":3}\n')
  })

  it('rewrites the file after the lines before it, and keeps the lines after it', async () => {
    const file = join(dir, 'journal.jsonl')
    const { log } = await AppendLog.open(file)
    const first = log.append('1')
    const rewrite = log.rewrite(['kept'])
    const after = log.append('2')
    await Promise.all([first, rewrite, after])
    await log.close()
    expect(await readFile(file, 'utf8')).toBe('kept\n2\n')
    await expect(log.append('3')).rejects.toThrow(/closed/)
  })
})

describe('AppendLog with zeros written ahead', () => {
  it('keeps the file length while lines fill the zeros, and reads back only the lines', async () => {
    const file = join(dir, 'journal.jsonl')
    const { log } = await AppendLog.open(file, { preallocate: 4096 })
    await log.append('{"a":1}')
    const length = (await stat(file)).size
    expect(length).toBe(8 + 4096)
    for (let i = 0; i < 20; i++) await log.append(`{"i":${i}}`)
    expect((await stat(file)).size).toBe(length)
    // A torn line among the zeros (a crash mid-write) is cut, and the next line takes its place.
    const raw = await open(file, 'r+')
    const { size } = await raw.stat()
    const text = (await readFile(file)).subarray(0, (await readFile(file)).indexOf(0))
    await raw.write(Buffer.from('{"torn":'), 0, 8, text.length)
    await raw.close()
    await log.close()
    expect(size).toBe(length)

    const reopened = await AppendLog.open(file, { preallocate: 4096 })
    expect(reopened.lines).toHaveLength(21)
    expect(reopened.lines.at(-1)).toBe('{"i":19}')
    await reopened.log.append('{"after":true}')
    await reopened.log.rewrite(['{"kept":1}'])
    await reopened.log.append('{"b":2}')
    await reopened.log.close()
    const last = await AppendLog.open(file)
    expect(last.lines).toEqual(['{"kept":1}', '{"b":2}'])
    await last.log.close()
  })
})
