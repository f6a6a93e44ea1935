/**
 * The unseen missed-call count in the page title: "(2) Messenger Softphone". The desktop window
 * takes its title from the page, so this is the count on the Windows taskbar (which has no badge
 * Electron can set) and on a browser tab.
 */
import { watchEffect } from 'vue'

export function useMissedTitle(unseen: () => number): void {
  const base = document.title.replace(/^\(\d+\) /, '') || 'Messenger Softphone'
  watchEffect(() => {
    const count = unseen()
    document.title = count > 0 ? `(${count}) ${base}` : base
  })
}
