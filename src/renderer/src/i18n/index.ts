/**
 * The owner's language (issue 15, item 4): every converted text goes through vue-i18n, in English
 * or Spanish. The desk follows the system's languages unless Settings chose one (`desk.language`).
 */
import { createI18n } from 'vue-i18n'
import type { Settings } from '../../../shared/settings'
import { compileMessage } from '../../../shared/i18n/compile-message'
import en from '../../../shared/i18n/en'
import es from '../../../shared/i18n/es'

export const MESSAGES = { en, es }
export type Language = keyof typeof MESSAGES
export type LanguageChoice = Settings['desk']['language']

const isLanguage = (code: string): code is Language => Object.hasOwn(MESSAGES, code)

/** The first of the system's languages the app speaks ("es-MX" speaks Spanish), else English. */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? ''
    if (isLanguage(base)) return base
  }
  return 'en'
}

export function resolveLanguage(choice: LanguageChoice, preferred?: readonly string[]): Language {
  return choice === 'system' ? systemLanguage(preferred) : choice
}

export function createAppI18n(language: Language = systemLanguage()) {
  return createI18n({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messageCompiler: compileMessage,
    messages: MESSAGES
  })
}
