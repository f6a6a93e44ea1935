/**
 * The call history: an append-only JSON Lines file (history.jsonl) plus an in-memory index.
 *
 * Crash safety: each change is one write(2) of complete lines followed by fdatasync (see
 * history-file.ts), and a promise resolves only after that, so an acknowledged record survives a crash or power cut. A crash can
 * leave at most a torn last line (never acknowledged). Nothing the store cannot read is deleted:
 * `open` sets such lines aside in a dated file beside the history (see load.ts) and tells the user
 * (`notices`), and ends the file with a newline before anything is appended, so a new line never
 * glues onto a broken one.
 *
 * A later line for the same callId supersedes the earlier one. Superseded and retention-evicted
 * lines pile up until compaction rewrites the file (temp file + fsync + rename: atomic).
 *
 * One writer per file: the desktop app's single-instance lock (or one headless process) is assumed.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { CallQualityReport } from '../../../shared/calls'
import type { Logger } from '../log'
import { HistoryFile } from './history-file'
import { readHistoryFile, unreadableNotice } from './load'
import { byNewest, selectRecords, type Entry, type HistoryQuery } from './query'
import { serializeLine, toStored } from './record'
import type { ExtraFields, HistoryInput, StoredHistoryRecord } from './record'
import type { Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export const HISTORY_FILE = 'history.jsonl'

export interface HistoryStoreOptions {
  /** Keep this many calls, dropping the oldest (by start time) beyond it. */
  maxRecords?: number
  /** Rewrite the file once this many of its lines are superseded, evicted or corrupt. */
  compactAfterDeadLines?: number
  fileName?: string
  /** The clock that dates a set-aside file (tests pin it). */
  now?: () => number
}

export type { HistoryQuery } from './query'

/** What `update` may change: anything but the id; `caller` is merged field by field. */
export type HistoryPatch = Partial<Omit<HistoryInput, 'callId' | 'caller'>> & {
  caller?: Partial<HistoryInput['caller']>
}

export class HistoryStore {
  private readonly entries = new Map<string, Entry>()
  private nextSeq = 0
  private readonly disk: HistoryFile
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false
  private compactionQueued = false
  private readonly maxRecords: number
  private readonly compactAfter: number
  private notice: Words | undefined

  private constructor(
    readonly file: string,
    private readonly logger: Logger,
    private readonly options: HistoryStoreOptions
  ) {
    this.maxRecords = options.maxRecords ?? 5000
    this.compactAfter = options.compactAfterDeadLines ?? 1000
    this.disk = new HistoryFile(file, logger)
  }

  static async open(
    dir: string,
    logger: Logger,
    options: HistoryStoreOptions = {}
  ): Promise<HistoryStore> {
    // 0700 if new: the folder holds who called and when.
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const store = new HistoryStore(join(dir, options.fileName ?? HISTORY_FILE), logger, options)
    await store.load()
    return store
  }

  /**
   * Records a call, or replaces the record with the same callId (e.g. the caller's name arrived
   * late). `seenAt` and `quality` are kept from the earlier record unless the new one sets them
   * (the call's end is re-recorded without them). Resolves once the line is on disk.
   */
  upsert(record: HistoryInput): Promise<StoredHistoryRecord> {
    return this.enqueue(async () => {
      const stored = this.merged(record)
      await this.commit([stored])
      return this.get(stored.callId) ?? stored
    })
  }

  /** `upsert` for several calls in one write and one fsync (a restart applying its journal). */
  upsertMany(records: readonly HistoryInput[]): Promise<void> {
    return this.enqueue(async () => {
      if (records.length > 0) await this.commit(records.map((record) => this.merged(record)))
    })
  }

  private merged(record: HistoryInput): StoredHistoryRecord {
    const previous = this.entries.get(record.callId)?.record
    return toStored({
      ...record,
      seenAt: record.seenAt ?? previous?.seenAt,
      quality: record.quality ?? previous?.quality,
      // Written by the follow-up after the call's end, which may be recorded again later.
      followUp: record.followUp ?? previous?.followUp
    })
  }

  /** `upsert` for callers that need no answer (the service's HistoryPort). */
  async append(record: HistoryInput): Promise<void> {
    await this.upsert(record)
  }

  /** Changes some fields of a stored call; resolves undefined when there is no such call. */
  update(callId: string, patch: HistoryPatch): Promise<StoredHistoryRecord | undefined> {
    return this.enqueue(async () => {
      const previous = this.entries.get(callId)?.record
      if (!previous) return undefined
      const stored = toStored({
        ...previous,
        ...patch,
        callId,
        caller: { ...previous.caller, ...patch.caller }
      })
      await this.commit([stored])
      return this.get(callId)
    })
  }

  /**
   * Sets a call's quality report; the time it went to Meta is kept unless the new report has one
   * (a second report of the call must not make it look unsent). Undefined when there is no such call.
   */
  setQuality(callId: string, quality: CallQualityReport): Promise<StoredHistoryRecord | undefined> {
    return this.enqueue(async () => {
      const previous = this.entries.get(callId)?.record
      if (!previous) return undefined
      const sentToMetaAt = quality.sentToMetaAt ?? previous.quality?.sentToMetaAt
      await this.commit([toStored({ ...previous, quality: { ...quality, sentToMetaAt } })])
      return this.get(callId)
    })
  }

  /** Marks calls as seen (one write for all of them); returns how many were not seen before. */
  markSeen(callIds: Iterable<string>, at: number = Date.now()): Promise<number> {
    const ids = [...new Set(callIds)]
    return this.enqueue(() =>
      this.commitSeen(
        ids.map((id) => this.entries.get(id)?.record),
        at
      )
    )
  }

  /**
   * Marks every missed call not seen yet as seen (the user opened the history). The calls are
   * picked in the write queue, so a missed call recorded just before is among them.
   */
  markMissedSeen(at: number = Date.now()): Promise<number> {
    return this.enqueue(() =>
      this.commitSeen(
        [...this.entries.values()]
          .map(({ record }) => record)
          .filter((record) => record.outcome === 'missed'),
        at
      )
    )
  }

  /** Missed calls nobody has looked at yet: the tray and dock badge. */
  unseenMissedCount(): number {
    let count = 0
    for (const { record } of this.entries.values()) {
      if (record.outcome === 'missed' && record.seenAt === undefined) count++
    }
    return count
  }

  /** Missed calls that ended after `upTo`: a seat desk's badge (see seen-marks.ts). */
  missedEndedAfter(upTo: number): number {
    let count = 0
    for (const { record } of this.entries.values()) {
      if (record.outcome === 'missed' && record.endedAt > upTo) count++
    }
    return count
  }

  /**
   * When the newest missed call ended (0 when none): a seat's "seen up to" as it opens the
   * history. Picked in the write queue, so a missed call recorded just before is counted.
   */
  newestMissedEnd(): Promise<number> {
    return this.enqueue(async () => {
      let newest = 0
      for (const { record } of this.entries.values()) {
        if (record.outcome === 'missed') newest = Math.max(newest, record.endedAt)
      }
      return newest
    })
  }

  /**
   * Newest first (by start time). Only records whose write has completed are listed. Async so a
   * store that pages from disk later could stand in; today it answers from memory at once.
   */
  async list(query: HistoryQuery = {}): Promise<StoredHistoryRecord[]> {
    return selectRecords(this.entries.values(), query)
  }

  get(callId: string): StoredHistoryRecord | undefined {
    return this.entries.get(callId)?.record
  }

  /** How many calls the history holds. */
  count(): number {
    return this.entries.size
  }

  /** Sentences for the History view: entries that could not be read, and where they are kept. */
  notices(): string[] {
    return this.notice ? [englishWords(this.notice)] : []
  }

  /** The same sentences as words, for each window to say in its own language. */
  noticeWords(): Words[] {
    return this.notice ? [this.notice] : []
  }

  /** Waits for pending writes, then closes the file. Later writes reject. */
  close(): Promise<void> {
    return this.enqueue(async () => {
      this.closed = true
      await this.disk.close()
    })
  }

  private async commitSeen(
    records: (StoredHistoryRecord | undefined)[],
    at: number
  ): Promise<number> {
    const changed = records
      .filter(
        (record): record is StoredHistoryRecord =>
          record !== undefined && record.seenAt === undefined
      )
      .map((record) => toStored({ ...record, seenAt: at }))
    if (changed.length > 0) await this.commit(changed)
    return changed.length
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.closed) throw new Error('The call history is closed')
      return operation()
    })
    // The queue goes on after a failure: one bad record must not block the ones after it.
    this.queue = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<void> {
    const loaded = await readHistoryFile(this.file, this.logger, (this.options.now ?? Date.now)())
    for (const { record, extra } of loaded.scan.records) this.index(record, extra)
    this.notice = unreadableNotice(loaded, this.file)
    await this.disk.open(loaded)
    this.evictOverflow()
    // Set-aside lines leave history.jsonl now (their copy is on disk), so they are moved only once.
    const movedOut = loaded.setAsideFile !== undefined && loaded.scan.unreadable.length > 0
    if (movedOut || this.deadLines() >= this.compactAfter) await this.compact()
  }

  private deadLines(): number {
    return this.disk.deadLines(this.entries.size)
  }

  /** Puts a record in the index (the caller has written it, or read it from the file). */
  private index(record: StoredHistoryRecord, extra?: ExtraFields): void {
    const existing = this.entries.get(record.callId)
    const frozen = Object.freeze({ ...record, caller: Object.freeze({ ...record.caller }) })
    const seq = existing?.seq ?? this.nextSeq++
    this.entries.set(record.callId, { record: frozen, seq, extra: extra ?? existing?.extra })
  }

  /** Writes the lines, then updates the index: memory never runs ahead of the disk. */
  private async commit(records: StoredHistoryRecord[]): Promise<void> {
    await this.disk.append(
      records.map((record) => serializeLine(record, this.entries.get(record.callId)?.extra))
    )
    for (const record of records) this.index(record)
    this.evictOverflow()
    this.scheduleCompaction()
  }

  /**
   * Queued as its own step, so the write that crossed the threshold resolves without waiting for
   * the rewrite; later writes (and close) wait behind it.
   */
  private scheduleCompaction(): void {
    if (this.compactionQueued || this.deadLines() < this.compactAfter) return
    this.compactionQueued = true
    void this.enqueue(async () => {
      this.compactionQueued = false
      if (this.deadLines() >= this.compactAfter) await this.compact()
    }).catch(() => undefined)
  }

  /** Retention: drops the oldest calls beyond maxRecords (their lines go at the next compaction). */
  private evictOverflow(): void {
    const excess = this.entries.size - this.maxRecords
    if (excess <= 0) return
    const oldest = [...this.entries.values()].sort(byNewest).slice(-excess)
    for (const { record } of oldest) this.entries.delete(record.callId)
  }

  /** Rewrites the file with only the live records, in the order they were first written. */
  private compact(): Promise<void> {
    return this.disk.compact([...this.entries.values()].sort((a, b) => a.seq - b.seq))
  }
}
