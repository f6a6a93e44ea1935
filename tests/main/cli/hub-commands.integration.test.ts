/**
 * `npm run hub` as a child process against a hub core running in this process, in a temporary
 * data folder: add-desk prints a code a seat then pairs with, desks lists it online, remove cuts
 * it off, and without a running hub the command says so and exits 2.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import { SeatClient } from '../../../src/main/core/seat-link/seat-client'
import { REMOVED_SENTENCE } from '../../../src/main/core/seat-link/seat-refusals'
import { startCore } from '../../../src/main/core/start-core'
import { untilStatus } from '../core/seat-link/seat-statuses'

const ROOT = resolve(__dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-cli-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

function hub(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      TSX,
      ['src/main/cli/hub.ts', ...args],
      { cwd: ROOT, env: { ...process.env, SOFTPHONE_DATA_DIR: dataDir }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0
        done({ code, stdout, stderr })
      }
    )
  })
}

describe('npm run hub', () => {
  it('adds a desk whose printed code pairs it, lists it online, and removes it', async () => {
    const dataDir = await tempDir()
    const started = await startCore({
      env: { WEBHOOK_PORT: '0', GRAPH_API_URL: 'http://127.0.0.1:9' },
      dataDir,
      logger: memoryLogger(),
      ui: { port: 0 }
    })
    cleanups.push(() => started.dispose())

    const refused = await hub(dataDir, 'add-desk', 'Front', 'desk')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('This desk has no public address yet')

    started.core.setPublicUrl(new URL(started.webhookUrl).origin)
    const added = await hub(dataDir, 'add-desk', 'Front', 'desk')
    expect(added.code).toBe(0)
    const lines = added.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(added.stderr).toContain('pairs the desk "Front desk" with this hub, once, until')

    const seat = new SeatClient({ dataDir: await tempDir(), pairingCode: lines[0] })
    cleanups.push(() => seat.close())
    seat.start()
    expect(await untilStatus(seat, 'online')).toMatchObject({ state: 'online', name: 'Front desk' })

    const listed = await hub(dataDir, 'desks')
    expect(listed.code).toBe(0)
    const rows = listed.stdout.trim().split('\n')
    expect(rows[0]).toMatch(/^DESK\s+STATUS\s+LAST SEEN\s+ANSWERED TODAY$/)
    expect(rows[1]).toMatch(/^Front desk\s+online\s+now\s+0$/)

    const taken = await hub(dataDir, 'add-desk', 'front DESK')
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('A desk named "front DESK" is already paired with this hub')

    const removed = await hub(dataDir, 'remove', 'Front', 'desk')
    expect(removed.code).toBe(0)
    expect(removed.stderr).toContain('"Front desk" is removed')
    expect(await untilStatus(seat, 'refused')).toEqual({
      state: 'refused',
      reason: REMOVED_SENTENCE,
      words: { key: 'seatRefused.removed' }
    })
    const unknown = await hub(dataDir, 'remove', 'Front desk')
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr.trim()).toBe('No desk named "Front desk" is paired with this hub.')
  }, 60_000)

  it('exits 2 with a sentence when no hub runs with that data folder', async () => {
    const dataDir = await tempDir()
    const run = await hub(dataDir, 'desks')
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toBe(
      `No hub is running with the data folder ${dataDir}. Start it with \`npm run serve\` (with the same SOFTPHONE_DATA_DIR), then try again.`
    )

    // A hub that was killed leaves its bridge.json behind: nothing answers there.
    await writeFile(
      join(dataDir, 'bridge.json'),
      '{"port":9,"token":"t","url":"ws://127.0.0.1:9/?token=t"}'
    )
    const stale = await hub(dataDir, 'desks')
    expect(stale.code).toBe(2)
    expect(stale.stderr).toContain('No hub answers at the address in')
  }, 30_000)
})
