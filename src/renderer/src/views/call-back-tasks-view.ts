import { areaWords } from '../i18n/window-words'
import CallBackTasksView from './CallBackTasksView.vue'

/** The To call back list with its words, loaded when first opened. */
export const view = CallBackTasksView
export const words = areaWords({
  followUp: {
    en: () => import('../../../shared/i18n/en/follow-up'),
    es: () => import('../../../shared/i18n/es/follow-up')
  }
})
