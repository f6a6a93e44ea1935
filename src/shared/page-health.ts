/**
 * Whether Meta accepted the Page token lately: the core asks at start, every few minutes and on
 * resume from sleep, and every UI shows "Page connected" only while the last yes is fresh. Plain
 * data: the core produces it, UIs read it against their own clock (a stale yes is not a yes).
 */
import type { Words } from './words'

export type PageHealth =
  /** No Page and app are set up: nothing to check. */
  | { state: 'not-configured' }
  /** Credentials are set up, and no answer about them has come back yet. */
  | { state: 'checking' }
  /** Meta accepted the Page token at `checkedAt` (ms since the epoch). */
  | { state: 'ok'; checkedAt: number; pageName?: string | undefined }
  /**
   * The check failed at `checkedAt`; `message` is one sentence for the owner. `unreachable`: Meta
   * never answered (or is down); `token`: Meta refused the token; `other`: anything else.
   */
  | {
      state: 'failed'
      checkedAt: number
      problem: 'unreachable' | 'token' | 'other'
      /** In English; `words` is the same sentence for each window to say in its language. */
      message: string
      words?: Words | undefined
    }

/** A yes older than this no longer proves anything: the UIs stop saying "Page connected". */
export const PAGE_HEALTH_MAX_AGE_MS = 5 * 60_000

export const PAGE_HEALTH_UNCHECKED: PageHealth = { state: 'not-configured' }

/** Meta accepted the token less than PAGE_HEALTH_MAX_AGE_MS before `now`. */
export function pageHealthFresh(health: PageHealth, now: number): boolean {
  return health.state === 'ok' && now - health.checkedAt < PAGE_HEALTH_MAX_AGE_MS
}
