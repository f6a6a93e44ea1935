/**
 * Caller names and photos for the ringing path. A lookup starts when `connect` arrives, in
 * parallel with the ring, so it must never throw and never take long: it resolves `undefined` on
 * any failure or after `timeoutMs`, and the toast simply shows the caller without a name.
 */
import { silentLogger, type Logger } from '../log'
import type { CallerProfile, GraphProfilesApi } from './profiles-api'
import { GraphError } from './errors'

export const PROFILE_TTL_MS = 24 * 60 * 60 * 1000
/** Long enough not to hammer Graph while one caller retries, short enough to heal on its own. */
export const PROFILE_FAILURE_TTL_MS = 5 * 60 * 1000
export const PROFILE_LOOKUP_TIMEOUT_MS = 3_000
export const PROFILE_CACHE_SIZE = 500

export interface ProfileCacheOptions {
  logger?: Logger | undefined
  ttlMs?: number | undefined
  failureTtlMs?: number | undefined
  timeoutMs?: number | undefined
  maxEntries?: number | undefined
  /** Injected clock for tests. */
  now?: (() => number) | undefined
}

interface Entry {
  /** undefined: the lookup failed, and is not retried before `expiresAt`. */
  profile: CallerProfile | undefined
  expiresAt: number
}

export type ProfileSource = Pick<GraphProfilesApi, 'getCallerProfile'>

export class ProfileCache {
  private readonly entries = new Map<string, Entry>()
  private readonly pending = new Map<string, Promise<CallerProfile | undefined>>()
  private readonly log: Logger
  private readonly ttlMs: number
  private readonly failureTtlMs: number
  private readonly timeoutMs: number
  private readonly maxEntries: number
  private readonly now: () => number
  /** Bumped by clear(): lookups started before it must not refill the cache with another Page's data. */
  private generation = 0

  constructor(
    private readonly source: ProfileSource,
    options: ProfileCacheOptions = {}
  ) {
    this.log = options.logger ?? silentLogger
    this.ttlMs = options.ttlMs ?? PROFILE_TTL_MS
    this.failureTtlMs = options.failureTtlMs ?? PROFILE_FAILURE_TTL_MS
    this.timeoutMs = options.timeoutMs ?? PROFILE_LOOKUP_TIMEOUT_MS
    this.maxEntries = Math.max(1, options.maxEntries ?? PROFILE_CACHE_SIZE)
    this.now = options.now ?? Date.now
  }

  /** The profile, from cache or Graph; concurrent calls for one PSID share one request. Never rejects. */
  get(psid: string): Promise<CallerProfile | undefined> {
    if (!psid) return Promise.resolve(undefined)
    const entry = this.fresh(psid)
    if (entry) return Promise.resolve(entry.profile)
    const running = this.pending.get(psid)
    if (running) return running
    const lookup = this.lookup(psid, this.generation).finally(() => {
      if (this.pending.get(psid) === lookup) this.pending.delete(psid)
    })
    this.pending.set(psid, lookup)
    return lookup
  }

  /** A cached profile without starting a lookup (for snapshots that cannot wait). */
  peek(psid: string): CallerProfile | undefined {
    return this.fresh(psid)?.profile
  }

  /** Forget everything, e.g. when another Page is connected (PSIDs are per Page). */
  clear(): void {
    this.generation += 1
    this.entries.clear()
    this.pending.clear()
  }

  get size(): number {
    return this.entries.size
  }

  private fresh(psid: string): Entry | undefined {
    const entry = this.entries.get(psid)
    if (!entry) return undefined
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(psid)
      return undefined
    }
    // Re-insert so Map order tracks recent use: the first key is always the one to evict.
    this.entries.delete(psid)
    this.entries.set(psid, entry)
    return entry
  }

  private store(psid: string, generation: number, profile: CallerProfile | undefined): void {
    if (generation !== this.generation) return
    const ttl = profile ? this.ttlMs : this.failureTtlMs
    this.entries.delete(psid)
    this.entries.set(psid, { profile, expiresAt: this.now() + ttl })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  private async lookup(psid: string, generation: number): Promise<CallerProfile | undefined> {
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      // Timer "profile lookup timeout" (once per lookup, during a call).
      timer = setTimeout(() => {
        controller.abort()
        resolve('timeout')
      }, this.timeoutMs)
    })
    try {
      // The race also covers a source that ignores the abort signal.
      const result = await Promise.race([
        this.source.getCallerProfile(psid, { signal: controller.signal }),
        timedOut
      ])
      if (result === 'timeout') {
        this.log.debug('caller profile timed out', { timeoutMs: this.timeoutMs })
        this.store(psid, generation, undefined)
        return undefined
      }
      this.store(psid, generation, result)
      return result
    } catch (error) {
      this.logFailure(psid, error)
      this.store(psid, generation, undefined)
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }

  // The caller's PSID is personal data: it stays out of the log (the call id identifies the call).
  private logFailure(_psid: string, error: unknown): void {
    if (!(error instanceof GraphError)) {
      this.log.warn('caller profile lookup failed', { error })
      return
    }
    // Token and permission problems need the owner (Business Asset User Profile Access is a
    // common gap); outages and unknown PSIDs are routine and stay at debug.
    const needsOwner = error.kind === 'token-expired' || error.kind === 'permission'
    const fields = error.toLogFields()
    if (needsOwner) this.log.warn('caller profile lookup failed', fields)
    else this.log.debug('caller profile lookup failed', fields)
  }
}
