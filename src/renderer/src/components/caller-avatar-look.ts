/**
 * What a caller's avatar shows, as a pure function so every place (toast, in call, history, call
 * back) draws the same person the same way: Meta's photo when there is one, else initials on a
 * colour of their own, else a person glyph on a colour of the caller's id. Never a blank circle.
 */
import type { Caller } from '../../../shared/calls'

/**
 * Background colours for white initials, each at least 4.5:1 against white (WCAG AA for normal
 * text; tests check it), distinct enough that two callers side by side rarely look alike.
 */
export const AVATAR_PALETTE = [
  '#1d5fbf', // blue
  '#2e7d32', // green
  '#6a1b9a', // purple
  '#ad1457', // raspberry
  '#c62828', // red
  '#00695c', // teal
  '#5d4037', // brown
  '#455a64', // slate
  '#b33c00', // burnt orange
  '#4527a0' // indigo
] as const

/** The test line's own colour: the app's blue, the same on every test call. */
export const TEST_CALLER_COLOUR = '#0859d8'

/** The words an avatar may need, in the desk's language. */
export interface AvatarWords {
  /** The test line's caller, named before its profile arrives too. */
  testCaller: string
  /** The glyph's label for a caller with no name ("Messenger caller"). */
  unknownCaller: string
}

export type AvatarLook =
  | { kind: 'photo'; src: string }
  | { kind: 'initials'; initials: string; colour: string }
  | { kind: 'glyph'; colour: string; label: string }

/** FNV-1a: a stable, well-spread hash, so a name keeps its colour across runs and desks. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i)
    value = Math.imul(value, 0x01000193)
  }
  return value >>> 0
}

export function paletteColour(seed: string): string {
  return AVATAR_PALETTE[hash(seed) % AVATAR_PALETTE.length] ?? AVATAR_PALETTE[0]
}

/** "Ada Lovelace" -> "AL", "Cher" -> "C", "ana maría lópez" -> "AL"; "" when nothing to show. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words
  // Array.from keeps a letter outside the Basic Multilingual Plane whole.
  return picked.map((word) => Array.from(word ?? '')[0]?.toLocaleUpperCase() ?? '').join('')
}

export function avatarLook(caller: Caller, words: AvatarWords, test = false): AvatarLook {
  if (caller.photo) return { kind: 'photo', src: caller.photo }
  // The test caller's face is its name in the desk's language ("CP" for Cliente de prueba).
  const name = test ? words.testCaller : caller.name?.trim() || ''
  const initials = initialsOf(name)
  if (initials) {
    return { kind: 'initials', initials, colour: test ? TEST_CALLER_COLOUR : paletteColour(name) }
  }
  return { kind: 'glyph', colour: paletteColour(caller.psid), label: words.unknownCaller }
}
