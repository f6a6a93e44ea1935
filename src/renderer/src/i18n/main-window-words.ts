import { areaWords } from './window-words'

/**
 * The catalogue areas the main window's views use at start (errors but Page setup's checks, which
 * come with Page setup: views/setup-view.ts); History, Settings and Page setup bring theirs when
 * they open (views/on-demand-views.ts). Only main.ts imports this, so the toast's bundle does not
 * name these chunks.
 */
export const MAIN_WINDOW_WORDS = areaWords(
  import.meta.glob('./*/{calls,app,history,errors-core}.ts', { base: '../../../shared/i18n' })
)
