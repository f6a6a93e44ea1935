import { areaWords } from '../i18n/window-words'
import HistoryView from './HistoryView.vue'

/** History with its words (the follow-up notes and call buttons), loaded when first opened. */
export const view = HistoryView
export const words = areaWords(
  import.meta.glob('./*/follow-up.ts', { base: '../../../shared/i18n' })
)
