/**
 * Webhook acknowledgement benchmark: signed deliveries at a fixed rate against the real webhook
 * server with durable acks (each 200 waits for the journal's grouped fsync, on a real disk: see
 * ./disk), and against a bare Express handler that only answers 200, with the same client.
 * The goal is that verifying, journaling and fsyncing cost little next to HTTP itself: p99 within
 * 1.5x of the bare handler (the median of 5 interleaved rounds), and every event reaching the
 * consumer (the call registry).
 *
 *   npm run bench:webhook                          (500 req/s, 5 rounds of 4 s per target)
 *   BENCH_ROUNDS=3 BENCH_SECONDS=2 BENCH_RPS=200 npx tsx bench/webhook.ts
 *   BENCH_CONSUMER=counter npx tsx bench/webhook.ts   (a counter instead of the call registry)
 *   BENCH_DIR=/some/disk npx tsx bench/webhook.ts     (where the journal goes)
 *
 * Reports and exits 0 whether or not the goal is met; exits non-zero only when it cannot run.
 */
import { rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { CallRegistry } from '../src/main/core/calls'
import { DeliveryJournal } from '../src/main/core/journal/delivery-journal'
import { createLogger } from '../src/main/core/log'
import { createWebhookServer } from '../src/main/core/webhook/server'
import { busyMachineNote } from './busy-machine'
import { benchDataDir } from './disk'
import { positiveNumber } from './env-number'
import type { WebhookEvent } from '../src/shared/webhook'
import { startLoadClient } from './load-client'
import type { LoadClient } from './load-client'
import { median, percentile } from './open-loop'
import type { LoadResult } from './open-loop'

const APP_SECRET = 'bench-app-secret'
const WARMUP_SECONDS = 1
const SLICE_SECONDS = 1
const GOAL_RATIO = 1.5

interface Consumer {
  name: string
  consume: (events: WebhookEvent[], receivedAt: number) => void
  /** Distinct connects that reached it: a duplicate cannot hide a loss. */
  reached: () => number
  dispose: () => void
}

/**
 * The real call registry, as in the app: a delivery counts as arrived when the registry
 * publishes its call as ringing.
 */
function registryConsumer(): Consumer {
  const registry = new CallRegistry()
  const ringing = new Set<string>()
  registry.on('call', (call) => {
    if (call.state === 'ringing') ringing.add(call.id)
  })
  return {
    name: 'CallRegistry',
    consume: (events, receivedAt) => {
      for (const e of events) {
        if (e.kind === 'call') registry.handleEvent(e.event, e.pageId, receivedAt)
      }
    },
    reached: () => ringing.size,
    // Every call is still ringing with its deadline timer armed: dispose clears them.
    dispose: () => registry.dispose()
  }
}

/** A bare counter, to tell the webhook server's own cost from the registry's. */
function counterConsumer(): Consumer {
  const seen = new Set<string>()
  return {
    name: 'counter',
    consume: (events) => {
      for (const e of events) {
        if (e.kind === 'call' && e.event.event === 'connect') seen.add(e.event.id)
      }
    },
    reached: () => seen.size,
    dispose: () => seen.clear()
  }
}

/** Wraps a consumer to total the time it keeps the event loop busy. */
function timed(consumer: Consumer): Consumer & { busyMs: () => number; calls: () => number } {
  let busy = 0
  let calls = 0
  return {
    ...consumer,
    consume: (events, receivedAt) => {
      const started = performance.now()
      consumer.consume(events, receivedAt)
      busy += performance.now() - started
      calls += 1
    },
    busyMs: () => busy,
    calls: () => calls
  }
}

interface Target {
  name: string
  url: string
}

async function startBare(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express()
  app.disable('x-powered-by')
  app.post('/webhook', (_req, res) => {
    res.sendStatus(200)
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

interface Measured {
  name: string
  run: LoadResult
  /** Deliveries sent, warm-up included: each should have reached the consumer. */
  sentTotal: number
}

function merge(into: LoadResult, slice: LoadResult): void {
  into.sent += slice.sent
  into.ok += slice.ok
  into.failed += slice.failed
  for (const latency of slice.latencies) into.latencies.push(latency)
  into.maxScheduleLagMs = Math.max(into.maxScheduleLagMs, slice.maxScheduleLagMs)
}

/**
 * Runs the targets one after the other in alternating slices rather than one long block each:
 * the machine is shared, and background load that comes and goes then lands on all of them alike.
 */
async function measureAlternating(
  client: LoadClient,
  targets: Target[],
  rps: number,
  seconds: number,
  round: string
): Promise<Measured[]> {
  const measured = targets.map((target) => ({
    target,
    name: target.name,
    sentTotal: 0,
    run: { sent: 0, ok: 0, failed: 0, latencies: [], maxScheduleLagMs: 0 } as LoadResult
  }))
  const load = async (
    m: (typeof measured)[number],
    label: string,
    sliceSeconds: number
  ): Promise<LoadResult> => {
    const result = await client.run({
      url: m.target.url,
      rps,
      seconds: sliceSeconds,
      callIdPrefix: `c_${m.name}_${round}_${label}`,
      appSecret: APP_SECRET
    })
    m.sentTotal += result.sent
    return result
  }
  for (const m of measured) await load(m, 'warmup', WARMUP_SECONDS)
  const slices = Math.ceil(seconds / SLICE_SECONDS)
  for (let slice = 0; slice < slices; slice++) {
    const sliceSeconds = Math.min(SLICE_SECONDS, seconds - slice * SLICE_SECONDS)
    // Alternate who goes first too, so neither always follows the other's leftovers.
    const order = slice % 2 === 0 ? measured : [...measured].reverse()
    for (const m of order) merge(m.run, await load(m, String(slice), sliceSeconds))
  }
  return measured
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '-')

function row(cells: (string | number)[]): string {
  const widths = [6, 9, 7, 7, 7, 9, 9, 9]
  return cells.map((cell, i) => String(cell).padStart(widths[i] ?? 8)).join('')
}

interface Round {
  bare: Measured
  durable: Measured
}

function report(rounds: Round[], rps: number, seconds: number, lost: number, failed: number): void {
  console.log(
    `\nWebhook ack latency: ${rps} req/s, ${rounds.length} rounds of ${seconds} s per target, open ` +
      `loop, keep-alive, alternating ${SLICE_SECONDS} s slices after a ${WARMUP_SECONDS} s warm-up ` +
      `each; client on a worker thread.\n`
  )
  console.log(row(['round', 'target', 'sent', 'ok', 'failed', 'p50 ms', 'p99 ms', 'max ms']))
  const ratios: number[] = []
  rounds.forEach((round, i) => {
    for (const { name, run } of [round.bare, round.durable]) {
      console.log(
        row([
          i + 1,
          name,
          run.sent,
          run.ok,
          run.failed,
          ms(percentile(run.latencies, 50)),
          ms(percentile(run.latencies, 99)),
          ms(run.latencies.reduce((a, b) => Math.max(a, b), 0))
        ])
      )
    }
    ratios.push(
      percentile(round.durable.run.latencies, 99) / percentile(round.bare.run.latencies, 99)
    )
  })
  const p99 = (pick: (round: Round) => Measured): number =>
    median(rounds.map((round) => percentile(pick(round).run.latencies, 99)))
  const ratio = median(ratios)
  console.log(
    `\nper-round p99 ratios (durable / bare): ${ratios.map((r) => r.toFixed(2)).join(', ')}`
  )
  console.log(
    `median p99: bare ${ms(p99((r) => r.bare))} ms, durable ${ms(p99((r) => r.durable))} ms; ` +
      `ratio of the medians ${(p99((r) => r.durable) / p99((r) => r.bare)).toFixed(2)}x; ` +
      `median of the rounds' ratios ${ratio.toFixed(2)}x (the goal's figure)`
  )
  console.log(
    `deliveries lost (acknowledged, never reached the consumer): ${lost}; failed: ${failed}`
  )
  const busy = busyMachineNote()
  if (busy) console.log(busy)
  const met = ratio <= GOAL_RATIO && lost === 0 && failed === 0
  console.log(`goal: median p99 <= ${GOAL_RATIO}x bare, zero lost: ${met ? 'met' : 'not met'}`)
}

async function main(): Promise<void> {
  const seconds = positiveNumber('BENCH_SECONDS', 4)
  const rps = positiveNumber('BENCH_RPS', 500)
  const roundCount = Math.round(positiveNumber('BENCH_ROUNDS', 5))

  let problems = 0
  const consumerKind = process.env['BENCH_CONSUMER'] ?? 'registry'
  if (consumerKind !== 'registry' && consumerKind !== 'counter') {
    throw new Error('BENCH_CONSUMER must be registry or counter')
  }
  const logger = createLogger(
    (level, _scope, message, fields) => {
      problems += 1
      console.error(`${level} ${message} ${JSON.stringify(fields)}`)
    },
    'bench',
    'warn'
  )
  const data = await benchDataDir()
  console.log(`journal folder: ${data.dir} (${data.onDisk ? 'a real disk' : 'IN MEMORY: tmpfs'})`)
  const consumer = timed(consumerKind === 'registry' ? registryConsumer() : counterConsumer())
  // Nothing a live call would keep: lines go at each compaction once processed.
  const batches: { ms: number; lines: number }[] = []
  const { journal } = await DeliveryJournal.open(
    data.dir,
    () => false,
    logger,
    (ms, lines) => batches.push({ ms, lines })
  )
  const webhook = createWebhookServer({
    appSecret: APP_SECRET,
    verifyToken: 'bench-verify-token',
    logger,
    journal: { append: (raw, envelope, at) => journal.appendDelivery(raw, envelope, at) },
    onEvents: (events, meta) => {
      consumer.consume(events, meta.receivedAt)
      if (meta.seq !== undefined) journal.processedUpTo(meta.seq)
    }
  })

  const bare = await startBare()
  const client = startLoadClient()
  const rounds: Round[] = []
  let sentToDurable = 0
  let reached: number
  try {
    const { url } = await webhook.listen(0)
    const targets: Target[] = [
      { name: 'bare', url: bare.url },
      { name: 'durable', url }
    ]
    for (let i = 0; i < roundCount; i++) {
      // Alternate who opens each round too.
      const order = i % 2 === 0 ? targets : [...targets].reverse()
      const measured = await measureAlternating(client, order, rps, seconds, `r${i}`)
      const bareRun = measured.find((m) => m.name === 'bare')!
      const durableRun = measured.find((m) => m.name === 'durable')!
      sentToDurable += durableRun.sentTotal
      rounds.push({ bare: bareRun, durable: durableRun })
    }
    await webhook.drained()
    reached = consumer.reached()
  } finally {
    await client.stop()
    await Promise.all([bare.close(), webhook.close()])
    await journal.close()
    consumer.dispose()
    await rm(data.dir, { recursive: true, force: true })
  }
  const failed = rounds.reduce((sum, round) => sum + round.durable.run.failed, 0)
  const acknowledged = sentToDurable - failed
  report(rounds, rps, seconds, acknowledged - reached, failed)
  const fsyncs = batches.map((batch) => batch.ms)
  const lines = batches.reduce((sum, batch) => sum + batch.lines, 0)
  console.log(
    `group commit: ${batches.length} write+fsync batches for ${lines} lines ` +
      `(${(lines / Math.max(1, batches.length)).toFixed(2)} a batch); write+fsync ` +
      `p50 ${ms(percentile(fsyncs, 50))} ms, p99 ${ms(percentile(fsyncs, 99))} ms, ` +
      `max ${ms(Math.max(...fsyncs))} ms`
  )
  const perDelivery = (consumer.busyMs() * 1000) / Math.max(1, consumer.calls())
  console.log(
    `consumer: ${consumer.name}, ${perDelivery.toFixed(1)} µs per delivery on the server's event loop`
  )
  if (problems > 0) console.log(`the webhook logged ${problems} warnings or errors (see stderr)`)
}

main().catch((error: unknown) => {
  console.error('benchmark failed:', error)
  process.exitCode = 1
})
