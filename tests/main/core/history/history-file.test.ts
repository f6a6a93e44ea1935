import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HistoryFile } from '../../../../src/main/core/history/history-file'
import { readHistoryFile } from '../../../../src/main/core/history/load'
import { serializeLine, toStored } from '../../../../src/main/core/history/record'
import { silentLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-file-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const path = (): string => join(dir, 'history.jsonl')
const stored = (n: number) => toStored(makeRecord(n))

async function opened(): Promise<HistoryFile> {
  const file = new HistoryFile(path(), silentLogger)
  await file.open(await readHistoryFile(path(), silentLogger, Date.now()))
  return file
}

describe('HistoryFile', () => {
  it('appends complete lines and counts those no live record holds', async () => {
    const file = await opened()
    await file.append([serializeLine(stored(1)), serializeLine(stored(2))])
    await file.append([serializeLine({ ...stored(2), seenAt: 5 })])
    expect((await readFile(path(), 'utf8')).split('\n')).toHaveLength(4)
    // Two calls live, three lines: one is superseded.
    expect(file.deadLines(2)).toBe(1)
    await file.close()
  })

  it('ends a torn last line before appending, and compacts to the live records only', async () => {
    await writeFile(path(), serializeLine(stored(1)) + '{"torn')
    const file = await opened()
    await file.append([serializeLine(stored(2))])
    const live = [1, 2].map((n, seq) => ({ record: stored(n), seq, extra: undefined }))
    await file.compact(live)
    expect(await readFile(path(), 'utf8')).toBe(live.map((e) => serializeLine(e.record)).join(''))
    expect(file.deadLines(2)).toBe(0)
    await file.append([serializeLine(stored(3))])
    expect((await readFile(path(), 'utf8')).endsWith(serializeLine(stored(3)))).toBe(true)
    await file.close()
  })
})
