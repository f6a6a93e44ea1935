/**
 * `npm run bench:answer`: how fast a call reaches the screen, and how fast one click turns into
 * sound, in real Chromium against the real core with the simulator as Meta and caller.
 *
 *  1. webhook delivered -> toast visible, over BENCH_CALLS calls (p50/p95; goal p50 <= 25 ms);
 *  2. click "Answer" -> first inbound audio packet, with the prepared answer (connection, offer
 *     and ICE made while ringing) and, in the same run, a naive answer that builds the connection
 *     and opens the microphone only after the click (goal: prepared <= 0.4x naive and <= 300 ms).
 */
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import type { Page } from 'playwright-core'
import { percentile } from './open-loop'
import { startInProcessRig } from '../src/main/simulator/rig/in-process'
import { launchChromium, openApp } from '../tests/e2e/support/browser'
import { RENDERER_DIR, TONES } from '../tests/e2e/support/paths'

const CALLS = Number(process.env['BENCH_CALLS'] ?? 20)
const MODES = ['prepared', 'prepared, mic open while ringing', 'naive'] as const
type Mode = (typeof MODES)[number]

// In-page code is passed as text: tsx names inner functions with a helper the page does not have.

/** Watches for the toast of a call inside the page; resolves with its epoch time (ms). */
const TOAST_SEEN_AT = `(id) => new Promise((resolve) => {
  const selector = '[role="alertdialog"][data-call-id="' + id + '"]'
  const check = () => {
    if (!document.querySelector(selector)) return false
    resolve(performance.timeOrigin + performance.now())
    return true
  }
  if (check()) return
  const observer = new MutationObserver(() => { if (check()) observer.disconnect() })
  observer.observe(document.body, { childList: true, subtree: true })
})`

/** Clicks Answer on a call and times, inside the page, the first RTP packet from the caller. */
const CLICK_TO_FIRST_PACKET = `(id) => new Promise((resolve, reject) => {
  const pcs = window.__peerConnections
  const button = document.querySelector(
    '[role="alertdialog"][data-call-id="' + id + '"] button[aria-keyshortcuts="Enter"]')
  if (!button) return reject(new Error('no Answer button'))
  const start = performance.now()
  button.click()
  // The prepared answer reuses the connection made while ringing; the naive one makes a new one.
  const poll = setInterval(() => {
    for (const pc of pcs) {
      if (pc.signalingState === 'closed') continue
      for (const receiver of pc.getReceivers()) {
        if (receiver.getSynchronizationSources().length > 0) {
          clearInterval(poll)
          resolve({ clickAt: performance.timeOrigin + start, firstPacketMs: performance.now() - start })
          return
        }
      }
    }
    if (performance.now() - start > 10000) {
      clearInterval(poll)
      reject(new Error('no audio within 10 s'))
    }
  }, 1)
})`

const inPage = <T>(page: Page, fn: string, arg: string): Promise<T> =>
  page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>

async function main(): Promise<void> {
  if (!existsSync(RENDERER_DIR) || process.env['BENCH_BUILD'] === '1') {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
  }
  if (!existsSync(TONES.app.file)) {
    execFileSync(
      'npx',
      ['vitest', 'run', '--project', 'e2e', '--passWithNoTests', '-t', 'nothing'],
      {
        stdio: 'ignore'
      }
    )
  }
  const rig = await startInProcessRig({ ringTimeoutMs: 30_000, staticDir: RENDERER_DIR })
  const browser = await launchChromium({ toneFile: TONES.app.file })
  const results: Record<'toast' | Mode, number[]> = {
    toast: [],
    prepared: [],
    'prepared, mic open while ringing': [],
    naive: []
  }
  const offerSent: Record<Mode, number[]> = {
    prepared: [],
    'prepared, mic open while ringing': [],
    naive: []
  }
  try {
    for (const mode of MODES) {
      await rig.client.api.updateSettings({
        audio: { openMicWhileRinging: mode === 'prepared, mic open while ringing' }
      })
      const url = new URL(rig.ui.info.pageUrl ?? '')
      if (mode === 'naive') url.searchParams.set('answer', 'naive')
      const page = await openApp(browser, url.toString())
      await page.getByText('Page connected').waitFor()
      for (let i = 0; i < CALLS + 1; i++) {
        const callId = rig.sim.ring()
        const seen = inPage<number>(page, TOAST_SEEN_AT, callId)
        const sentAt = Date.now()
        await rig.sim.deliverConnect(callId)
        const toastMs = (await seen) - sentAt
        // A prepared answer needs its preparation done, as it is while a real call rings.
        await page.waitForTimeout(300)
        const { clickAt, firstPacketMs: answerMs } = await inPage<{
          clickAt: number
          firstPacketMs: number
        }>(page, CLICK_TO_FIRST_PACKET, callId)
        // The part the app controls: from the click until its offer reaches "Meta".
        const accept = rig.sim.graph.requests.find(
          (request) => request.action === 'accept' && JSON.stringify(request.body).includes(callId)
        )
        // The first call warms up the page and the caller's codecs: not counted.
        if (i > 0) {
          if (mode === 'prepared') results.toast.push(toastMs)
          results[mode].push(answerMs)
          if (accept) offerSent[mode].push(accept.at - clickAt)
        }
        await page.getByRole('button', { name: 'Hang up' }).click()
        await rig.sim.whenEnded(callId)
      }
      await page.context().close()
    }
  } finally {
    await browser.close()
    await rig.close()
  }

  const row = (name: string, values: number[]): string =>
    `${name.padEnd(34)} ${String(values.length).padStart(5)} ${percentile(values, 50).toFixed(1).padStart(8)} ${percentile(values, 95).toFixed(1).padStart(8)}`
  const preparedP50 = percentile(results.prepared, 50)
  const naiveP50 = percentile(results.naive, 50)
  const toastP50 = percentile(results.toast, 50)
  console.log(
    `\nAnswer benchmark: ${CALLS} calls each, real Chromium, loopback, simulator as Meta\n`
  )
  console.log(
    `${'measure'.padEnd(34)} ${'calls'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`
  )
  console.log(row('webhook -> toast visible', results.toast))
  console.log(row('click -> first audio (prepared)', results.prepared))
  console.log(row('  ... mic open while ringing', results['prepared, mic open while ringing']))
  console.log(row('click -> first audio (naive)', results.naive))
  console.log(row('click -> offer at Graph (prepared)', offerSent.prepared))
  console.log(row('  ... mic open while ringing', offerSent['prepared, mic open while ringing']))
  console.log(row('click -> offer at Graph (naive)', offerSent.naive))
  console.log(
    '\nThe rest of click -> first audio is ICE and DTLS with the simulator (the same for every mode).'
  )
  console.log(`\nprepared / naive (p50): ${(preparedP50 / naiveP50).toFixed(2)}x`)
  const met = (ok: boolean): string => (ok ? 'met' : 'not met')
  console.log(`goal: toast p50 <= 25 ms: ${met(toastP50 <= 25)}`)
  console.log(
    `goal: prepared <= 0.4x naive and <= 300 ms: ${met(preparedP50 <= 0.4 * naiveP50 && preparedP50 <= 300)}`
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
