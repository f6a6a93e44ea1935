/**
 * The owner's language (issue 15, item 4): every converted text goes through vue-i18n, in English
 * or Spanish. The desk follows the system's languages unless Settings chose one (`desk.language`);
 * how a language is picked is shared with the main process (shared/i18n/languages.ts), the
 * window's system languages being the browser's.
 */
import { createI18n } from 'vue-i18n'
import { compileMessage } from '../../../shared/i18n/compile-message'
import * as languages from '../../../shared/i18n/languages'
import { MESSAGES, type Language, type LanguageChoice } from '../../../shared/i18n/languages'

export { MESSAGES, type Language, type LanguageChoice }

/** The first of the system's languages the app speaks ("es-MX" speaks Spanish), else English. */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  return languages.systemLanguage(preferred)
}

export function resolveLanguage(
  choice: LanguageChoice,
  preferred: readonly string[] = navigator.languages
): Language {
  return languages.resolveLanguage(choice, preferred)
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
