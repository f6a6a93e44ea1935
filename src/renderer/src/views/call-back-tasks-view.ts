import { areaWords } from '../i18n/window-words'
import CallBackTasksView from './CallBackTasksView.vue'

/** The To call back list with its words, loaded when first opened. */
export const view = CallBackTasksView
export const words = areaWords(
  import.meta.glob('./*/follow-up.ts', { base: '../../../shared/i18n' })
)
