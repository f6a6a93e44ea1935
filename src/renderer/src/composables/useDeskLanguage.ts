import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { resolveLanguage, type LanguageChoice } from '../i18n'

/**
 * Keeps the window's language (texts, dates, numbers and the page's `lang`) on the desk's choice,
 * the system's languages until the settings have arrived.
 */
export function useDeskLanguage(choice: () => LanguageChoice | undefined): void {
  const { locale } = useI18n({ useScope: 'global' })
  watchEffect(() => {
    locale.value = resolveLanguage(choice() ?? 'system')
    document.documentElement.lang = locale.value
  })
}
