import { areaWords } from './window-words'

/**
 * The catalogue areas the main window's views use at start; History, Settings and Page setup bring
 * theirs when they open (views/on-demand-views.ts). Only main.ts imports this, so the toast's bundle
 * does not name these chunks.
 */
export const MAIN_WINDOW_WORDS = areaWords({
  calls: {
    en: () => import('../../../shared/i18n/en/calls'),
    es: () => import('../../../shared/i18n/es/calls')
  },
  app: {
    en: () => import('../../../shared/i18n/en/app'),
    es: () => import('../../../shared/i18n/es/app')
  },
  history: {
    en: () => import('../../../shared/i18n/en/history'),
    es: () => import('../../../shared/i18n/es/history')
  },
  // All but Page setup's checks, which come with Page setup (views/setup-view.ts).
  errors: {
    en: () => import('../../../shared/i18n/en/errors-core'),
    es: () => import('../../../shared/i18n/es/errors-core')
  }
})
