/**
 * `npm run serve` / `npm run web` build only when the sources are newer than the build, and several
 * starting at once from one checkout do not race over out/ (issue 14, item 3): one builds under
 * the lock while the others wait and then find the build fresh. Builds the core for real, into a
 * temporary out/ folder, in two processes started together.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, TARGETS, isFresh, newestSourceTime } from '../../scripts/fresh-build.js'

let out: string

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'softphone-fresh-build-'))
})
afterAll(() => rm(out, { recursive: true, force: true }))

/** `ensureBuilt('core')` into `out` in a process of its own; resolves to what it printed. */
function buildInChild(): Promise<{ code: number | null; built: string; stderr: string }> {
  const script = `const { ensureBuilt } = await import(${JSON.stringify(join(ROOT, 'scripts/fresh-build.js'))});
process.stdout.write(String(await ensureBuilt('core', { out: ${JSON.stringify(out)} })))`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, built: stdout, stderr }))
  )
}

describe('a fresh build of the headless core', () => {
  it('is made once when two processes start together on no build, and both go on', async () => {
    const [first, second] = await Promise.all([buildInChild(), buildInChild()])
    expect([first.code, second.code], first.stderr + second.stderr).toEqual([0, 0])
    // One built it; the other waited for the lock and found it fresh.
    expect([first.built, second.built].sort()).toEqual(['false', 'true'])
    expect((await stat(join(out, 'core/serve.js'))).size).toBeGreaterThan(100_000)
    // Neither the lock nor a temporary folder is left behind.
    expect(await readdir(out)).toEqual(['core'])
    expect(isFresh(TARGETS.core, out)).toBe(true)
  }, 60_000)

  it('is not made again while fresh, and is made again once a source is newer', async () => {
    expect((await buildInChild()).built).toBe('false')
    // A chunk an older build left, which a core still running from it may load, and one older
    // than a week, which none does any more.
    const chunks = join(out, 'core/chunks')
    await writeFile(join(chunks, 'recent-0ld.js'), '')
    await writeFile(join(chunks, 'ancient-0ld.js'), '')
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600_000)
    await utimes(join(chunks, 'ancient-0ld.js'), weekAgo, weekAgo)
    // As if every source had been saved after the build: the build's time goes before them.
    const before = new Date(newestSourceTime(TARGETS.core.sources) - 1000)
    await utimes(join(out, 'core/serve.js'), before, before)
    expect(isFresh(TARGETS.core, out)).toBe(false)
    expect((await buildInChild()).built).toBe('true')
    expect(isFresh(TARGETS.core, out)).toBe(true)
    const left = await readdir(chunks)
    expect(left).toContain('recent-0ld.js')
    expect(left).not.toContain('ancient-0ld.js')
  }, 60_000)

  it('loads WebRTC (werift, ~30 MB) only on demand: the test call’s simulator is a chunk', async () => {
    const entry = await readFile(join(out, 'core/serve.js'), 'utf8')
    expect(entry).not.toMatch(/^import .* from "werift";$/m)
    const simulator = /import\("\.\/(chunks\/simulator-[\w-]+\.js)"\)/.exec(entry)?.[1]
    expect(simulator).toBeDefined()
    expect(await readFile(join(out, 'core', simulator!), 'utf8')).toMatch(/from "werift"/)
  })

  it('watches the sources the core is built from', () => {
    expect(newestSourceTime(['src/main/serve.ts'])).toBeGreaterThan(0)
    expect(newestSourceTime(TARGETS.core.sources)).toBeGreaterThanOrEqual(
      newestSourceTime(['src/main/core', 'src/shared'])
    )
  })
})
