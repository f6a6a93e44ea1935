/**
 * The service's history side: each ended call written (and written again when details arrive
 * late), the quality report the answering client sends as its call ends (which may arrive before or
 * after that write), the unseen missed-call count behind every badge (each desk its own), and the callers' photos the
 * history list shows (records leave photos out to stay small).
 */
import type { EventMessage, MissedCalls, CallerPhotos } from '../../../shared/api'
import type { ParsedCommandRequest } from '../../../shared/api'
import type { CallQualityReport, EndedCall, HistoryRecord } from '../../../shared/calls'
import { toHistoryRecord } from '../../../shared/calls'
import type { Logger } from '../log'
import { metricsWanted, toCallMetrics } from './call-metrics'
import { OWNER_DESK, tookCall } from './client-views'
import type { ClientHandle } from './softphone-service'
import { toServiceError } from './errors'
import type { CallerLookup, HistoryPort, MetricsPort, RegistryPort, SettingsPort } from './ports'
import { wordedError } from '../../../shared/words-english'

/** Reports for calls still live: one per answering client, capped against a misbehaving client. */
const PENDING_KEPT = 100
/** Calls remembered as sent to Meta; far more than end within Meta's 24 h in one run. */
const SENT_KEPT = 5000
/** Parallel profile lookups for one photo request: a list after a restart must not flood Graph. */
const PHOTO_LOOKUPS_AT_ONCE = 6

export interface HistoryServiceDeps {
  registry: Pick<RegistryPort, 'get'>
  history: HistoryPort
  profiles?: CallerLookup | undefined
  /** Meta's call_metrics; absent: never sent. */
  metrics?: MetricsPort | undefined
  settings: Pick<SettingsPort, 'get'>
  broadcast: (message: EventMessage) => void
  logger: Logger
  now?: (() => number) | undefined
}

export class HistoryService {
  /** Quality reported while the call was still live, waiting for the call's record. */
  private readonly pending = new Map<string, CallQualityReport>()
  /** Calls whose metrics went (or are going) to Meta: once per call. */
  private readonly sent = new Set<string>()
  private readonly now: () => number
  private readonly log: Logger

  constructor(private readonly deps: HistoryServiceDeps) {
    this.now = deps.now ?? Date.now
    this.log = deps.logger.child('history')
  }

  /** Writes an ended call (again, when it changed), with any quality reported before. */
  async record(call: EndedCall): Promise<void> {
    const quality = this.pending.get(call.id)
    this.pending.delete(call.id)
    const record: HistoryRecord = { ...toHistoryRecord(call), ...(quality ? { quality } : {}) }
    try {
      const stored = (await this.deps.history.append(record)) ?? record
      // The stored record carries a quality report that came earlier; only ours has the photo.
      this.announce({ ...stored, caller: record.caller })
      if (record.outcome === 'missed') this.publishMissed()
      void this.sendToMeta(stored)
    } catch (error) {
      this.log.error('could not write the call to history', {
        callId: call.id,
        error: String(error)
      })
    }
  }

  /**
   * The answering client's final figures. Only that client may report (another client's numbers would
   * describe no call), and only while the registry still knows the call (minutes after its end).
   * A seat is one client per connection of its link: after its link (or the hub) restarted
   * mid-call, the seat desk that took the call reports under a new id.
   */
  async reportQuality(
    request: ParsedCommandRequest<'reportCallQuality'>,
    client: Pick<ClientHandle, 'id' | 'role' | 'deskName'>
  ): Promise<void> {
    const { callId, ...figures } = request
    const call = this.deps.registry.get(callId)
    if (!call) {
      throw wordedError('not-found', 'service.qualityTooLate')
    }
    if (!tookCall(call, client)) {
      throw wordedError('conflict', 'service.qualityNotYours')
    }
    const quality: CallQualityReport = { ...figures, reportedAt: this.now() }
    if (call.state !== 'ended') {
      // Media closes before the hang-up reaches the core: the record is written at the end.
      this.hold(callId, quality)
      return
    }
    // Queued after the call's own record, which the `ended` event has already started writing.
    const stored = await this.deps.history.setQuality(callId, quality)
    if (!stored) {
      throw wordedError('not-found', 'service.qualityNotInHistory')
    }
    this.announce(stored)
    void this.sendToMeta(stored)
  }

  /** The unseen missed calls of one desk (a desk key, see client-views.ts). */
  missedCalls(desk: string): MissedCalls {
    return { unseen: this.deps.history.unseenMissedCount(desk) }
  }

  /** This desk has seen its missed calls; each client is then told its own desk's count. */
  async markSeen(desk: string): Promise<MissedCalls> {
    await this.deps.history.markMissedSeen(desk)
    this.publishMissed()
    return this.missedCalls(desk)
  }

  /** Photos of these callers, from the profile cache (Graph only for those not cached). */
  async photos(psids: readonly string[]): Promise<CallerPhotos> {
    const profiles = this.deps.profiles
    const photos: CallerPhotos = {}
    if (!profiles) return photos
    const queue = [...new Set(psids)]
    const worker = async (): Promise<void> => {
      for (let psid = queue.shift(); psid !== undefined; psid = queue.shift()) {
        const photo = (await profiles.lookup(psid).catch(() => undefined))?.photo
        if (photo) photos[psid] = photo
      }
    }
    await Promise.all(Array.from({ length: PHOTO_LOOKUPS_AT_ONCE }, worker))
    return photos
  }

  private hold(callId: string, quality: CallQualityReport): void {
    this.pending.delete(callId)
    this.pending.set(callId, quality)
    trim(this.pending, PENDING_KEPT)
  }

  /** Sends the figures to Meta once, when the owner opted in and Meta would still take them. */
  private async sendToMeta(record: HistoryRecord): Promise<void> {
    const { metrics } = this.deps
    const quality = record.quality
    if (!metrics || !quality || quality.sentToMetaAt !== undefined) return
    if (!this.deps.settings.get().quality.sendToMeta || this.sent.has(record.callId)) return
    if (!metricsWanted(record, this.now())) return
    this.sent.add(record.callId)
    trim(this.sent, SENT_KEPT)
    try {
      if (!(await metrics.send(record, toCallMetrics(record, quality)))) return
      const stored = await this.deps.history.setQuality(record.callId, {
        ...quality,
        sentToMetaAt: this.now()
      })
      if (stored) this.announce(stored)
    } catch (error) {
      // The figures stay in history either way; a later report of this call may try again.
      this.sent.delete(record.callId)
      this.log.warn('Meta did not take the call quality figures', {
        callId: record.callId,
        error: toServiceError(error).message
      })
    }
  }

  private announce(record: HistoryRecord): void {
    this.deps.broadcast({ event: 'historyAdded', payload: record })
  }

  /** The hub's own count; each seat is told its desk's instead (client-views.ts eventFor). */
  private publishMissed(): void {
    this.deps.broadcast({ event: 'missedCalls', payload: this.missedCalls(OWNER_DESK) })
  }
}

/** Drops the oldest entries (insertion order) beyond `max`. */
function trim(collection: Set<string> | Map<string, unknown>, max: number): void {
  for (const key of collection.keys()) {
    if (collection.size <= max) break
    collection.delete(key)
  }
}
