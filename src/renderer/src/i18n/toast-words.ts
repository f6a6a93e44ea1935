import { areaWords } from './window-words'

/**
 * The catalogue areas the toast uses: its call words, the avatar's (app) and its window title
 * (shell). Only toast-main.ts imports this.
 */
export const TOAST_WORDS = areaWords({
  calls: {
    en: () => import('../../../shared/i18n/en/calls'),
    es: () => import('../../../shared/i18n/es/calls')
  },
  app: {
    en: () => import('../../../shared/i18n/en/app'),
    es: () => import('../../../shared/i18n/es/app')
  },
  shell: {
    en: () => import('../../../shared/i18n/en/shell'),
    es: () => import('../../../shared/i18n/es/shell')
  }
})
