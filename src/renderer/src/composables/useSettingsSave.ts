/**
 * Saving one setting from the Settings view: every change goes to the core as a patch
 * (`updateSettings`), which validates it and applies it at once. A refusal is kept per field, as a
 * sentence naming the control, so it shows right under what the owner just changed.
 */
import { ref } from 'vue'
import type { SettingsPatch } from '../../../shared/settings'
import { useSettingsStore } from '../stores/settings'
import type { Said } from './useWords'

/** The settings store's refusal reads `Invalid setting "audio.ringVolume": must be …`. */
const PROBLEM = /Invalid setting "[^"]*": ([^;]+)/

/** "Ring volume must be a number from 0 to 1." from the core's message; other messages as they are. */
export function refusalSentence(message: string, label: string): string {
  const reason = PROBLEM.exec(message)?.[1]?.trim()
  if (!reason) return message
  return `${label} ${reason.replace(/\.$/, '')}.`
}

export function useSettingsSave() {
  const store = useSettingsStore()
  /** Field key -> the sentence saying why its last change was not saved (words: as they are). */
  const refused = ref<Record<string, Said>>({})

  async function save(field: string, label: string, patch: SettingsPatch): Promise<boolean> {
    const ok = await store.update(patch)
    const { [field]: _previous, ...others } = refused.value
    const failure = store.error ?? 'The change was not saved.'
    const sentence = typeof failure === 'string' ? refusalSentence(failure, label) : failure
    refused.value = ok ? others : { ...others, [field]: sentence }
    return ok
  }

  /** A value refused before it was sent (not even a number): shown like the core's refusals. */
  function refuse(field: string, label: string, reason: string): void {
    refused.value = { ...refused.value, [field]: `${label} ${reason}.` }
  }

  return { refused, save, refuse }
}
