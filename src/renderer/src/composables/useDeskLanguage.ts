import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { resolveLanguage, type LanguageChoice } from '../i18n'
import { rememberDeskLanguage } from '../i18n/start-language'
import { windowWords } from '../i18n/window-words'

/**
 * Keeps the window's language (texts, dates, numbers and the page's `lang`) on the desk's choice;
 * until the settings arrive, the one it started in (i18n/start-language.ts). A language the window has not loaded
 * yet is loaded first, then switched to (the window keeps the old one meanwhile).
 */
export function useDeskLanguage(choice: () => LanguageChoice | undefined): void {
  const { locale } = useI18n({ useScope: 'global' })
  watchEffect(() => {
    const chosen = choice()
    if (chosen === undefined) return
    rememberDeskLanguage(chosen)
    const language = resolveLanguage(chosen)
    const words = windowWords()
    if (words) void words.speak(language)
    else locale.value = language
  })
  watchEffect(() => {
    document.documentElement.lang = locale.value
  })
}
