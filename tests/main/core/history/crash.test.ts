/**
 * Kills real writer processes with SIGKILL, then checks that every record they had acknowledged is
 * readable and that the store takes new appends that do not glue onto a broken line.
 *
 * A parent's kill at a random moment rarely lands inside the short dangerous windows, so some
 * children kill themselves at chosen points instead: halfway through writing a line, and just
 * before or after the rename that ends a compaction.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../../src/main/core/history/store'
import { memoryLogger } from '../../../../src/main/core/log'
import { makeRecord } from './fixtures/records'

const CHILD = join(import.meta.dirname, 'fixtures', 'crash-child.ts')

interface Round {
  name: string
  compactAfter: number
  crashPoint: 'none' | 'torn-write' | 'before-rename' | 'after-rename'
  crashAt: number
  /** The parent kills after this many acknowledgements (Infinity: the child kills itself). */
  killAfter: number
}

const random = (from: number, to: number): number => from + Math.floor(Math.random() * (to - from))

const ROUNDS: Round[] = [
  // Every superseding write compacts, so a random kill often lands in a compaction.
  {
    name: 'random kill, compacting often',
    compactAfter: 1,
    crashPoint: 'none',
    crashAt: 0,
    killAfter: random(30, 200)
  },
  {
    name: 'random kill',
    compactAfter: random(2, 25),
    crashPoint: 'none',
    crashAt: 0,
    killAfter: random(30, 250)
  },
  {
    name: 'torn line',
    compactAfter: 1000,
    crashPoint: 'torn-write',
    crashAt: random(5, 120),
    killAfter: Infinity
  },
  {
    name: 'before rename',
    compactAfter: 6,
    crashPoint: 'before-rename',
    crashAt: random(1, 4),
    killAfter: Infinity
  },
  {
    name: 'after rename',
    compactAfter: 6,
    crashPoint: 'after-rename',
    crashAt: random(1, 4),
    killAfter: Infinity
  }
]

let root: string
const results = new Map<string, { dir: string; acked: Map<string, number> }>()

/** Runs one child until it dies of SIGKILL; resolves with what it acknowledged. */
function run(dir: string, round: Round): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CHILD,
        dir,
        String(round.compactAfter),
        round.crashPoint,
        String(round.crashAt)
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    const acked = new Map<string, number>()
    let count = 0
    let pending = ''
    let stderr = ''
    let timedOut = false
    const guard = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, 10_000)
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const [callId, version] = line.split(' ')
        if (!callId || version === undefined) continue
        acked.set(callId, Math.max(acked.get(callId) ?? -1, Number(version)))
        if (++count === round.killAfter) child.kill('SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (timedOut) reject(new Error(`${round.name}: the child never reached its crash point`))
      else if (signal === 'SIGKILL' && acked.size > 0) resolve(acked)
      else reject(new Error(`${round.name}: child ended with ${signal ?? code}: ${stderr}`))
    })
  })
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'history-crash-'))
  // All children at once: each spends most of its time in fsync, so this stays fast on 2 cores.
  await Promise.all(
    ROUNDS.map(async (round, index) => {
      const dir = join(root, `round-${index}`)
      results.set(round.name, { dir, acked: await run(dir, round) })
    })
  )
}, 20_000)

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('history store after a SIGKILL', () => {
  it.each(ROUNDS)('$name: keeps every acknowledged record and takes new appends', async (round) => {
    const { dir, acked } = results.get(round.name)!
    if (round.crashPoint === 'before-rename') {
      // Proof the crash hit mid-compaction: the fully written temp file was never renamed.
      expect((await readdir(dir)).some((name) => name.endsWith('.tmp'))).toBe(true)
    }
    const logger = memoryLogger()
    const store = await HistoryStore.open(dir, logger)
    const context = `${round.name}, crashAt ${round.crashAt}, killAfter ${round.killAfter}`
    for (const [callId, version] of acked) {
      const record = store.get(callId)
      expect(record, `${callId} (${context})`).toBeDefined()
      // The write in flight at the kill may have landed too: never older than acknowledged.
      expect(record!.durationSeconds).toBeGreaterThanOrEqual(version)
      expect(record!.caller.name).toBe(`v${record!.durationSeconds}`)
    }
    const warnings = logger.entries.filter((e) => e.level !== 'debug' && e.level !== 'info')
    if (round.crashPoint === 'torn-write') {
      expect(warnings.map((e) => e.message)).toEqual([
        'Set aside a partial last history line, left by a crash mid-write'
      ])
    } else {
      expect(warnings, context).toEqual([])
    }
    // A crash mid-compaction leaves no temp file behind once the store has opened; a torn line
    // is kept in a set-aside file, not dropped.
    expect((await readdir(dir)).filter((name) => name !== 'history.jsonl')).toEqual(
      round.crashPoint === 'torn-write'
        ? [expect.stringMatching(/^history\.unreadable-.+\.jsonl$/)]
        : []
    )

    await store.upsert(makeRecord(100_000))
    await store.close()
    const reopenedLogger = memoryLogger()
    const reopened = await HistoryStore.open(dir, reopenedLogger)
    expect(reopened.get('c_100000')).toBeDefined()
    expect(reopened.count()).toBe(store.count())
    // The new line did not glue onto a broken one: nothing to skip or repair any more.
    expect(reopenedLogger.entries.filter((e) => e.level === 'warn')).toEqual([])
    await reopened.close()
  })
})
