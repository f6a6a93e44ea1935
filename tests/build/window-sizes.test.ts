/**
 * Light windows (issue 14, item 4): the renderer is built minified, and what each window loads
 * when it opens stays within its goal (main window <= 300 KB, toast <= 150 KB, minified, before
 * compression). Words included: a window loads one language at start (the desk's), only the
 * catalogue areas its views use, so the figure counts, as loaded at start, the words in whichever
 * language weighs the most (scripts/window-sizes.ts); the other language, and the areas of views
 * loaded on demand, count on demand. The sizes are read from the built renderer's manifest, built here only if its
 * sources changed (scripts/fresh-build.js, as `npm run web` does).
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, ensureBuilt } from '../../scripts/fresh-build.js'
import {
  MANIFEST_PATH,
  WINDOW_BUDGETS,
  printWindowSizes,
  windowScripts,
  windowSizesReport
} from '../../scripts/window-sizes'

const RENDERER = join(ROOT, 'out/renderer')

describe('each window’s JavaScript in the built renderer', () => {
  beforeAll(() => ensureBuilt('app'), 120_000)

  it('fits its goal: main window <= 300 KB, toast <= 150 KB', () => {
    const windows = windowScripts(RENDERER)
    expect(windows.map((w) => w.window).sort()).toEqual(['index.html', 'toast.html'])
    for (const { window, bytes } of windows) {
      expect(bytes, windowSizesReport(windows)).toBeLessThanOrEqual(WINDOW_BUDGETS[window]!)
    }
    expect(WINDOW_BUDGETS).toEqual({ 'index.html': 300 * 1024, 'toast.html': 150 * 1024 })
  })

  it('is minified: no comments naming the modules bundled, long lines', async () => {
    for (const { files } of windowScripts(RENDERER)) {
      for (const file of files) {
        const code = await readFile(join(RENDERER, file), 'utf8')
        expect(code, file).not.toMatch(/^\/\/ .*node_modules/m)
        // Unminified, Vue alone is thousands of short lines; minified, lines are long (a small
        // catalogue area, minified, is one short line).
        const lines = code.split('\n').length
        if (lines > 2) expect(code.length / lines, file).toBeGreaterThan(200)
      }
    }
  })

  it('is printed by the build (a plugin), each against its goal', () => {
    let printed = ''
    const plugin = printWindowSizes((text) => (printed += text))
    const hook = <T>(h: T | { handler: T }): T =>
      typeof h === 'object' && h !== null && 'handler' in h ? h.handler : (h as T)
    const configResolved = hook(plugin.configResolved) as (config: unknown) => void
    const closeBundle = hook(plugin.closeBundle) as () => void
    configResolved({ build: { outDir: RENDERER } })
    closeBundle()
    expect(printed).toMatch(
      /index\.html +[\d.]+ KB in \d+ file\(s\) \(words in e[ns]\).*goal <= 300\.0 KB: met/
    )
    expect(printed).toMatch(
      /toast\.html +[\d.]+ KB in \d+ file\(s\) \(words in e[ns]\).*goal <= 150\.0 KB: met/
    )
  })

  it('gives the toast a small script of its own beside what it shares (Vue) and its words', () => {
    const toast = windowScripts(RENDERER).find((w) => w.window === 'toast.html')!
    const main = windowScripts(RENDERER).find((w) => w.window === 'index.html')!
    const ownToast = toast.files.filter(
      (file) => !main.files.includes(file) && !toast.wordFiles?.includes(file)
    )
    expect(ownToast).toHaveLength(1)
    expect(toast.bytes).toBeLessThan(main.bytes / 2)
  })
})

describe('windowScripts', () => {
  it('counts a window’s entry and its static imports once each, on-demand chunks apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'softphone-window-sizes-'))
    try {
      const files = { 'a.js': 100, 'b.js': 20, 'shared.js': 1000, 'lazy.js': 300, 'deep.js': 7 }
      await mkdir(join(dir, '.vite'))
      for (const [file, size] of Object.entries(files))
        await writeFile(join(dir, file), 'x'.repeat(size))
      const manifest = {
        'a.html': { file: 'a.js', isEntry: true, imports: ['_shared'], dynamicImports: ['lazy'] },
        'b.html': { file: 'b.js', isEntry: true, imports: ['_shared', '_shared'] },
        _shared: { file: 'shared.js', imports: [] },
        lazy: { file: 'lazy.js', imports: ['_shared', '_deep'] },
        _deep: { file: 'deep.js' },
        'style.css': { file: 'style.css', isEntry: true }
      }
      await writeFile(join(dir, MANIFEST_PATH), JSON.stringify(manifest))
      expect(windowScripts(dir)).toEqual([
        {
          window: 'a.html',
          files: ['a.js', 'shared.js'],
          bytes: 1100,
          onDemandFiles: ['lazy.js', 'deep.js'],
          onDemandBytes: 307
        },
        {
          window: 'b.html',
          files: ['b.js', 'shared.js'],
          bytes: 1020,
          onDemandFiles: [],
          onDemandBytes: 0
        }
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('counts the words a window loads at start, of its largest language, as at start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'softphone-window-sizes-'))
    try {
      const files = {
        'a.js': 100,
        'en-calls.js': 10,
        'es-calls.js': 12,
        'en-extra.js': 5,
        'view.js': 50,
        'es-settings.js': 40
      }
      await mkdir(join(dir, '.vite'))
      for (const [file, size] of Object.entries(files))
        await writeFile(join(dir, file), 'x'.repeat(size))
      const manifest = {
        'a.html': {
          file: 'a.js',
          isEntry: true,
          dynamicImports: ['../shared/i18n/en/calls.ts', '../shared/i18n/es/calls.ts', 'view']
        },
        '../shared/i18n/en/calls.ts': { file: 'en-calls.js', imports: ['_en-extra'] },
        '../shared/i18n/es/calls.ts': { file: 'es-calls.js' },
        '_en-extra': { file: 'en-extra.js' },
        view: { file: 'view.js', dynamicImports: ['../shared/i18n/es/settings.ts'] },
        '../shared/i18n/es/settings.ts': { file: 'es-settings.js' }
      }
      await writeFile(join(dir, MANIFEST_PATH), JSON.stringify(manifest))
      // English weighs 15 with what its chunk imports, Spanish 12; a view's words come with it.
      expect(windowScripts(dir)).toEqual([
        {
          window: 'a.html',
          files: ['a.js', 'en-calls.js', 'en-extra.js'],
          bytes: 115,
          language: 'en',
          wordFiles: ['en-calls.js', 'en-extra.js'],
          onDemandFiles: ['es-calls.js', 'view.js', 'es-settings.js'],
          onDemandBytes: 102
        }
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reports each window against its goal', () => {
    const report = windowSizesReport([
      {
        window: 'index.html',
        files: ['a.js'],
        bytes: 310 * 1024,
        onDemandFiles: [],
        onDemandBytes: 0
      },
      {
        window: 'toast.html',
        files: ['t.js'],
        bytes: 80 * 1024,
        onDemandFiles: ['x.js'],
        onDemandBytes: 2048
      }
    ])
    expect(report).toContain('index.html')
    expect(report).toMatch(/index\.html +310\.0 KB in 1 file\(s\) \(goal <= 300\.0 KB: OVER\)/)
    expect(report).toMatch(
      /toast\.html +80\.0 KB in 1 file\(s\), \+ 2\.0 KB on demand \(goal <= 150\.0 KB: met\)/
    )
  })
})
