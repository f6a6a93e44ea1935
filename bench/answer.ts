/**
 * `npm run bench:answer`: how fast a call reaches the screen, and how fast one click turns into
 * sound, in real Chromium against the real core with the simulator as Meta and caller.
 *
 * The microphone starts as a real one does: getUserMedia resolves only after a set delay
 * (default 200 ms; `--mic-start-ms=N` or BENCH_MIC_START_MS), in every mode, and access is granted
 * beforehand, as on a desk that has answered before. Three answers are compared:
 *  - naive: the connection built and the microphone opened only after the click, then the accept;
 *  - prepared (default settings): connection and offer made while ringing; the click sends the
 *    accept at once and the microphone joins when it has started;
 *  - prepared with "open the microphone while ringing".
 * Over BENCH_CALLS calls each (default 20): webhook -> toast, click -> accept at Graph, click ->
 * first inbound audio (p50/p95), then the steps of one prepared call. Goal: prepared click ->
 * first audio <= 0.4x naive and <= 300 ms.
 */
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import {
  CLICK_TO_FIRST_AUDIO,
  PREPARED,
  STAMP_CONNECTIONS,
  TOAST_SEEN_AT,
  slowMicrophone,
  type AnswerTimes
} from './answer-page'
import { busyMachineNote } from './busy-machine'
import { positiveNumber } from './env-number'
import { median, percentile } from './open-loop'
import { startInProcessRig, type InProcessRig } from '../src/main/simulator/rig/in-process'
import { launchChromium, openApp } from '../tests/e2e/support/browser'
import { RENDERER_DIR, TONES } from '../tests/e2e/support/paths'

const CALLS = positiveNumber('BENCH_CALLS', 20)
const micFlag = process.argv.find((arg) => arg.startsWith('--mic-start-ms='))
if (micFlag) process.env['BENCH_MIC_START_MS'] = micFlag.split('=')[1]
const MIC_START_MS = positiveNumber('BENCH_MIC_START_MS', 200)

const ALL_MODES = ['naive', 'prepared', 'prepared + mic open while ringing'] as const
type Mode = (typeof ALL_MODES)[number]
/** BENCH_MODES=prepared,naive runs only those (a quicker look while working on one of them). */
const MODES = ALL_MODES.filter((mode) =>
  (process.env['BENCH_MODES'] ?? ALL_MODES.join(',')).split(',').includes(mode)
)

interface ModeResults {
  toast: number[]
  accept: number[]
  firstAudio: number[]
  calls: AnswerTimes[]
}

const inPage = <T>(page: Page, fn: string, arg: unknown): Promise<T> =>
  page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>

async function runMode(rig: InProcessRig, browser: Browser, mode: Mode): Promise<ModeResults> {
  const micWhileRinging = mode === 'prepared + mic open while ringing'
  await rig.client.api.updateSettings({ audio: { openMicWhileRinging: micWhileRinging } })
  const url = new URL(rig.ui.info.pageUrl ?? '')
  if (mode === 'naive') url.searchParams.set('answer', 'naive')
  const page = await openApp(browser, url.toString(), {
    grantMicrophone: true,
    initScripts: [STAMP_CONNECTIONS, slowMicrophone(MIC_START_MS)]
  })
  await page.getByText('Page connected').waitFor()
  const results: ModeResults = { toast: [], accept: [], firstAudio: [], calls: [] }
  // The first call warms up the page and the caller's codecs: not counted.
  for (let i = 0; i < CALLS + 1; i++) {
    const callId = rig.sim.ring()
    const seen = inPage<number>(page, TOAST_SEEN_AT, callId)
    const sentAt = Date.now()
    await rig.sim.deliverConnect(callId)
    const toastMs = (await seen) - sentAt
    // A real call rings for seconds: long enough for everything made while ringing.
    await page.waitForTimeout(300)
    // Polled from here (page.evaluate is not subject to the app's CSP; waitForFunction is).
    while (mode !== 'naive' && !(await inPage<boolean>(page, PREPARED, micWhileRinging))) {
      await page.waitForTimeout(20)
    }
    const times = await inPage<AnswerTimes>(page, CLICK_TO_FIRST_AUDIO, callId)
    // When the offer reached "Meta": the simulator's clock, on the same machine.
    const accept = rig.sim.graph.requests.find(
      (request) => request.action === 'accept' && JSON.stringify(request.body).includes(callId)
    )
    if (i > 0) {
      results.toast.push(toastMs)
      results.firstAudio.push(times.steps.firstAudio)
      results.calls.push(times)
      if (accept) results.accept.push(accept.at - times.clickAt)
    }
    await page.getByRole('button', { name: 'Hang up' }).click()
    await rig.sim.whenEnded(callId)
  }
  await page.context().close()
  return results
}

const STEPS: [keyof AnswerTimes['steps'], string][] = [
  ['acceptSent', 'accept sent'],
  ['acceptAnswered', 'accept answered'],
  ['answerApplied', 'answer applied'],
  ['iceConnected', 'ICE connected'],
  ['dtlsConnected', 'DTLS connected'],
  ['firstAudio', 'first audio']
]

/**
 * The steps of the prepared call whose click -> first audio was the median one, beside each
 * step's own p50 over all prepared calls.
 */
function printSteps(prepared: ModeResults, acceptAt: (call: AnswerTimes) => number): void {
  const byAudio = [...prepared.calls].sort((a, b) => a.steps.firstAudio - b.steps.firstAudio)
  const call = byAudio[Math.floor((byAudio.length - 1) / 2)]
  if (!call) return
  console.log('\nWhere the time goes, prepared answer (ms after the click):')
  console.log(`  ${'step'.padEnd(22)} ${'median call'.padStart(11)} ${'p50 of each'.padStart(11)}`)
  const ms = (value: number | undefined): string =>
    (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1)).padStart(11)
  const line = (name: string, one: number | undefined, all: (number | undefined)[]): void => {
    const known = all.filter((value): value is number => value !== undefined)
    console.log(`  ${name.padEnd(22)} ${ms(one)} ${ms(percentile(known, 50))}`)
  }
  line('click', 0, [0])
  for (const [key, name] of STEPS) {
    line(
      name,
      call.steps[key],
      prepared.calls.map((each) => each.steps[key])
    )
    if (key === 'acceptSent') line('accept at Graph', acceptAt(call), prepared.accept)
  }
}

async function main(): Promise<void> {
  if (!existsSync(RENDERER_DIR) || process.env['BENCH_BUILD'] === '1') {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
  }
  if (!existsSync(TONES.app.file)) {
    execFileSync('npx', ['vitest', 'run', '--project', 'e2e', '--passWithNoTests', '-t', 'x'], {
      stdio: 'ignore'
    })
  }
  const rig = await startInProcessRig({ ringTimeoutMs: 30_000, staticDir: RENDERER_DIR })
  const browser = await launchChromium({ toneFile: TONES.app.file })
  const empty = (): ModeResults => ({ toast: [], accept: [], firstAudio: [], calls: [] })
  const results: Record<Mode, ModeResults> = {
    naive: empty(),
    prepared: empty(),
    'prepared + mic open while ringing': empty()
  }
  try {
    for (const mode of MODES) results[mode] = await runMode(rig, browser, mode)
  } finally {
    await browser.close()
    await rig.close()
  }
  const acceptAt = new Map<AnswerTimes, number>()
  for (const mode of MODES) {
    results[mode].calls.forEach((call, i) => acceptAt.set(call, results[mode].accept[i] ?? NaN))
  }

  const row = (name: string, values: number[]): void =>
    console.log(
      `${name.padEnd(60)} ${String(values.length).padStart(5)} ${percentile(values, 50).toFixed(1).padStart(8)} ${percentile(values, 95).toFixed(1).padStart(8)}`
    )
  console.log(
    `\nAnswer benchmark: ${CALLS} calls per mode, real Chromium, loopback, simulator as Meta`
  )
  console.log(
    `microphone start: ${MIC_START_MS} ms (getUserMedia resolves no sooner; --mic-start-ms=N or BENCH_MIC_START_MS), access granted beforehand\n`
  )
  console.log(
    `${'measure'.padEnd(60)} ${'calls'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`
  )
  row(
    'webhook -> toast visible',
    MODES.flatMap((mode) => results[mode].toast)
  )
  for (const mode of MODES) row(`click -> accept at Graph (${mode})`, results[mode].accept)
  for (const mode of MODES) row(`click -> first inbound audio (${mode})`, results[mode].firstAudio)
  printSteps(results.prepared, (call) => acceptAt.get(call) ?? NaN)

  const prepared = percentile(results.prepared.firstAudio, 50)
  const naive = percentile(results.naive.firstAudio, 50)
  const toast = median(MODES.flatMap((mode) => results[mode].toast))
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met')
  const note = busyMachineNote()
  if (note) console.log(`\n${note}`)
  console.log(
    `\nprepared / naive, click -> first inbound audio (p50): ${(prepared / naive).toFixed(2)}x`
  )
  console.log(`goal: toast p50 <= 25 ms: ${met(toast <= 25)}`)
  console.log(
    `goal: prepared (default settings) <= 0.4x naive and <= 300 ms, ${MIC_START_MS} ms microphone start: ${met(prepared <= 0.4 * naive && prepared <= 300)}`
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
