import { defineAsyncComponent, type Component } from 'vue'
import { windowWords, type WordsLoader } from '../i18n/window-words'

// History, To call back, Settings and Page setup load when first opened, with their words (their catalogue areas,
// in the language spoken): the main window's goal (tests/build/window-sizes.test.ts) has room for
// the calls, not for every list and form. Each view's words are named in its own chunk, so the build counts
// them with the view, on demand.
function withWords(load: () => Promise<{ view: Component; words: WordsLoader }>): Component {
  return defineAsyncComponent(async () => {
    const { view, words } = await load()
    await windowWords()?.add(words)
    return view
  })
}

export const CallBackTasksView = withWords(() => import('./call-back-tasks-view'))
export const HistoryView = withWords(() => import('./history-view'))
export const SettingsView = withWords(() => import('./settings-view'))
export const SetupView = withWords(() => import('./setup-view'))
