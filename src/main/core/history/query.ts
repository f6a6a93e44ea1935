/** The history's in-memory index entries, and the query the History view asks of them. */
import type { CallOutcome } from '../../../shared/calls'
import type { ExtraFields, StoredHistoryRecord } from './record'

export interface HistoryQuery {
  limit?: number | undefined
  outcome?: CallOutcome | undefined
  /** Case-insensitive substring of the caller's name or PSID. */
  search?: string | undefined
}

export interface Entry {
  record: StoredHistoryRecord
  /** Order of first appearance: ties on startedAt keep a stable order across reloads. */
  seq: number
  /** Fields of a newer version's record, kept for the call's later lines (see record.ts). */
  extra?: ExtraFields | undefined
}

/** Newest first. */
export function byNewest(a: Entry, b: Entry): number {
  return b.record.startedAt - a.record.startedAt || b.seq - a.seq
}

/** The records that answer `query`, newest first (by start time). */
export function selectRecords(
  entries: Iterable<Entry>,
  query: HistoryQuery
): StoredHistoryRecord[] {
  const search = query.search?.trim().toLowerCase()
  const limit = query.limit ?? Infinity
  const out: StoredHistoryRecord[] = []
  for (const { record } of [...entries].sort(byNewest)) {
    if (out.length >= limit) break
    if (query.outcome && record.outcome !== query.outcome) continue
    if (search && !matches(record, search)) continue
    out.push(record)
  }
  return out
}

function matches(record: StoredHistoryRecord, search: string): boolean {
  return (
    record.caller.psid.toLowerCase().includes(search) ||
    (record.caller.name?.toLowerCase().includes(search) ?? false)
  )
}
