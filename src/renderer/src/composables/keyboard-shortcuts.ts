/**
 * The app's keyboard shortcuts, one table: App.vue binds these keys (through useShortcuts), the
 * buttons announce them (aria-keyshortcuts) and Settings lists them, so the three cannot differ.
 * `key` is useShortcuts' form ("Ctrl+m"); on a Mac, Cmd counts as Ctrl.
 */
export const SHORTCUTS = {
  answer: { key: 'Enter', action: 'Answer the ringing call' },
  decline: { key: 'Escape', action: 'Decline the ringing call' },
  mute: { key: 'Ctrl+m', action: 'Mute or unmute the call' },
  hangUp: { key: 'Ctrl+e', action: 'Hang up' }
} as const

/** The keypad's keys work while it is open (DtmfKeypad binds its own twelve). */
export const KEYPAD_SHORTCUT = {
  keys: '0–9, *, #',
  action: 'Send a digit while the keypad is open'
}

/** How a key is written for people and for aria-keyshortcuts: "Ctrl+M", "Enter". */
export function keyLabel(key: string): string {
  return key.replace(/\+([a-z])$/, (_, letter: string) => `+${letter.toUpperCase()}`)
}

/** Every shortcut as Settings lists it, in the order a call goes. */
export function shortcutList(): { keys: string; action: string }[] {
  return [
    ...Object.values(SHORTCUTS).map((shortcut) => ({
      keys: keyLabel(shortcut.key),
      action: shortcut.action
    })),
    KEYPAD_SHORTCUT
  ]
}
