/**
 * Which of the app's languages a desk speaks (issue 15, item 4), without the catalogues: the
 * windows load only the language they speak (renderer/src/i18n), the main process all of them
 * (languages.ts).
 */
import type { Settings } from '../settings'

export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]
export type LanguageChoice = Settings['desk']['language']

const isLanguage = (code: string): code is Language =>
  (LANGUAGES as readonly string[]).includes(code)

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
