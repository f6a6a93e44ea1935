/**
 * The service's view of history (service/ports.ts HistoryPort): the store for the calls, each
 * desk's own "seen" for the missed-calls badges, and a word to whoever follows what was written.
 */
import type { HistoryRecord } from '../../../shared/calls'
import type { HistoryPort } from '../service/ports'
import type { DeskSeen } from './desk-seen'
import type { HistoryStore } from './store'

export function historyServicePort(
  history: HistoryStore,
  deskSeen: Pick<DeskSeen, 'markSeen' | 'unseen'>,
  written: (record: HistoryRecord) => void
): HistoryPort {
  return {
    append: async (record) => {
      const stored = await history.upsert(record)
      written(record)
      return stored
    },
    list: (query) => history.list(query),
    setQuality: (callId, quality) => history.setQuality(callId, quality),
    markMissedSeen: (desk) => deskSeen.markSeen(desk),
    unseenMissedCount: (desk) => deskSeen.unseen(desk)
  }
}
