/**
 * The delivery journal: every verified webhook delivery is appended (and fsynced, grouped) before
 * its 200, so whatever Meta was told we kept survives a kill -9; our own transitions of each call
 * are noted beside them. It is compacted at start, once what it holds has been applied, and while
 * running once it has grown: what stays is what history does not have yet (deliveries not
 * processed, live calls, endings not yet written).
 */
import { join } from 'node:path'
import type { AnsweringCall, ConnectedCall, HistoryRecord } from '../../../shared/calls'
import type { Logger } from '../log'
import { AppendLog, type BatchObserver } from './append-log'
import {
  callIdsIn,
  deliveryLine,
  endedLine,
  parseJournalLine,
  transitionLine,
  type JournalRecord
} from './records'

export const JOURNAL_FILE = 'journal.jsonl'
/** Zeros written ahead (see AppendLog): the file grows once per some thousands of deliveries. */
const PREALLOCATE = 4 * 1024 * 1024
/** Lines appended since the last compaction that earn a new one. */
const COMPACT_AFTER_LINES = 5000

interface Line {
  seq: number
  text: string
  /** The calls the line is about: it goes once none of them still needs it. */
  ids: readonly string[]
}

/** Whether history still lacks what this call's lines hold (a live call, an unwritten ending). */
export type StillNeeded = (callId: string) => boolean

export interface OpenedJournal {
  journal: DeliveryJournal
  /** What the file held at start, in order. */
  records: JournalRecord[]
}

export class DeliveryJournal {
  private lines: Line[] = []
  private nextSeq = 1
  /** Every delivery up to this seq has been processed. */
  private processed = 0
  private sinceCompaction = 0
  private compacting: Promise<void> | undefined

  private constructor(
    private readonly log: AppendLog,
    private readonly stillNeeded: StillNeeded,
    private readonly logger: Logger
  ) {}

  static async open(
    dir: string,
    stillNeeded: StillNeeded,
    logger: Logger,
    /** Measurements of each grouped fsync (the benchmark reports them). */
    observe?: BatchObserver
  ): Promise<OpenedJournal> {
    const opened = await AppendLog.open(join(dir, JOURNAL_FILE), {
      preallocate: PREALLOCATE,
      observe
    })
    const journal = new DeliveryJournal(opened.log, stillNeeded, logger)
    const records: JournalRecord[] = []
    let unreadable = 0
    for (const text of opened.lines) {
      const record = parseJournalLine(text)
      if (!record) {
        unreadable++
        continue
      }
      records.push(record)
      journal.lines.push({ seq: journal.nextSeq++, text, ids: idsOf(record) })
    }
    if (unreadable > 0) logger.warn('skipped unreadable journal lines', { count: unreadable })
    // What the file held is applied by the caller before anything new arrives.
    journal.processed = journal.nextSeq - 1
    return { journal, records }
  }

  /**
   * Keeps a verified delivery; resolves with its sequence number once it is on disk. Only then may
   * the delivery be acknowledged.
   */
  async appendDelivery(raw: Buffer, envelope: { entry: readonly unknown[] }, at: number) {
    const text = deliveryLine(raw.toString('utf8'), at)
    const seq = this.add(text, callIdsIn(envelope))
    try {
      await this.log.append(text)
    } catch (error) {
      // Not acknowledged, so Meta sends it again: it must not reach the file at a compaction either.
      this.lines = this.lines.filter((line) => line.seq !== seq)
      throw error
    }
    return seq
  }

  /** Every delivery up to `seq` has been applied (deliveries are processed in order). */
  processedUpTo(seq: number): void {
    if (seq > this.processed) this.processed = seq
    if (this.sinceCompaction >= COMPACT_AFTER_LINES) void this.compact()
  }

  noteTransition(call: AnsweringCall | ConnectedCall, at: number): void {
    this.note(transitionLine(call, at), [call.id])
  }

  noteEnded(record: HistoryRecord, at: number): void {
    this.note(endedLine(record, at), [record.callId])
  }

  /**
   * Rewrites the file with only the lines history still needs: deliveries not processed yet, and
   * lines about calls `stillNeeded` names. A failure is logged; the longer file is kept.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting
    const before = this.lines.length
    this.lines = this.lines.filter(
      (line) => line.seq > this.processed || line.ids.some((id) => this.stillNeeded(id))
    )
    this.sinceCompaction = 0
    this.logger.debug('journal compacted', { before, after: this.lines.length })
    // Lines added from now on are carried into the new file by the log itself.
    this.compacting = this.log
      .rewrite(this.lines.map((line) => line.text))
      .catch((error: unknown) => {
        this.logger.error('could not compact the journal; keeping the longer file', {
          error: String(error)
        })
      })
      .finally(() => (this.compacting = undefined))
    return this.compacting
  }

  async close(): Promise<void> {
    await this.compacting
    await this.log.close()
  }

  private add(text: string, ids: readonly string[]): number {
    const seq = this.nextSeq++
    this.lines.push({ seq, text, ids })
    this.sinceCompaction++
    return seq
  }

  /** Our own notes are not waited for: losing the last one to a crash costs a detail, not a call. */
  private note(text: string, ids: readonly string[]): void {
    const seq = this.add(text, ids)
    // Nothing waits on a note, so it counts as processed at once.
    if (seq === this.processed + 1) this.processed = seq
    this.log.append(text).catch((error: unknown) => {
      this.logger.error('could not write to the journal', { error: String(error) })
    })
  }
}

function idsOf(record: JournalRecord): string[] {
  switch (record.k) {
    case 'd':
      try {
        const body = JSON.parse(record.body) as unknown
        const entry = (body as { entry?: unknown }).entry
        return Array.isArray(entry) ? callIdsIn({ entry }) : []
      } catch {
        return []
      }
    case 's':
      return [record.call.id]
    case 'e':
      return [record.record.callId]
  }
}
