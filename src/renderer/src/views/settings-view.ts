import { areaWords } from '../i18n/window-words'
import SettingsView from './SettingsView.vue'

/** Settings with its words, loaded together when first opened (on-demand-views.ts). */
export const view = SettingsView
export const words = areaWords({
  settings: {
    en: () => import('../../../shared/i18n/en/settings'),
    es: () => import('../../../shared/i18n/es/settings')
  },
  // The missed-call reply's section.
  followUp: {
    en: () => import('../../../shared/i18n/en/follow-up'),
    es: () => import('../../../shared/i18n/es/follow-up')
  }
})
