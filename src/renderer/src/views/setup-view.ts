import { areaWords } from '../i18n/window-words'
import SetupView from './SetupView.vue'

/** Page setup with its words, loaded together when first opened (on-demand-views.ts). */
export const view = SetupView
export const words = areaWords({
  setup: {
    en: () => import('../../../shared/i18n/en/setup'),
    es: () => import('../../../shared/i18n/es/setup')
  }
})
