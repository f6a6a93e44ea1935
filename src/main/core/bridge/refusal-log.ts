/**
 * Refused bridge connections, logged at most once a minute with a count. Any page the user visits
 * can hammer 127.0.0.1 with WebSocket attempts (bad token, foreign Origin): one warning each would
 * flood the log and the disk. The first refusal is logged at once; the ones that follow within the
 * minute are counted and logged together when it is over.
 */
import type { Logger } from '../log'

export const REFUSAL_LOG_INTERVAL_MS = 60_000

export interface RefusalLogTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const nodeTimers: RefusalLogTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0])
}

export interface RefusalLog {
  note(reason: string, origin: string | null): void
  /** Logs what is still counted and stops the timer. */
  dispose(): void
}

/** `subject` names what was refused in the log lines (the seat endpoint's are seat connections). */
export function createRefusalLog(
  log: Logger,
  timers: RefusalLogTimers = nodeTimers,
  subject = 'bridge connection'
): RefusalLog {
  /** Refusals since the last line, by reason; undefined while the minute after a line is quiet. */
  let counted: Map<string, number> | undefined
  let origins = new Set<string>()
  let timer: unknown

  /** Logs the refusals counted since the last line; false when there were none. */
  const logCounted = (): boolean => {
    const pending = counted
    counted = undefined
    if (!pending || pending.size === 0) return false
    let count = 0
    for (const n of pending.values()) count += n
    log.warn(`${subject}s refused`, {
      count,
      // One string, not an object keyed by reason: the log redacts any key that says "token".
      reasons: [...pending].map(([reason, n]) => `${reason}: ${n}`).join(', '),
      origins: [...origins]
    })
    origins = new Set()
    return true
  }

  const flush = (): void => {
    timer = undefined
    if (!logCounted()) return
    // A line was just written: the next minute is counted too.
    counted = new Map()
    // Timer "refusal log minute" (re-armed only while refusals keep coming).
    timer = timers.setTimeout(flush, REFUSAL_LOG_INTERVAL_MS)
  }

  return {
    note(reason, origin) {
      if (counted === undefined) {
        log.warn(`${subject} refused`, { reason, origin, count: 1 })
        counted = new Map()
        // Timer "refusal log minute" (once, after a first refusal).
        timer = timers.setTimeout(flush, REFUSAL_LOG_INTERVAL_MS)
        return
      }
      counted.set(reason, (counted.get(reason) ?? 0) + 1)
      if (origin !== null && origins.size < 5) origins.add(origin)
    },
    dispose() {
      if (timer !== undefined) timers.clearTimeout(timer)
      timer = undefined
      logCounted()
    }
  }
}
