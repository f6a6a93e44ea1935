/**
 * What the core could not read in a data file at start, and where it kept it (it deletes
 * nothing), in the desk's language: each sentence from its words where the core gave them.
 */
import { computed, type ComputedRef } from 'vue'
import { useSettingsStore } from '../stores/settings'
import { useWords } from './useWords'

export function useDataNotices(area: 'history' | 'settings'): ComputedRef<string[]> {
  const settings = useSettingsStore()
  const { describe } = useWords()
  return computed(() => {
    const notices = settings.status?.notices
    const said = area === 'history' ? notices?.historyWords : notices?.settingsWords
    return (notices?.[area] ?? []).map((message, i) => describe({ message, words: said?.[i] }))
  })
}
