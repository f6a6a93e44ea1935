/**
 * The call history as this window sees it: the recent calls (live: every `historyAdded` lands
 * here), the unseen missed-call count behind the History badge, and the callers' photos. Records
 * leave photos out (they would bloat the history file), so photos are kept here by PSID: from the
 * calls this window saw ring, and otherwise asked of the core (its profile cache) once a session.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { MAX_PHOTOS_PER_REQUEST } from '../../../shared/history-api'
import type { Caller, HistoryRecord } from '../../../shared/calls'
import { softphone } from '../services/softphone'

/** What the window keeps and lists without a query: months of calls for a small business. */
export const RECENT_LIMIT = 200

const byNewest = (a: HistoryRecord, b: HistoryRecord): number => b.startedAt - a.startedAt

export const useHistoryStore = defineStore('history', () => {
  const records = ref<HistoryRecord[]>([])
  const unseenMissed = ref(0)
  const photos = ref<Record<string, string>>({})
  /** PSIDs whose photo was asked for, found or not: each is asked once a session. */
  const asked = new Set<string>()

  const missed = computed(() => records.value.filter((record) => record.outcome === 'missed'))

  function keepPhoto(caller: Caller): void {
    if (caller.photo && photos.value[caller.psid] !== caller.photo) {
      photos.value = { ...photos.value, [caller.psid]: caller.photo }
    }
  }

  /** A new or changed record (late caller details, the quality report) replaces its old copy. */
  function put(record: HistoryRecord): void {
    keepPhoto(record.caller)
    records.value = [record, ...records.value.filter((r) => r.callId !== record.callId)]
      .sort(byNewest)
      .slice(0, RECENT_LIMIT)
  }

  async function load(): Promise<void> {
    const api = softphone()
    api.on('historyAdded', put)
    api.on('missedCalls', (next) => (unseenMissed.value = next.unseen))
    api.on('callUpdated', (call) => keepPhoto(call.caller))
    await refresh()
  }

  /**
   * Asks the core for the list and the missed count again: after this desk joined or left a hub,
   * its history is another one (the hub's, or its own again).
   */
  async function refresh(): Promise<void> {
    const api = softphone()
    const before = new Set(records.value)
    const [list, missedCalls] = await Promise.all([
      api.listHistory({ limit: RECENT_LIMIT }),
      api.getMissedCalls({})
    ])
    // Records that arrived while the list was on its way are newer than it: they win.
    const early = records.value.filter((record) => !before.has(record))
    records.value = list
    for (const record of early) put(record)
    unseenMissed.value = missedCalls.unseen
  }

  /** The user has the history in front of them: every missed call counts as seen. */
  async function markSeen(): Promise<void> {
    if (unseenMissed.value === 0) return
    try {
      unseenMissed.value = (await softphone().markHistorySeen({})).unseen
    } catch {
      // The badge stays; the next look at the history tries again.
    }
  }

  /** Asks the core for the photos of these callers that this window does not have yet. */
  async function loadPhotos(psids: readonly string[]): Promise<void> {
    const wanted = [...new Set(psids)].filter((psid) => psid && !asked.has(psid))
    for (let start = 0; start < wanted.length; start += MAX_PHOTOS_PER_REQUEST) {
      const batch = wanted.slice(start, start + MAX_PHOTOS_PER_REQUEST)
      for (const psid of batch) asked.add(psid)
      try {
        const found = await softphone().getCallerPhotos({ psids: batch })
        photos.value = { ...photos.value, ...found }
      } catch {
        // Initials stand in for a photo; a later session asks again.
        for (const psid of batch) asked.delete(psid)
      }
    }
  }

  /** The caller with the photo this window knows for them. */
  function withPhoto(caller: Caller): Caller {
    const photo = caller.photo ?? photos.value[caller.psid]
    return photo ? { ...caller, photo } : caller
  }

  return {
    records,
    missed,
    unseenMissed,
    photos,
    load,
    refresh,
    markSeen,
    loadPhotos,
    withPhoto
  }
})
