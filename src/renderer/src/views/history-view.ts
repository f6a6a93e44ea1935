import type { Language } from '../i18n'
import { areaWords, type WordsLoader } from '../i18n/window-words'
import { configWords } from './config-words'
import HistoryView from './HistoryView.vue'

const areas = areaWords(import.meta.glob('./*/follow-up.ts', { base: '../../../shared/i18n' }))

/**
 * History with its words (the follow-up notes and call buttons), and the words of entries that
 * could not be read (errors.config), loaded when first opened.
 */
export const view = HistoryView
export const words: WordsLoader = async (language: Language) => {
  const [loaded, config] = await Promise.all([areas(language), configWords(language)])
  return { ...loaded, errors: { config } }
}
