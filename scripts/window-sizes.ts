/**
 * How much JavaScript each window loads (issue 14, item 4), read from the renderer build's Vite
 * manifest: a window's entry script plus every chunk it imports statically (a chunk shared by two
 * windows counts in each, as each window loads it), and apart from that what it may load later on
 * demand (dynamic imports). A window loads its words lazily, one language at start (the desk's):
 * the language chunks (catalogue areas, src/shared/i18n/<language>/) that what it loads at start
 * imports dynamically count as loaded at start, the largest language's, so the figure is that of
 * the heaviest language; the other languages' and those of views loaded on demand count on demand.
 * Sizes are of the built files: minified, before compression.
 * `npm run build` prints them (a plugin in electron.vite.config.ts); tests/build bounds them.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/** Goals, in bytes (1 KB = 1024 bytes), for what a window loads when it opens. */
export const WINDOW_BUDGETS: Readonly<Record<string, number>> = {
  'index.html': 300 * 1024,
  'toast.html': 150 * 1024
}

/** A catalogue area's module, by its manifest key: src/shared/i18n/<language>/<area>.ts. */
const LANGUAGE_CHUNK = /(?:^|\/)shared\/i18n\/([a-z]{2})\/[^/]+\.ts$/

/** Where Vite writes the manifest inside the renderer's output folder (`build.manifest: true`). */
export const MANIFEST_PATH = '.vite/manifest.json'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

export interface WindowScripts {
  /** The window's page, e.g. index.html. */
  window: string
  /**
   * What the window loads when it opens: its entry, the chunks that imports statically, and its
   * words in the language whose are the largest.
   */
  files: string[]
  bytes: number
  /** That language, when the window loads words at start, and their files (among `files`). */
  language?: string
  wordFiles?: string[]
  /** Chunks it may load later (views loaded on demand), not already among `files`. */
  onDemandFiles: string[]
  onDemandBytes: number
}

/** Each window's scripts in the built renderer at `rendererDir`, in the manifest's order. */
export function windowScripts(rendererDir: string): WindowScripts[] {
  const manifest = JSON.parse(readFileSync(join(rendererDir, MANIFEST_PATH), 'utf8')) as Record<
    string,
    ManifestChunk
  >
  const size = (file: string): number => statSync(join(rendererDir, file)).size
  const chunk = (key: string): ManifestChunk => {
    const found = manifest[key]
    if (!found) throw new Error(`the manifest names ${key} but has no entry for it`)
    return found
  }
  /** Every key reached from `starts` through `next`, each once (chunks import each other). */
  const closure = (starts: string[], next: (c: ManifestChunk) => string[]): Set<string> => {
    const seen = new Set<string>()
    const queue = [...starts]
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      if (seen.has(key)) continue
      seen.add(key)
      queue.push(...next(chunk(key)))
    }
    return seen
  }
  const total = (keys: Iterable<string>): number =>
    [...keys].reduce((sum, key) => sum + size(chunk(key).file), 0)
  return Object.entries(manifest)
    .filter(([, entry]) => entry.isEntry === true && entry.file.endsWith('.js'))
    .map(([window]) => {
      const statically = closure([window], (c) => c.imports ?? [])
      const words = startWords(statically)
      const loaded = new Set([...statically, ...words.keys])
      const reachable = closure([window], (c) => [
        ...(c.imports ?? []),
        ...(c.dynamicImports ?? [])
      ])
      const onDemand = [...reachable].filter((key) => !loaded.has(key))
      return {
        window,
        files: [...loaded].map((key) => chunk(key).file),
        bytes: total(loaded),
        ...(words.language === undefined
          ? {}
          : { language: words.language, wordFiles: words.keys.map((key) => chunk(key).file) }),
        onDemandFiles: onDemand.map((key) => chunk(key).file),
        onDemandBytes: total(onDemand)
      }
    })

  /** The language chunks `loaded` imports dynamically, of the language whose weigh the most. */
  function startWords(loaded: Set<string>): { language?: string; keys: string[] } {
    const byLanguage = new Map<string, string[]>()
    for (const key of loaded) {
      for (const target of chunk(key).dynamicImports ?? []) {
        const language = LANGUAGE_CHUNK.exec(target)?.[1]
        if (language !== undefined)
          byLanguage.set(language, [...(byLanguage.get(language) ?? []), target])
      }
    }
    let heaviest: { language?: string; keys: string[] } = { keys: [] }
    let heaviestBytes = -1
    for (const [language, starts] of byLanguage) {
      const keys = [...closure(starts, (c) => c.imports ?? [])].filter((key) => !loaded.has(key))
      if (total(keys) > heaviestBytes) [heaviest, heaviestBytes] = [{ language, keys }, total(keys)]
    }
    return heaviest
  }
}

/** The lines `npm run build` prints: each window's size against its goal. */
export function windowSizesReport(windows: WindowScripts[]): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
  const lines = windows.map(({ window, files, bytes, language, onDemandBytes }) => {
    const budget = WINDOW_BUDGETS[window]
    const goal =
      budget === undefined ? '' : ` (goal <= ${kb(budget)}: ${bytes <= budget ? 'met' : 'OVER'})`
    const later = onDemandBytes > 0 ? `, + ${kb(onDemandBytes)} on demand` : ''
    const words = language === undefined ? '' : ` (words in ${language})`
    return `  ${window.padEnd(12)} ${kb(bytes).padStart(9)} in ${files.length} file(s)${words}${later}${goal}`
  })
  return ['JavaScript each window loads (minified, before compression):', ...lines].join('\n')
}

/** A Vite plugin: after the renderer's build, prints how much JavaScript each window loads. */
export function printWindowSizes(
  write: (text: string) => unknown = (text) => process.stdout.write(text)
): Plugin {
  let outDir = ''
  return {
    name: 'print-window-sizes',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle() {
      write(`\n${windowSizesReport(windowScripts(outDir))}\n`)
    }
  }
}
