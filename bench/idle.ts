/**
 * `npm run bench:idle`: what the headless core costs while nothing happens (issue 14, item 3).
 *
 * Starts the built core as `npm run serve` does (scripts/run-core.js, building it first if the
 * sources changed), configured for a Page whose Graph API is the simulator in this process, and
 * once it runs, watches it for BENCH_IDLE_SECONDS (default 60) with no call: its resident memory
 * (RSS) each second, and the CPU time it used over the whole window (user + system, from
 * /proc/<pid>/stat), then prints them and whether the goal is met (RSS <= 100 MB throughout).
 * Its only periodic work while idle should be the documented checks (tunnel keep-alive, the
 * subscription check, the seat link pings); the log lines it wrote meanwhile are counted too.
 *
 *   npm run bench:idle
 *   BENCH_IDLE_SECONDS=10 npm run bench:idle
 *
 * Linux only (it reads /proc). Reports and exits 0 whether or not the goal is met; exits non-zero
 * only when it cannot run.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src/main/core/log'
import { DEFAULT_WEBHOOK_PATH } from '../src/main/core/webhook/server'
import { startSimulator } from '../src/main/simulator/simulator'
import { positiveNumber } from './env-number'

const SECONDS = positiveNumber('BENCH_IDLE_SECONDS', 60)
const SETTLE_MS = 3_000
const GOAL_RSS_MB = 100
const START_TIMEOUT_MS = 120_000
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100
const MB = 1024 * 1024

/** RSS in bytes, from /proc/<pid>/status (VmRSS, in kB). */
async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
  if (kb === undefined) throw new Error('no VmRSS in /proc status')
  return Number(kb) * 1024
}

/** CPU time used so far (user + system), in ms, from /proc/<pid>/stat. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (in parentheses, which may hold spaces): utime is the 12th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench:idle reads /proc: Linux only')
  const credentials = {
    pageId: '106378625516323',
    pageAccessToken: `EAASimulated${randomBytes(24).toString('hex')}`,
    appId: '987654321012345',
    appSecret: randomBytes(16).toString('hex')
  }
  const sim = await startSimulator({ ...credentials, logger: silentLogger })
  const dataDir = await mkdtemp(join(tmpdir(), 'softphone-bench-idle-'))
  const core = spawn(process.execPath, [join(import.meta.dirname, '../scripts/run-core.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      FB_PAGE_ID: credentials.pageId,
      FB_PAGE_ACCESS_TOKEN: credentials.pageAccessToken,
      FB_APP_ID: credentials.appId,
      FB_APP_SECRET: credentials.appSecret,
      GRAPH_API_URL: sim.graphUrl,
      WEBHOOK_PORT: '0',
      SOFTPHONE_UI_PORT: '0',
      SOFTPHONE_DATA_DIR: dataDir
    },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let log = ''
  core.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  try {
    const pid = core.pid
    if (pid === undefined) throw new Error('the core did not start')
    const deadline = Date.now() + START_TIMEOUT_MS
    while (!log.includes('headless core running')) {
      if (core.exitCode !== null) throw new Error(`the core exited:\n${log}`)
      if (Date.now() > deadline) throw new Error(`the core did not start in time:\n${log}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const webhook = /"webhook":"(http:\/\/127\.0\.0\.1:\d+)\/webhook"/.exec(log)?.[1]
    if (webhook) sim.setWebhookUrl(`${webhook}${DEFAULT_WEBHOOK_PATH}`)
    // Start-up work (the subscription check, opening files) is not idle: let it finish first.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))

    const logAtStart = log.length
    const cpuAtStart = await cpuMs(pid)
    const samples = [await rss(pid)]
    process.stdout.write(`Watching the idle core (pid ${pid}) for ${SECONDS} s...\n`)
    const started = Date.now()
    while (Date.now() - started < SECONDS * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      samples.push(await rss(pid))
    }
    const cpuUsed = (await cpuMs(pid)) - cpuAtStart
    const elapsedS = (Date.now() - started) / 1000
    const idleLines = log.slice(logAtStart).split('\n').filter(Boolean)
    const maxRss = Math.max(...samples)
    const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`
    process.stdout.write(
      [
        `idle for ${elapsedS.toFixed(0)} s, no call (Node ${process.version}, ${process.arch})`,
        `RSS: ${mb(samples[0]!)} at the start, ${mb(samples.at(-1)!)} at the end, ${mb(maxRss)} at most`,
        `CPU time used: ${cpuUsed.toFixed(0)} ms (${((cpuUsed / (elapsedS * 1000)) * 100).toFixed(2)}% of one core)`,
        `log lines while idle: ${idleLines.length}`,
        ...idleLines.slice(0, 5).map((line) => `  ${line}`),
        `goal RSS <= ${GOAL_RSS_MB} MB throughout: ${maxRss <= GOAL_RSS_MB * MB ? 'met' : 'NOT met'}`
      ].join('\n') + '\n'
    )
  } finally {
    core.kill('SIGTERM')
    await new Promise((resolve) => core.once('exit', resolve))
    await sim.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:idle could not run: ${String(error)}\n`)
  process.exit(1)
})
