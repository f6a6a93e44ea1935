/**
 * Trouble on demand: the next matching request fails with a chosen Graph error, or every matching
 * request is slow. Tests set these at runtime to see how the app copes with Meta having a bad day.
 */
import type { GraphErrorSpec } from './graph-error'

export interface FaultMatch {
  /** The `action` parameter of `/calls` (accept, reject, terminate, connect). */
  action?: string
  /** The request path equals this, or ends with it (`'/calls'`), or matches the pattern. */
  path?: string | RegExp
  method?: string
}

export interface InjectedError {
  code: number
  message: string
  subcode?: number
  status?: number
  type?: string
}

export interface RequestFacts {
  method: string
  path: string
  action: string | undefined
}

interface Failure {
  match: FaultMatch
  error: InjectedError
  remaining: number
}

interface Delay {
  match: FaultMatch
  ms: number
}

export function matches(match: FaultMatch, request: RequestFacts): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false
  if (match.action !== undefined && match.action !== request.action) return false
  if (match.path instanceof RegExp) return match.path.test(request.path)
  if (match.path !== undefined)
    return request.path === match.path || request.path.endsWith(match.path)
  return true
}

export class FaultBook {
  private failures: Failure[] = []
  private delays: Delay[] = []

  /** The next `times` matching requests fail with `error` (first registered, first used). */
  failNext(match: FaultMatch, error: InjectedError, times = 1): void {
    this.failures.push({ match, error, remaining: times })
  }

  /** Every matching request waits `ms` first; returns a function that lifts the delay. */
  delay(match: FaultMatch, ms: number): () => void {
    const entry = { match, ms }
    this.delays.push(entry)
    return () => {
      this.delays = this.delays.filter((item) => item !== entry)
    }
  }

  clear(): void {
    this.failures = []
    this.delays = []
  }

  delayFor(request: RequestFacts): number {
    return this.delays.filter((d) => matches(d.match, request)).reduce((sum, d) => sum + d.ms, 0)
  }

  /** Consumes and returns the error planned for this request, if any. */
  takeFailure(request: RequestFacts): GraphErrorSpec | undefined {
    const failure = this.failures.find((f) => matches(f.match, request))
    if (!failure) return undefined
    failure.remaining -= 1
    if (failure.remaining <= 0) this.failures = this.failures.filter((f) => f !== failure)
    const { code, message, subcode, status, type } = failure.error
    return {
      code,
      message,
      ...(subcode === undefined ? {} : { subcode }),
      ...(type === undefined ? {} : { type }),
      // Graph answers its own outages (codes 1 and 2) with a 5xx; everything else with 400.
      status: status ?? (code === 1 || code === 2 ? 500 : 400)
    }
  }
}

/** One request as the fake Graph saw it, credentials removed. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, unknown>
  body: unknown
  action: string | undefined
  /** HTTP status of the answer; undefined while the request is still being served. */
  status: number | undefined
  at: number
}
