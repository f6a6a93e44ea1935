import type { Language } from '../i18n'
import { areaWords, type WordsLoader } from '../i18n/window-words'
import { configWords } from './config-words'
import SetupView from './SetupView.vue'

const setupArea = areaWords(import.meta.glob('./*/setup.ts', { base: '../../../shared/i18n' }))

const CHECKS = {
  en: () => import('../../../shared/i18n/en/errors-setup'),
  es: () => import('../../../shared/i18n/es/errors-setup')
}

/**
 * Page setup with its words, and its checks' and the join form's error words (merged into
 * `errors`), loaded when first opened.
 */
export const view = SetupView
export const words: WordsLoader = async (language: Language) => {
  const [area, checks, config] = await Promise.all([
    setupArea(language),
    CHECKS[language](),
    configWords(language)
  ])
  return { ...area, errors: { setup: checks.default, config } }
}
