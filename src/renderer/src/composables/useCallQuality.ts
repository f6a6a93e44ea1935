import { onBeforeUnmount, ref, type Ref } from 'vue'
import type { CallMedia } from '../media/call-media'
import type { CallQuality } from '../media/stats'

/** Polls the call's `getStats()` once a second while the component lives. */
export function useCallQuality(media: () => CallMedia | undefined): Ref<CallQuality | undefined> {
  const quality = ref<CallQuality>()
  const poll = async (): Promise<void> => {
    quality.value =
      (await media()
        ?.quality()
        .catch(() => undefined)) ?? quality.value
  }
  const timer = setInterval(() => void poll(), 1000)
  void poll()
  onBeforeUnmount(() => clearInterval(timer))
  return quality
}
