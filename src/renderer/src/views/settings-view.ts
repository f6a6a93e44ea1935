import { areaWords } from '../i18n/window-words'
import SettingsView from './SettingsView.vue'

/** Settings with its words, loaded together when first opened (on-demand-views.ts). */
export const view = SettingsView
export const words = areaWords({
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
