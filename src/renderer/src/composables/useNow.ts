import { onBeforeUnmount, ref, type Ref } from 'vue'

/** A clock that ticks every `intervalMs`, for countdowns and call timers. */
export function useNow(intervalMs = 250): Ref<number> {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), intervalMs)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
