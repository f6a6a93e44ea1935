import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CoreStatus } from '../../../shared/api'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import { softphone } from '../services/softphone'
import { saidOf, type Said } from '../composables/useWords'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>()
  const status = ref<CoreStatus>()
  const error = ref<Said>()

  const pageConfigured = computed(() => status.value?.page.configured ?? false)
  /** A seat desk (issue #13): its hub has the Page, webhook and tunnel; this desk only its own. */
  const isSeat = computed(() => status.value?.hub !== undefined)

  async function load(): Promise<void> {
    const api = softphone()
    api.on('settings', (next) => (settings.value = next))
    api.on('status', (next) => (status.value = next))
    ;[settings.value, status.value] = await Promise.all([api.getSettings({}), api.getStatus({})])
  }

  async function update(patch: SettingsPatch): Promise<boolean> {
    try {
      settings.value = await softphone().updateSettings(patch)
      error.value = undefined
      return true
    } catch (failure) {
      error.value = saidOf(failure)
      return false
    }
  }

  return { settings, status, error, pageConfigured, isSeat, load, update }
})
