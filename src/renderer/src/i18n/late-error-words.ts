/**
 * Error sentences whose words come with the views that usually show them (errors.config with
 * Settings, History and Page setup) can still reach another view: a settings save refused from
 * the Calls view while the settings file cannot be written. The first such sentence loads those
 * words into the window, which then says it again in its own language (until they arrive, and if
 * they cannot, main's English stands in). Nothing is loaded at start for this.
 */
import { ref } from 'vue'
import { windowWords, type WordsLoader } from './window-words'

const LATE: Record<string, WordsLoader> = {
  // Imported when needed: its words load on demand, not with the window.
  config: async (language) => {
    const { configWords } = await import('../views/config-words')
    return { errors: { config: await configWords(language) } }
  }
}

const asked = new Set<string>()
/** Counts late arrivals: vue-i18n's `te` is not reactive, so sentences said without words read it. */
const arrived = ref(0)

/**
 * Loads the words of `key`'s group (an `errors` key) when they come late, once per window; the
 * caller, which said the sentence without them, is drawn again when they arrive.
 */
export function loadLateErrorWords(key: string): void {
  void arrived.value
  const group = key.split('.')[0] ?? ''
  const loader = LATE[group]
  const words = windowWords()
  if (!loader || !words || asked.has(group)) return
  asked.add(group)
  // A chunk that did not arrive is asked for again by the next sentence that needs it.
  words.add(loader).then(
    () => (arrived.value += 1),
    () => asked.delete(group)
  )
}
