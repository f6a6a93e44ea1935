/** What a seat client is given and shows (seat-client.ts), apart so the client stays readable. */
import type { Logger } from '../log'
import type { Words } from '../../../shared/words'
import { englishWords, wordedError } from '../../../shared/words-english'
import type { BackoffPolicy } from '../tunnel/backoff'
import type { LinkOptions } from './pairing'
import { SEAT_PING_MS } from './seat-endpoint'

export type SeatLinkStatus =
  | { state: 'connecting' }
  /** `hubName`: the hub's desk name, when the hub told it. */
  | { state: 'online'; name: string; hubName?: string | undefined }
  /** `reason` in English; `words` the same, unless the hub or its carrier said it in its own words. */
  | { state: 'offline'; reason: string; words?: Words }
  /** `reason` in English; `words` the same, unless the hub said it in its own words. */
  | { state: 'refused'; reason: string; words?: Words }

/** The link is down: why, in English (for the log and exit messages) and as words when it has them. */
export function offlineStatus(said: string | Words): Extract<SeatLinkStatus, { state: 'offline' }> {
  if (typeof said === 'string') return { state: 'offline', reason: `Hub offline: ${said}` }
  return { state: 'offline', reason: `Hub offline: ${englishWords(said)}`, words: said }
}

/** A command while the link is not up fails with why; the link's reason stays as it gave it. */
export function notOnlineFailure(current: SeatLinkStatus): Error {
  return 'reason' in current
    ? wordedError('internal', 'seat.notOnlineBecause', {
        reason: ('words' in current && current.words) || current.reason
      })
    : wordedError('internal', 'seat.notOnline')
}

export const SEAT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 }
export const HUB_SILENT_MS = SEAT_PING_MS * 2 + 5_000

export interface SeatTimers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realTimers: SeatTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout)
}

export interface SeatClientOptions extends LinkOptions {
  /**
   * The hub's public address (its tunnel URL or PUBLIC_URL), http(s) or ws(s); may be left out
   * when `pairingCode` is the hub's invitation, which carries it (desk-invitation.ts).
   */
  hubUrl?: string | undefined
  /** Where this desk's key and the pinned hub key are kept. */
  dataDir: string
  /** The hub's address on this desk's local network, tried before `hubUrl` (hub-lan.ts). */
  lanUrl?: string | undefined
  /** The one-time code, or the whole invitation "Add a desk" gave, for the first connection only. */
  pairingCode?: string | undefined
  /**
   * Hears the hub's new public address when the hub tells it (sealed); the seat uses it from its
   * next connection on, and the desk may keep it for its next start.
   */
  onHubUrl?: ((hubUrl: string) => void) | undefined
  backoff?: BackoffPolicy | undefined
  random?: (() => number) | undefined
  timers?: SeatTimers | undefined
  /** How long without a ping from the hub before its connection counts as dead. */
  hubSilentMs?: number | undefined
  logger?: Logger | undefined
}
