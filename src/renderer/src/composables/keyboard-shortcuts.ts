/**
 * The app's keyboard shortcuts, one table: App.vue binds these keys (through useShortcuts), the
 * buttons announce them (aria-keyshortcuts) and Settings lists them, so the three cannot differ.
 * `key` is useShortcuts' form ("Ctrl+m"); on a Mac, Cmd counts as Ctrl. What each one does is
 * worded in Settings (ShortcutSettings.vue), in the desk's language.
 */

/** In the order a call goes, as Settings lists them (the keypad's own keys follow). */
export const SHORTCUTS = {
  answer: { key: 'Enter' },
  decline: { key: 'Escape' },
  mute: { key: 'Ctrl+m' },
  hangUp: { key: 'Ctrl+e' }
} as const

export type ShortcutName = keyof typeof SHORTCUTS

/** How a key is written for aria-keyshortcuts (and, in English, for people): "Ctrl+M", "Enter". */
export function keyLabel(key: string): string {
  return key.replace(/\+([a-z])$/, (_, letter: string) => `+${letter.toUpperCase()}`)
}
