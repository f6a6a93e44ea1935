import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { HistoryRecord } from '../../../shared/calls'
import { softphone } from '../services/softphone'

export const useHistoryStore = defineStore('history', () => {
  const records = ref<HistoryRecord[]>([])

  const missed = computed(() => records.value.filter((record) => record.outcome === 'missed'))

  async function load(): Promise<void> {
    const api = softphone()
    api.on('historyAdded', (record) => {
      records.value = [record, ...records.value.filter((r) => r.callId !== record.callId)]
    })
    records.value = await api.listHistory({ limit: 200 })
  }

  return { records, missed, load }
})
