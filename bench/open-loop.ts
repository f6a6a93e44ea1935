/**
 * An open-loop HTTP load generator: requests leave on a fixed schedule whatever the server is
 * doing, so a slow server cannot slow the client down and hide its own latency (the "coordinated
 * omission" a closed loop suffers). Latency is measured per request, from the moment it is handed
 * to the socket layer to the end of its response.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface PreparedRequest {
  body: Buffer
  headers: Record<string, string>
}

export interface LoadResult {
  sent: number
  /** Responses with status 200. */
  ok: number
  /** Other statuses and transport errors. */
  failed: number
  /** Milliseconds, one per 200 response. */
  latencies: number[]
  /** How late the client itself sent, worst case, in ms: a large value means the client was saturated. */
  maxScheduleLagMs: number
}

export interface LoadOptions {
  url: string
  rps: number
  seconds: number
  agent: http.Agent
  /** Builds request `index`; called before the run starts, so signing costs nothing during it. */
  prepare: (index: number) => PreparedRequest
  /** Settles waiting for stragglers after the last send. */
  drainTimeoutMs?: number
}

export async function runOpenLoop(options: LoadOptions): Promise<LoadResult> {
  const total = Math.round(options.rps * options.seconds)
  const requests = Array.from({ length: total }, (_, i) => options.prepare(i))
  const target = new URL(options.url)
  const interval = 1000 / options.rps
  const result: LoadResult = { sent: 0, ok: 0, failed: 0, latencies: [], maxScheduleLagMs: 0 }
  let inFlight = 0
  let allSent!: () => void
  const finished = new Promise<void>((resolve) => (allSent = resolve))
  let settleIdle: (() => void) | undefined
  let closed = false

  const send = (request: PreparedRequest): void => {
    inFlight += 1
    let settled = false
    const done = (ok: boolean, latency: number): void => {
      if (settled || closed) return
      settled = true
      if (ok) {
        result.ok += 1
        result.latencies.push(latency)
      } else {
        result.failed += 1
      }
      inFlight -= 1
      if (inFlight === 0) settleIdle?.()
    }
    const started = performance.now()
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: options.agent,
        headers: {
          ...request.headers,
          'content-length': String(request.body.length)
        }
      },
      (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode === 200, performance.now() - started))
        res.on('error', () => done(false, 0))
      }
    )
    req.on('error', () => done(false, 0))
    req.end(request.body)
  }

  const startedAt = performance.now()
  const tick = (): void => {
    const now = performance.now()
    while (result.sent < total && startedAt + result.sent * interval <= now) {
      const lag = now - (startedAt + result.sent * interval)
      if (lag > result.maxScheduleLagMs) result.maxScheduleLagMs = lag
      send(requests[result.sent]!)
      result.sent += 1
    }
    if (result.sent < total) {
      const wait = startedAt + result.sent * interval - performance.now()
      setTimeout(tick, Math.max(0, wait))
    } else {
      allSent()
    }
  }
  tick()
  await finished

  if (inFlight > 0) {
    const idle = new Promise<void>((resolve) => (settleIdle = resolve))
    const timeout = new Promise<void>((resolve) =>
      setTimeout(resolve, options.drainTimeoutMs ?? 5000).unref()
    )
    await Promise.race([idle, timeout])
    // Whatever is still out after the timeout counts as failed: it never came back.
    closed = true
    result.failed += inFlight
  }
  return result
}

/** Nearest-rank percentile of unsorted samples, in their unit; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

/** The median of a round's figures (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
