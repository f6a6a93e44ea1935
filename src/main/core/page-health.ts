/**
 * Asks Meta whether it still accepts the Page token (`GET /me?fields=id,name` with it): at start,
 * again every few minutes while the app runs, on demand (resume from sleep, new credentials), and
 * sooner after a failure so a connection that comes back shows soon. The result, with the time it
 * was learnt, is what lets a UI say "Page connected" (see shared/connection).
 */
import type { PageHealth } from '../../shared/page-health'
import { PAGE_HEALTH_MAX_AGE_MS } from '../../shared/page-health'
import { isGraphError, type PageInfo } from './graph'
import { silentLogger, type Logger } from './log'
import { words, type Words } from '../../shared/words'
import { englishWords } from '../../shared/words-english'

/**
 * Every 5 minutes, minus the time a check may take (the Graph client's 10 s timeout and some), so
 * a fresh answer replaces the last one before the UIs count it as stale.
 */
export const PAGE_HEALTH_INTERVAL_MS = PAGE_HEALTH_MAX_AGE_MS - 30_000
/** After a failure: soon enough that a connection coming back shows within a minute. */
export const PAGE_HEALTH_RETRY_MS = 30_000

export interface PageHealthOptions {
  /** The Page the token belongs to, as Meta says (GraphClient.getTokenOwner). */
  tokenOwner: () => Promise<PageInfo>
  /** The Page id the owner entered, read on every check. */
  pageId: () => string | undefined
  /** Page and app set up: without them there is nothing to check. */
  configured: () => boolean
  onChange: (health: PageHealth) => void
  logger?: Logger | undefined
  now?: () => number
  intervalMs?: number | undefined
  retryMs?: number | undefined
}

/** A failed check as one sentence, and which kind of trouble it is. */
export function describeFailure(
  error: unknown
): Pick<Extract<PageHealth, { state: 'failed' }>, 'problem' | 'message' | 'words'> {
  if (!isGraphError(error)) return failed('other', words('pageHealth.unchecked'))
  switch (error.kind) {
    case 'token-expired':
      return failed('token', words('pageHealth.tokenRejected'))
    case 'permission':
      return failed('token', words('pageHealth.permissionMissing'))
    case 'unavailable':
    case 'rate-limited':
      return failed('unreachable', error.userWords)
    default:
      return failed('other', error.userWords)
  }
}

function failed<P extends Extract<PageHealth, { state: 'failed' }>['problem']>(
  problem: P,
  said: Words
): { problem: P; message: string; words: Words } {
  return { problem, message: englishWords(said), words: said }
}

export class PageHealthMonitor {
  private health: PageHealth = { state: 'not-configured' }
  private timer: NodeJS.Timeout | undefined
  /** Bumped by every check and by dispose: an answer to an older question is dropped. */
  private generation = 0
  private running = false
  private readonly log: Logger
  private readonly now: () => number
  private readonly intervalMs: number
  private readonly retryMs: number

  constructor(private readonly options: PageHealthOptions) {
    this.log = options.logger ?? silentLogger
    this.now = options.now ?? Date.now
    this.intervalMs = options.intervalMs ?? PAGE_HEALTH_INTERVAL_MS
    this.retryMs = options.retryMs ?? PAGE_HEALTH_RETRY_MS
  }

  current(): PageHealth {
    return this.health
  }

  /** Checks now, then keeps checking until dispose(). */
  start(): Promise<PageHealth> {
    this.running = true
    return this.checkNow()
  }

  /**
   * Checks now (resume from sleep, new credentials). Until the answer comes, the UIs see
   * `checking` only when nothing was known: a fresh yes keeps counting until it goes stale.
   */
  async checkNow(): Promise<PageHealth> {
    const generation = ++this.generation
    clearTimeout(this.timer)
    if (!this.options.configured()) {
      this.set({ state: 'not-configured' })
      return this.health
    }
    if (this.health.state === 'not-configured') this.set({ state: 'checking' })
    const next = await this.ask()
    if (generation !== this.generation) return this.health
    this.set(next)
    if (this.running) {
      const delay = next.state === 'ok' ? this.intervalMs : this.retryMs
      // Periodic timer "page token check": re-armed after each check, ~5 min (30 s after failing).
      this.timer = setTimeout(() => void this.checkNow(), delay)
      this.timer.unref?.()
    }
    return next
  }

  /** New credentials: what was known about the old ones says nothing about these. */
  reset(): Promise<PageHealth> {
    this.set({ state: 'not-configured' })
    return this.checkNow()
  }

  dispose(): void {
    this.running = false
    this.generation += 1
    clearTimeout(this.timer)
  }

  private async ask(): Promise<PageHealth> {
    const expected = this.options.pageId()
    try {
      const owner = await this.options.tokenOwner()
      const checkedAt = this.now()
      if (expected && owner.id !== expected)
        return {
          state: 'failed',
          checkedAt,
          ...failed('token', words('pageHealth.otherPage', { id: owner.id }))
        }
      return { state: 'ok', checkedAt, pageName: owner.name }
    } catch (error) {
      const failure = describeFailure(error)
      // Offline, this runs every 30 s: one line when the trouble starts or changes is enough.
      const before = this.health
      if (before.state !== 'failed' || before.message !== failure.message)
        this.log.warn('page check failed', {
          problem: failure.problem,
          ...(isGraphError(error) ? error.toLogFields() : { error: String(error) })
        })
      return { state: 'failed', checkedAt: this.now(), ...failure }
    }
  }

  private set(next: PageHealth): void {
    const previous = this.health
    this.health = next
    if (JSON.stringify(previous) !== JSON.stringify(next)) this.options.onChange(next)
  }
}
