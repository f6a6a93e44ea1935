/**
 * The owner's language (issue 15, item 4): every text goes through vue-i18n, in English or
 * Spanish. The desk follows the system's languages unless Settings chose one (`desk.language`);
 * how a language is picked is shared with the main process (shared/i18n/language-choice.ts), the
 * window's system languages being the browser's. A window starts with no words: it loads those of
 * the language it speaks before it mounts (window-words.ts), as vue-i18n's lazy loading guide does.
 */
import { createI18n } from 'vue-i18n'
import type en from '../../../shared/i18n/en'
import { compileMessage } from '../../../shared/i18n/compile-message'
import * as languages from '../../../shared/i18n/language-choice'
import type { Language, LanguageChoice } from '../../../shared/i18n/language-choice'

export type { Language, LanguageChoice }
/** A language's words, whole (every area) or in part (the areas a window has loaded). */
export type Catalogue = typeof en

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

/** The app's i18n in `language`, with `messages` (none: the window loads its own). */
export function createAppI18n(
  language: Language = systemLanguage(),
  messages: Partial<Record<Language, Catalogue>> = {}
) {
  return createI18n({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messageCompiler: compileMessage,
    // Typed as if whole, so the composer keeps the catalogue's shape; a window's loaded areas are
    // what its views use (tests/build/window-sizes.test.ts checks the split).
    messages: messages as Record<Language, Catalogue>
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
