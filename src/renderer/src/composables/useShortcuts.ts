import { onBeforeUnmount, onMounted } from 'vue'

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>

/**
 * Window-wide keyboard shortcuts, keyed like "Enter" or "Ctrl+D". Ignored while typing in a field,
 * so a shortcut never fires from a settings form, and Enter is left to a focused button or link.
 */
export function useShortcuts(shortcuts: () => ShortcutMap): void {
  const onKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
    // Enter on a focused button or link activates that control (a keyboard user's Decline must
    // decline), so it is not taken as a window-wide shortcut.
    if (event.key === 'Enter' && target?.closest?.('button, a[href], summary, [role="button"]')) {
      return
    }
    const key = `${event.ctrlKey || event.metaKey ? 'Ctrl+' : ''}${event.altKey ? 'Alt+' : ''}${event.key}`
    const action = shortcuts()[key]
    if (action) {
      event.preventDefault()
      action(event)
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
