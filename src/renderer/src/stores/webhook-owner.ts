/**
 * Who receives the app's webhook, as every view tells it (the core finds out and sends it with the
 * status), and the owner's explicit "Ring on this desk instead". A refusal or a success is shown
 * only while the owner it was about is still the one the core reports, so a later change (another
 * desk taking the calls back) never leaves an old sentence standing.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { pageNameOf, webhookElsewhere } from '../../../shared/connection'
import { webhookOwnerWords, type WebhookOwner } from '../../../shared/webhook-owner'
import { softphone } from '../services/softphone'
import { useSettingsStore } from './settings'
import { saidOf, type Said } from '../composables/useWords'

/** Enough to tell one owner from the next: a change of state, address or desk. */
function ownerKey(owner: WebhookOwner | undefined): string {
  if (!owner) return ''
  if (owner.state === 'other-desk') return `${owner.state} ${owner.url} ${owner.desk.deskName}`
  return 'url' in owner ? `${owner.state} ${owner.url}` : owner.state
}

export const useWebhookOwnerStore = defineStore('webhook-owner', () => {
  const settings = useSettingsStore()
  const owner = computed(() => settings.status?.webhookOwner)
  const sentence = computed(() =>
    owner.value && settings.status
      ? webhookOwnerWords(owner.value, pageNameOf(settings.status))
      : undefined
  )
  const elsewhere = computed(() => (webhookElsewhere(owner.value) ? owner.value : undefined))

  const takingOver = ref(false)
  const refused = ref<{ for: string; sentence: Said }>()
  const tookOverAs = ref<string>()

  /** The core's sentence why taking over was refused, while the owner it refused is still there. */
  const refusal = computed(() =>
    refused.value?.for === ownerKey(owner.value) ? refused.value.sentence : undefined
  )
  /** This desk has just taken the calls, and still has them. */
  const justTookOver = computed(
    () => tookOverAs.value !== undefined && tookOverAs.value === ownerKey(owner.value)
  )

  async function takeOver(): Promise<boolean> {
    const before = ownerKey(owner.value)
    takingOver.value = true
    refused.value = undefined
    try {
      const result = await softphone().takeOverWebhook({})
      // The new owner shows at once; the core's next status confirms (or corrects) it.
      if (settings.status) settings.status = { ...settings.status, webhookOwner: result.owner }
      tookOverAs.value = ownerKey(result.owner)
      return true
    } catch (failure) {
      refused.value = { for: before, sentence: saidOf(failure) }
      return false
    } finally {
      takingOver.value = false
    }
  }

  return {
    owner,
    sentence,
    elsewhere,
    takingOver,
    refusal,
    justTookOver,
    takeOver
  }
})
