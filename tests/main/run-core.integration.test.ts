/**
 * A hub and its seats start from one checkout (issue 14, item 3): two `npm run serve` started at
 * the same moment on sources newer than the build both come up, on the built JavaScript, with one
 * build between them (the other waited for it) and nothing left in out/ but the build.
 */
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { ROOT, TARGETS, isFresh, newestSourceTime } from '../../scripts/fresh-build.js'
import { serve, waitFor, type Running } from './serve-process'

const running: Running[] = []
const dirs: string[] = []

afterEach(async () => {
  for (const core of running) if (core.child.exitCode === null) core.child.kill('SIGKILL')
  running.length = 0
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

it('two cores started at once on a stale build build it once and both run it', async () => {
  // As if a source had been saved after the last build.
  const before = new Date(newestSourceTime(TARGETS.core.sources) - 1000)
  await utimes(join(ROOT, 'out/core/serve.js'), before, before)
  expect(isFresh(TARGETS.core)).toBe(false)

  for (let i = 0; i < 2; i++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'softphone-run-core-'))
    dirs.push(dataDir)
    const env = { SOFTPHONE_DATA_DIR: dataDir, WEBHOOK_PORT: '0', SOFTPHONE_UI_PORT: '0' }
    running.push(serve(env))
  }
  for (const core of running) {
    await waitFor(() => core.stderr().includes('headless core running'), 'both cores', 60_000)
  }
  const builders = running.filter((core) => core.stderr().includes('Building the headless core'))
  expect(builders).toHaveLength(1)
  expect(isFresh(TARGETS.core)).toBe(true)
  expect((await readdir(join(ROOT, 'out'))).filter((name) => name.startsWith('.'))).toEqual([])

  for (const core of running) core.child.kill('SIGTERM')
  expect(await Promise.all(running.map((core) => core.exited))).toEqual([0, 0])
}, 90_000)
