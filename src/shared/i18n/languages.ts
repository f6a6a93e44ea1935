/**
 * The languages the app speaks and how a desk picks one (issue 15, item 4), shared by the windows
 * (renderer i18n) and the main process (its tray, notifications and dialogs), so both speak the
 * same language for the same setting.
 */
import type { Settings } from '../settings'
import en from './en'
import es from './es'

export const MESSAGES = { en, es }
export type Language = keyof typeof MESSAGES
export type LanguageChoice = Settings['desk']['language']

const isLanguage = (code: string): code is Language => Object.hasOwn(MESSAGES, code)

/**
 * The first of the system's languages the app speaks, else English. Tags come as browsers write
 * them ("es-MX") or as POSIX locales do ("es_MX.UTF-8", which Linux's g_get_language_names gives).
 */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_.@]/)[0] ?? ''
    if (isLanguage(base)) return base
  }
  return 'en'
}

export function resolveLanguage(choice: LanguageChoice, preferred: readonly string[]): Language {
  return choice === 'system' ? systemLanguage(preferred) : choice
}
