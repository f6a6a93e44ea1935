import type { Language } from '../i18n'
import { areaWords, type WordsLoader } from '../i18n/window-words'
import { configWords } from './config-words'
import SettingsView from './SettingsView.vue'

const areas = areaWords({
  settings: {
    en: () => import('../../../shared/i18n/en/settings'),
    es: () => import('../../../shared/i18n/es/settings')
  },
  hours: {
    en: () => import('../../../shared/i18n/en/hours'),
    es: () => import('../../../shared/i18n/es/hours')
  },
  // The missed-call reply's section.
  followUp: {
    en: () => import('../../../shared/i18n/en/follow-up'),
    es: () => import('../../../shared/i18n/es/follow-up')
  }
})

/**
 * Settings with its words, and the settings file's and the desk list's error words (merged into
 * `errors`), loaded together when first opened (on-demand-views.ts).
 */
export const view = SettingsView
export const words: WordsLoader = async (language: Language) => {
  const [loaded, config] = await Promise.all([areas(language), configWords(language)])
  return { ...loaded, errors: { config } }
}
