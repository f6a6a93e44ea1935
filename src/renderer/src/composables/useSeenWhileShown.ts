/**
 * "Until seen": while the history is on screen, every missed call counts as seen, including one
 * that arrives while it is open. A window hidden in the tray (or a background tab) sees nothing,
 * so the badge waits until the page is visible again.
 */
import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useHistoryStore } from '../stores/history'

export function useSeenWhileShown(): void {
  const history = useHistoryStore()
  const mark = (): void => {
    if (document.visibilityState === 'visible') void history.markSeen()
  }
  onMounted(() => {
    mark()
    document.addEventListener('visibilitychange', mark)
  })
  onBeforeUnmount(() => document.removeEventListener('visibilitychange', mark))
  watch(
    () => history.unseenMissed,
    (unseen) => {
      if (unseen > 0) mark()
    }
  )
}
