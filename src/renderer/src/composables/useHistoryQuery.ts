/**
 * What the History view lists: the window's recent calls as they are (live), or, once a filter or
 * search is set, the core's answer to that query (`listHistory`), which also reaches calls older
 * than the recent ones. A query is asked again whenever a call is added or changes, so the list
 * stays live either way. A seat can also look at its own calls from before it joined its hub
 * (`listPastHistory`): those are always asked of the core, since no event brings them.
 */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { HistoryRecord } from '../../../shared/calls'
import type { HistoryFilter } from '../components/history/history-format'
import { softphone } from '../services/softphone'
import { RECENT_LIMIT, useHistoryStore } from '../stores/history'

/** Typing pauses this long before the core is asked: one query per word, not per key. */
export const SEARCH_DEBOUNCE_MS = 250

export interface HistoryQueryState {
  filter: Ref<HistoryFilter>
  search: Ref<string>
  /** The search as last sent (trimmed), for the "nothing matches" sentence. */
  term: Readonly<Ref<string>>
  shown: Readonly<Ref<HistoryRecord[]>>
  loading: Readonly<Ref<boolean>>
  error: Readonly<Ref<string | undefined>>
}

/** Which calls: the desk's history (a seat's is its hub's), or a seat's own from before it joined. */
export type HistorySource = 'current' | 'past'

export function useHistoryQuery(source: () => HistorySource = () => 'current'): HistoryQueryState {
  const history = useHistoryStore()
  const filter = ref<HistoryFilter>('all')
  const search = ref('')
  const term = ref('')
  const results = ref<HistoryRecord[]>()
  const error = ref<string>()
  const querying = computed(
    () => source() === 'past' || filter.value !== 'all' || term.value !== ''
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  /** Only the newest query's answer is shown, whatever order the answers come back in. */
  let latest = 0

  watch(search, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => (term.value = value.trim()), SEARCH_DEBOUNCE_MS)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  async function run(): Promise<void> {
    const ticket = ++latest
    if (!querying.value) {
      results.value = undefined
      error.value = undefined
      return
    }
    const query = {
      limit: RECENT_LIMIT,
      outcome: filter.value === 'missed' ? ('missed' as const) : undefined,
      search: term.value || undefined
    }
    try {
      const api = softphone()
      const list = await (source() === 'past' ? api.listPastHistory(query) : api.listHistory(query))
      if (ticket !== latest) return
      results.value = list
      error.value = undefined
    } catch (failure) {
      if (ticket !== latest) return
      error.value = failure instanceof Error ? failure.message : String(failure)
    }
  }
  // Another list: the last one's answer must not stand in for it while the new one is asked.
  watch(source, () => (results.value = undefined))
  watch([filter, term, source, () => history.records], () => void run(), {
    immediate: source() === 'past'
  })

  return {
    filter,
    search,
    term,
    shown: computed(() => (querying.value ? (results.value ?? []) : history.records)),
    loading: computed(() => querying.value && results.value === undefined && !error.value),
    error
  }
}
