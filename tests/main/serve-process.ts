/**
 * `npm run serve` in its own process, as people run it, for the serve tests: the built core
 * (out/core/serve.js) through its launcher, which builds it first if the sources are newer (the
 * integration and e2e global setups have built it already, so no test waits for a build).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'

/** What `npm run serve` runs: `node` with this file. */
export const RUN_CORE = join(import.meta.dirname, '../../scripts/run-core.js')

export interface Running {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

/** Starts the core with only `env` (and PATH, HOME) as its environment. */
export function serve(env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(process.execPath, [RUN_CORE, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: 'pipe'
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

export async function waitFor(
  check: () => boolean,
  what: string,
  timeoutMs = 15_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Runs a test's cleanups, the last added first, each whatever the others do. */
export async function runCleanups(cleanups: (() => unknown)[]): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch(() => undefined)
  }
}
