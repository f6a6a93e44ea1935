import type { Language } from '../i18n'
import { areaWords, type WordsLoader } from '../i18n/window-words'
import { configWords } from './config-words'
import HistoryView from './HistoryView.vue'

const areas = areaWords({
  followUp: {
    en: () => import('../../../shared/i18n/en/follow-up'),
    es: () => import('../../../shared/i18n/es/follow-up')
  }
})

/**
 * History with its words (the follow-up notes and call buttons), and the words of entries that
 * could not be read (errors.config), loaded when first opened.
 */
export const view = HistoryView
export const words: WordsLoader = async (language: Language) => {
  const [loaded, config] = await Promise.all([areas(language), configWords(language)])
  return { ...loaded, errors: { config } }
}
