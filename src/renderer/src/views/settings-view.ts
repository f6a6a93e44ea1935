import type { Language } from '../i18n'
import { areaWords, type WordsLoader } from '../i18n/window-words'
import { configWords } from './config-words'
import SettingsView from './SettingsView.vue'

/** Its missed-call reply's words are followUp's. */
const areas = areaWords(
  import.meta.glob('./*/{settings,hours,follow-up}.ts', { base: '../../../shared/i18n' })
)

/**
 * Settings with its words, and the settings file's and the desk list's error words (merged into
 * `errors`), loaded together when first opened (on-demand-views.ts).
 */
export const view = SettingsView
export const words: WordsLoader = async (language: Language) => {
  const [loaded, config] = await Promise.all([areas(language), configWords(language)])
  return { ...loaded, errors: { config } }
}
