/**
 * How much JavaScript each window loads (issue 14, item 4), read from the renderer build's Vite
 * manifest: a window's entry script plus every chunk it imports statically (a chunk shared by two
 * windows counts in each, as each window loads it), and apart from that what it may load later on
 * demand (dynamic imports). Sizes are of the built files: minified, before compression.
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
  /** What the window loads when it opens: its entry and the chunks that imports, statically. */
  files: string[]
  bytes: number
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
  return Object.entries(manifest)
    .filter(([, entry]) => entry.isEntry === true && entry.file.endsWith('.js'))
    .map(([window]) => {
      const loaded = closure([window], (c) => c.imports ?? [])
      const reachable = closure([window], (c) => [
        ...(c.imports ?? []),
        ...(c.dynamicImports ?? [])
      ])
      const files = [...loaded].map((key) => chunk(key).file)
      const onDemandFiles = [...reachable]
        .filter((key) => !loaded.has(key))
        .map((key) => chunk(key).file)
      const total = (list: string[]): number => list.reduce((sum, file) => sum + size(file), 0)
      return {
        window,
        files,
        bytes: total(files),
        onDemandFiles,
        onDemandBytes: total(onDemandFiles)
      }
    })
}

/** The lines `npm run build` prints: each window's size against its goal. */
export function windowSizesReport(windows: WindowScripts[]): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
  const lines = windows.map(({ window, files, bytes, onDemandBytes }) => {
    const budget = WINDOW_BUDGETS[window]
    const goal =
      budget === undefined ? '' : ` (goal <= ${kb(budget)}: ${bytes <= budget ? 'met' : 'OVER'})`
    const later = onDemandBytes > 0 ? `, + ${kb(onDemandBytes)} on demand` : ''
    return `  ${window.padEnd(12)} ${kb(bytes).padStart(9)} in ${files.length} file(s)${later}${goal}`
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
