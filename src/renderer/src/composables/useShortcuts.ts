import { onBeforeUnmount, onMounted } from 'vue'

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>

/**
 * Window-wide keyboard shortcuts, keyed like "Enter" or "Ctrl+D". Ignored while typing in a field,
 * so a shortcut never fires from a settings form.
 */
export function useShortcuts(shortcuts: () => ShortcutMap): void {
  const onKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
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
