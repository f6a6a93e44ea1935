/**
 * What the follow-up must remember across a restart, in one small owner-only file of the data
 * folder (missed-replies.json, 0600): when each customer last got a reply (at most one in 12 hours)
 * and which calls were announced already (once per call, whatever Meta replays). A file that
 * cannot be read is set aside beside itself (missed-replies.unreadable-<date>.json), said in the
 * log, and never deleted; the follow-up starts afresh.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { REPLY_INTERVAL_MS } from '../../../shared/missed-reply'
import { moveAside, setAsidePath } from '../config/set-aside'
import type { Logger } from '../log'
import { writeFileAtomic } from '../shared/atomic-write'

export const MISSED_REPLIES_FILE = 'missed-replies.json'

/** Meta replays a delivery for about a day at most; announced ids are kept a little longer. */
const ANNOUNCED_KEPT_MS = 36 * 3600_000

const Stored = z.object({
  version: z.literal(1),
  replied: z.record(z.string(), z.number()),
  announced: z.record(z.string(), z.number())
})
type Stored = z.infer<typeof Stored>

export interface MissedReplyState {
  /** When this customer last got a reply, if within the last 12 hours. */
  repliedWithin(psid: string, now: number): number | undefined
  /** Notes a reply (kept in memory at once, on disk when the write lands). */
  markReplied(psid: string, at: number): Promise<void>
  /** Takes back a reply that Meta refused: the customer got nothing. */
  unmarkReplied(psid: string, at: number): Promise<void>
  wasAnnounced(callId: string): boolean
  markAnnounced(callId: string, at: number): Promise<void>
}

function empty(): Stored {
  return { version: 1, replied: {}, announced: {} }
}

async function load(file: string, now: () => number, log: Logger): Promise<Stored> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty()
    throw error
  }
  try {
    return Stored.parse(JSON.parse(text))
  } catch {
    const aside = setAsidePath(file, now())
    await moveAside(file, aside)
    log.warn('the record of missed-call replies could not be read; it was set aside', {
      file: aside
    })
    return empty()
  }
}

function prune(stored: Stored, now: number): Stored {
  const keep = (entries: Record<string, number>, ms: number): Record<string, number> =>
    Object.fromEntries(Object.entries(entries).filter(([, at]) => now - at < ms))
  return {
    version: 1,
    replied: keep(stored.replied, REPLY_INTERVAL_MS),
    announced: keep(stored.announced, ANNOUNCED_KEPT_MS)
  }
}

export async function openMissedReplyState(
  dataDir: string,
  options: { now?: (() => number) | undefined; logger: Logger }
): Promise<MissedReplyState> {
  const now = options.now ?? Date.now
  const log = options.logger.child('follow-up')
  const file = join(dataDir, MISSED_REPLIES_FILE)
  let state = prune(await load(file, now, log), now())
  let writes: Promise<void> = Promise.resolve()

  const save = (): Promise<void> => {
    state = prune(state, now())
    const text = `${JSON.stringify(state)}\n`
    writes = writes
      .then(() => writeFileAtomic(file, text))
      .catch((error: unknown) => {
        // Memory still holds it for this run; only a restart could reply twice.
        log.warn('could not save the record of missed-call replies', { error: String(error) })
      })
    return writes
  }

  return {
    repliedWithin(psid, at) {
      const last = state.replied[psid]
      return last !== undefined && at - last < REPLY_INTERVAL_MS ? last : undefined
    },
    markReplied(psid, at) {
      state.replied[psid] = at
      return save()
    },
    unmarkReplied(psid, at) {
      if (state.replied[psid] !== at) return Promise.resolve()
      delete state.replied[psid]
      return save()
    },
    wasAnnounced: (callId) => state.announced[callId] !== undefined,
    markAnnounced(callId, at) {
      state.announced[callId] = at
      return save()
    }
  }
}
