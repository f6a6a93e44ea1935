import { areaWords } from '../i18n/window-words'
import SettingsView from './SettingsView.vue'

/**
 * Settings with its words (its missed-call reply's are followUp's), loaded together when first
 * opened (on-demand-views.ts).
 */
export const view = SettingsView
export const words = areaWords(
  import.meta.glob('./*/{settings,hours,follow-up}.ts', { base: '../../../shared/i18n' })
)
