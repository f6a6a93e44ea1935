/**
 * A seat's own calls from before it joined its hub (issue 13, item 2): the history file its hub
 * role wrote, left where it was when the desk joined, read here without ever writing to it. Not
 * HistoryStore.open, which repairs and compacts the file it opens: the past stays as it was.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryRecord } from '../../../shared/calls'
import { selectRecords, type Entry, type HistoryQuery } from '../history/query'
import { scanLines } from '../history/scan'
import { HISTORY_FILE } from '../history/store'

export interface PastHistory {
  /** True when the file holds any record. */
  readonly any: boolean
  /** The same query as the hub's history, newest first. */
  list(query: HistoryQuery): Promise<HistoryRecord[]>
}

/** Reads the desk's history file once (it no longer changes); no file is an empty past. */
export async function readPastHistory(dataDir: string): Promise<PastHistory> {
  const data = await readFile(join(dataDir, HISTORY_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  // A later line for the same call supersedes the earlier one, as in the store.
  const entries = new Map<string, Entry>()
  for (const { record } of data ? scanLines(data).records : []) {
    const seq = entries.get(record.callId)?.seq ?? entries.size
    entries.set(record.callId, { record, seq })
  }
  return {
    any: entries.size > 0,
    list: async (query) => selectRecords(entries.values(), query)
  }
}
