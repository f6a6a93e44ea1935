/**
 * Saving one setting from the Settings view: every change goes to the core as a patch
 * (`updateSettings`), which validates it and applies it at once. A refusal is kept per field, as a
 * sentence naming the control, so it shows right under what the owner just changed.
 */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { SettingsPatch } from '../../../shared/settings'
import { useSettingsStore } from '../stores/settings'
import type { Said } from './useWords'

/** The settings store's refusal reads `Invalid setting "audio.ringVolume": must be …`. */
const PROBLEM = /Invalid setting "[^"]*": ([^;]+)/

/** The core's reason ("must be a number from 0 to 1"), when the message is a settings refusal. */
function refusalReason(message: string): string | undefined {
  return PROBLEM.exec(message)?.[1]?.trim().replace(/\.$/, '') || undefined
}

export function useSettingsSave() {
  const { t } = useI18n()
  const store = useSettingsStore()
  /** Field key -> the sentence saying why its last change was not saved (words: as they are). */
  const refused = ref<Record<string, Said>>({})

  /** "Ring volume must be a number from 0 to 1." from the core's message; other messages as they are. */
  function refusalSentence(message: string, label: string): string {
    const reason = refusalReason(message)
    return reason ? t('settings.save.refusal', { label, reason }) : message
  }

  async function save(field: string, label: string, patch: SettingsPatch): Promise<boolean> {
    const ok = await store.update(patch)
    const { [field]: _previous, ...others } = refused.value
    const failure = store.error ?? t('settings.save.notSaved')
    const sentence = typeof failure === 'string' ? refusalSentence(failure, label) : failure
    refused.value = ok ? others : { ...others, [field]: sentence }
    return ok
  }

  /** A value refused before it was sent (not even a number): shown like the core's refusals. */
  function refuse(field: string, sentence: string): void {
    refused.value = { ...refused.value, [field]: sentence }
  }

  return { refused, save, refuse }
}
