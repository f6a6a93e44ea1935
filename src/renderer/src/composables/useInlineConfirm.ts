import { nextTick, ref } from 'vue'

/**
 * A question asked in place (settings/InlineConfirm.vue) instead of the button that asked it:
 * `confirming` swaps them, and "cancel" brings the button back with the keyboard's focus on it,
 * so a keyboard user carries on where they were. Bind the button with `ref="opener"`.
 */
export function useInlineConfirm() {
  const confirming = ref(false)
  const opener = ref<HTMLButtonElement>()

  async function cancel(): Promise<void> {
    confirming.value = false
    await nextTick()
    opener.value?.focus()
  }

  return { confirming, opener, cancel }
}
