/**
 * Builds what `npm run serve` / `npm run web` run, only when its sources are newer than the build
 * (issue 14, item 3), so a hub and its seats can start from one checkout at once:
 * - a lock (a folder made atomically in out/) lets one process build while the others wait, then
 *   find the build fresh and run it;
 * - the build goes to a temporary folder in out/ and is renamed into place, so no process ever
 *   sees a half-written out/: the pages are swapped whole; the core's content-named chunks are
 *   added beside the old ones (a running core may still load its own) and its entry renamed last.
 * Plain JavaScript: it runs before anything is built, with no TypeScript loader.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'out')

/**
 * @typedef {object} Target
 * @property {string} label what the notice on stderr names
 * @property {string[]} sources files and folders (walked) whose changes call for a build
 * @property {string[]} dirs the folders of out/ the build makes
 * @property {'swap' | 'add'} install 'swap': each folder replaced whole; 'add': files renamed in,
 *   the marker last, and files of older builds kept a while (see PRUNE_AFTER_MS)
 * @property {string} marker a file of the build whose time is the build's start
 * @property {(tempOut: string) => string[]} args the build command's arguments after `node`
 */

/** @type {Record<'core' | 'app', Target>} */
export const TARGETS = {
  // The headless core: out/core/serve.js (core.vite.config.ts).
  core: {
    label: 'the headless core',
    sources: ['src/main', 'src/shared', 'core.vite.config.ts', 'package.json'],
    dirs: ['core'],
    install: 'add',
    marker: 'core/serve.js',
    args: (tempOut) => [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'core.vite.config.ts',
      '--outDir',
      join(tempOut, 'core')
    ]
  },
  // The app's pages (and its main and preload, which the same build makes): what --web serves.
  app: {
    label: 'the app',
    sources: ['src', 'electron.vite.config.ts', 'scripts/window-sizes.ts', 'package.json'],
    dirs: ['main', 'preload', 'renderer'],
    install: 'swap',
    marker: 'renderer/index.html',
    args: (tempOut) => [
      join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      tempOut
    ]
  }
}

/** Waits no longer than this for another process's build. */
const LOCK_TIMEOUT_MS = 5 * 60_000
/** A lock with no owner's pid yet older than this was left by a process that died making it. */
const ORPHAN_LOCK_MS = 30_000
/** A file of an older core build, unused by the new one, is removed once this old. */
const PRUNE_AFTER_MS = 7 * 24 * 3600_000

/** Newest modification time (ms) of the files and folders under `paths` (relative to ROOT). */
export function newestSourceTime(paths) {
  let newest = 0
  const visit = (path) => {
    const stats = statSync(path, { throwIfNoEntry: false })
    if (!stats) return
    newest = Math.max(newest, stats.mtimeMs)
    if (!stats.isDirectory()) return
    for (const entry of readdirSync(path)) visit(join(path, entry))
  }
  for (const path of paths) visit(join(ROOT, path))
  return newest
}

/** Whether `target`'s build in `out` exists and no source changed after it started. */
export function isFresh(target, out = OUT) {
  const built = statSync(join(out, target.marker), { throwIfNoEntry: false })
  return built !== undefined && newestSourceTime(target.sources) <= built.mtimeMs
}

/** Builds `target` unless fresh; resolves once a fresh build is in out/ (built here or not). */
export async function ensureBuilt(name, options = {}) {
  const target = TARGETS[name]
  const out = options.out ?? OUT
  if (isFresh(target, out)) return false
  mkdirSync(out, { recursive: true })
  const lock = join(out, `.build-${name}.lock`)
  await takeLock(lock)
  try {
    // Another process may have built it while this one waited.
    if (isFresh(target, out)) return false
    build(target, out)
    return true
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function build(target, out) {
  process.stderr.write(`Building ${target.label} (its sources are newer than out/)...\n`)
  const started = Date.now()
  const temp = join(out, `.build-${process.pid}-${started}`)
  try {
    // Its output goes to stderr: stdout carries the one line scripts read (the page's address).
    const result = spawnSync(process.execPath, target.args(temp), {
      cwd: ROOT,
      stdio: ['ignore', 2, 2]
    })
    if (result.status !== 0) throw new Error(`building ${target.label} failed`)
    // The build's time is when it started: a source saved during the build calls for another.
    const startedAt = new Date(started)
    utimesSync(join(temp, target.marker), startedAt, startedAt)
    for (const dir of target.dirs) {
      if (target.install === 'add') addIn(join(temp, dir), join(out, dir), join(out, target.marker))
      else swapIn(join(temp, dir), join(out, dir))
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** Puts the folder `built` at `place`: two renames, so `place` is never half written. */
function swapIn(built, place) {
  const old = `${built}-old`
  if (existsSync(place)) renameSync(place, old)
  renameSync(built, place)
  rmSync(old, { recursive: true, force: true })
}

/**
 * Moves the files of the folder `built` into `place`, the `entry` last: until then a starting core
 * loads the old entry, whose chunks are still there. Same-named chunks hold the same content.
 */
function addIn(built, place, entry) {
  const files = filesUnder(built)
  const entryName = relative(place, entry)
  for (const file of [...files.filter((f) => f !== entryName), entryName]) {
    mkdirSync(dirname(join(place, file)), { recursive: true })
    renameSync(join(built, file), join(place, file))
  }
  const now = Date.now()
  for (const file of filesUnder(place)) {
    if (files.includes(file)) continue
    if (now - statSync(join(place, file)).mtimeMs > PRUNE_AFTER_MS) rmSync(join(place, file))
  }
}

/** The files under `dir`, as paths relative to it. */
function filesUnder(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
}

async function takeLock(lock) {
  const deadline = Date.now() + LOCK_TIMEOUT_MS
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'pid'), String(process.pid))
      return
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
    }
    if (isAbandoned(lock)) rmSync(lock, { recursive: true, force: true })
    else if (Date.now() > deadline) throw new Error(`${lock} is still held; remove it if stale`)
    else await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Whether the process that took `lock` is gone (it died building). */
function isAbandoned(lock) {
  let pid
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'))
  } catch {
    const made = statSync(lock, { throwIfNoEntry: false })
    return made !== undefined && Date.now() - made.mtimeMs > ORPHAN_LOCK_MS
  }
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return error.code === 'ESRCH'
  }
}
