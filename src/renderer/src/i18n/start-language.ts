import type { App } from 'vue'
import { createAppI18n, resolveLanguage, type Language, type LanguageChoice } from './index'
import { createWindowWords, type WordsLoader } from './window-words'

/**
 * The language a window loads before it mounts: the desk's, as last seen (the settings arrive
 * after the window connects), else the system's. So a Spanish desk on an English system loads
 * only Spanish, and shows no English first.
 */
const KEY = 'softphone.deskLanguage'

export function startLanguage(): Language {
  const remembered = safely(() => localStorage.getItem(KEY))
  return resolveLanguage(remembered === 'en' || remembered === 'es' ? remembered : 'system')
}

export function rememberDeskLanguage(choice: LanguageChoice): void {
  safely(() => localStorage.setItem(KEY, choice))
}

/** Storage can be refused (a browser's privacy settings): the system's language then. */
function safely<T>(use: () => T): T | undefined {
  try {
    return use()
  } catch {
    return undefined
  }
}

/** Installs the app's i18n on `app` and mounts it once `words` are loaded in its start language. */
export function mountSpeaking(app: App, words: WordsLoader): void {
  const language = startLanguage()
  const i18n = createAppI18n(language)
  app.use(i18n)
  const mount = (): void => void app.mount('#app')
  createWindowWords(i18n, words)
    .speak(language)
    .then(mount, (error: unknown) => {
      // A window with its keys showing still answers calls: better than a blank one.
      console.error('the window’s words did not load', error)
      mount()
    })
}
