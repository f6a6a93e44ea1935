/**
 * Loads a window's words as vue-i18n's lazy loading guide does (issue 14, item 4): only the
 * language the window speaks, only the catalogue areas it uses; another language when the desk
 * switches to it (load, setLocaleMessage, then switch the locale), and the areas of a view loaded
 * on demand with that view (mergeLocaleMessage), in every language the window has spoken since.
 */
import type { AppI18n, Language } from './index'

type Words = Record<string, unknown>
/** Some of a language's words: a window's areas, or a view's. */
export type WordsLoader = (language: Language) => Promise<Words>
/**
 * Catalogue files as import.meta.glob gives them, lazily, by path from src/shared/i18n:
 * `./es/follow-up.ts`.
 */
export type CatalogueFiles = Record<string, () => Promise<unknown>>

/** A catalogue file's area: follow-up.ts is followUp; errors-core.ts (errors bar Page setup's) errors. */
const areaOf = (path: string): string =>
  path.slice(5, -3).replace(/-core$|-(.)/g, (_, letter?: string) => letter?.toUpperCase() ?? '')

/**
 * A loader for the catalogue areas in `files`, globbed where the window or view is (so the build
 * makes each file its own chunk, of that window: scripts/window-sizes.ts counts the largest
 * language a window loads at start), e.g.
 * `import.meta.glob('./*\/{calls,app}.ts', { base: '../../../shared/i18n' })`.
 */
export function areaWords(files: CatalogueFiles): WordsLoader {
  return async (language) =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(files)
          .filter(([path]) => path.startsWith(`./${language}/`))
          .map(async ([path, load]) => [
            areaOf(path),
            ((await load()) as { default: Words }).default
          ])
      )
    )
}

export interface WindowWords {
  /** Loads `language`'s words (the window's and its opened views'), then switches to it. */
  speak(language: Language): Promise<void>
  /** Adds a view's words, loaded in the language spoken now and in any switched to later. */
  add(loader: WordsLoader): Promise<void>
}

let current: WindowWords | undefined

/** The words of this window, when it loads them lazily (tests mount with every word loaded). */
export function windowWords(): WindowWords | undefined {
  return current
}

export function createWindowWords(i18n: AppI18n, start: WordsLoader): WindowWords {
  const global = i18n.global
  const loaders: WordsLoader[] = []
  /** Each loader's words per language, loaded once: a second set would drop merged areas. */
  const loading = new Map<Language, Map<WordsLoader, Promise<void>>>()
  let wanted: Language | undefined

  function load(language: Language, loader: WordsLoader): Promise<void> {
    const here = loading.get(language) ?? new Map<WordsLoader, Promise<void>>()
    loading.set(language, here)
    const known = here.get(loader)
    if (known) return known
    const loaded = loader(language).then((words) => {
      if (loader === start) global.setLocaleMessage(language, words as never)
      else global.mergeLocaleMessage(language, words)
    })
    // A failed load (a chunk that did not arrive) is tried again next time.
    loaded.catch(() => here.delete(loader))
    here.set(loader, loaded)
    return loaded
  }

  const words: WindowWords = {
    async speak(language) {
      wanted = language
      await load(language, start)
      for (const loader of loaders) await load(language, loader)
      // A later switch may have finished first: the last choice wins.
      if (wanted === language) global.locale.value = language
    },
    async add(loader) {
      loaders.push(loader)
      const language = global.locale.value as Language
      await load(language, start)
      await load(language, loader)
    }
  }
  current = words
  return words
}
