import { computed, type ComputedRef, type Ref } from 'vue'
import type { CallQuality } from '../media/stats'

/** The two meters of a call, 0..1: what the microphone sends (silent while muted) and what plays. */
export function useAudioLevels(
  quality: Ref<CallQuality | undefined>,
  muted: Ref<boolean>
): { input: ComputedRef<number>; output: ComputedRef<number> } {
  return {
    input: computed(() => (muted.value ? 0 : (quality.value?.inputLevel ?? 0))),
    output: computed(() => quality.value?.outputLevel ?? 0)
  }
}
