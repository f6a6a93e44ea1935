import { areaWords } from './window-words'

/**
 * The catalogue areas the toast uses: its call words, the avatar's (app) and its window title
 * (shell). Only toast-main.ts imports this.
 */
export const TOAST_WORDS = areaWords(
  import.meta.glob('./*/{calls,app,shell}.ts', { base: '../../../shared/i18n' })
)
