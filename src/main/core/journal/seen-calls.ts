/**
 * The calls whose outcome is recorded, with when, kept on disk (seen-calls.jsonl) for the replay
 * window: whoever runs the tunnel sees Meta's signed deliveries and can send them again, and a
 * replayed `connect` or `terminate` must not ring a call again or change how it ended, after a
 * restart too. The call registry's tombstones cover minutes; this covers the window. Deliveries
 * older than the window are refused outright (see replay-guard), so nothing older is needed.
 * Compacted at every start: entries past the window are dropped.
 */
import { join } from 'node:path'
import type { Logger } from '../log'
import { AppendLog } from './append-log'

export const SEEN_CALLS_FILE = 'seen-calls.jsonl'
/** How long a recorded call is remembered, and how old a delivery may be: 7 days. */
export const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60_000

export class SeenCalls {
  private constructor(
    private readonly seen: Map<string, number>,
    private readonly log: AppendLog,
    private readonly logger: Logger
  ) {}

  static async open(dir: string, logger: Logger, now: number = Date.now()): Promise<SeenCalls> {
    const opened = await AppendLog.open(join(dir, SEEN_CALLS_FILE))
    const seen = new Map<string, number>()
    for (const line of opened.lines) {
      const entry = parse(line)
      if (entry && now - entry.at < REPLAY_WINDOW_MS) seen.set(entry.id, entry.at)
    }
    if (seen.size !== opened.lines.length) {
      await opened.log.rewrite([...seen].map(([id, at]) => lineOf(id, at)))
    }
    return new SeenCalls(seen, opened.log, logger)
  }

  has(callId: string): boolean {
    return this.seen.has(callId)
  }

  /** Remembers a call whose outcome is recorded (from now on, a replay of it changes nothing). */
  add(callId: string, at: number): void {
    if (this.seen.has(callId)) return
    this.seen.set(callId, at)
    // Oldest first (insertion order): a long run forgets what has left the window, one at a time.
    const [oldest, oldestAt] = this.seen.entries().next().value ?? []
    if (oldest !== undefined && oldestAt !== undefined && at - oldestAt >= REPLAY_WINDOW_MS) {
      this.seen.delete(oldest)
    }
    this.log.append(lineOf(callId, at)).catch((error: unknown) => {
      this.logger.error('could not remember a recorded call', { error: String(error) })
    })
  }

  close(): Promise<void> {
    return this.log.close()
  }
}

function lineOf(id: string, at: number): string {
  return JSON.stringify({ id, at })
}

function parse(line: string): { id: string; at: number } | undefined {
  try {
    const value = JSON.parse(line) as { id?: unknown; at?: unknown }
    return typeof value.id === 'string' && typeof value.at === 'number'
      ? { id: value.id, at: value.at }
      : undefined
  } catch {
    return undefined
  }
}
