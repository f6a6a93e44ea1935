/**
 * Each window loads only the words it uses (issue 14, item 4; vue-i18n's lazy loading): the toast
 * its call words, never Settings' texts; every catalogue area a window's code names at start is
 * among the areas it loads at start, and a view loaded on demand brings the areas it adds. Read
 * from the built renderer (built here only if its sources changed), so a view that starts using
 * another area's words fails here rather than showing keys.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, ensureBuilt } from '../../scripts/fresh-build.js'
import { MANIFEST_PATH, windowScripts } from '../../scripts/window-sizes'
import { MESSAGES } from '../../src/shared/i18n/languages'
import { leaves } from '../support/catalogue-leaves'

const RENDERER = join(ROOT, 'out/renderer')
const AREAS = Object.keys(MESSAGES.en)
const AREA_FILES: Record<string, string> = { followUp: 'follow-up' }
const read = (file: string): string => readFileSync(join(RENDERER, file), 'utf8')

type Manifest = Record<string, { file: string; dynamicImports?: string[] }>

/** The areas a built file names in its keys: t(`settings.save.notSaved`), `followUp.refusal.${x}`. */
function areasNamed(code: string): Set<string> {
  const named = new Set<string>()
  const pattern = new RegExp(String.raw`[\x60'"](${AREAS.join('|')})\.[A-Za-z]`, 'g')
  for (const match of code.matchAll(pattern)) named.add(match[1]!)
  return named
}

/** The catalogue area a manifest key is (../shared/i18n/es/follow-up.ts is followUp), if one. */
function areaOf(key: string): string | undefined {
  const file = /shared\/i18n\/[a-z]{2}\/([^/]+)\.ts$/.exec(key)?.[1]
  return AREAS.find((area) => (AREA_FILES[area] ?? area) === file)
}

describe('the words each built window loads', () => {
  let manifest: Manifest
  beforeAll(() => {
    ensureBuilt('app')
    manifest = JSON.parse(read(MANIFEST_PATH)) as Manifest
  }, 120_000)

  it('keep Settings’ texts, in both languages, out of the toast', () => {
    const toast = windowScripts(RENDERER).find((w) => w.window === 'toast.html')!
    const toastCode = toast.files.map(read).join('\n')
    const everything = Object.values(manifest)
      .map(({ file }) => (file.endsWith('.js') ? read(file) : ''))
      .join('\n')
    // Sentences as the build writes them (some with escaped characters are not found anywhere,
    // so the ones found are counted: most of them).
    const sentences = [
      ...leaves(MESSAGES.en.settings).values(),
      ...leaves(MESSAGES.es.settings).values()
    ].filter((text) => text.length > 24 && everything.includes(text))
    expect(sentences.length).toBeGreaterThan(40)
    for (const sentence of sentences) expect(toastCode, sentence).not.toContain(sentence)
    expect(toastCode).toContain(MESSAGES.en.calls.toast.answer)
  })

  it('name at start only the catalogue areas the window loads at start', () => {
    for (const { window, files, wordFiles = [] } of windowScripts(RENDERER)) {
      const loaded = new Set(
        Object.entries(manifest)
          .filter(([, chunk]) => wordFiles.includes(chunk.file))
          .map(([key]) => areaOf(key))
      )
      const code = files.filter((file) => !wordFiles.includes(file)).map(read)
      const named = [...areasNamed(code.join('\n'))]
      expect(named.length, window).toBeGreaterThan(0)
      expect(
        named.filter((area) => !loaded.has(area)),
        window
      ).toEqual([])
    }
  })

  it('bring, with each view loaded on demand, the areas it names beyond the window’s', () => {
    const main = windowScripts(RENDERER).find((w) => w.window === 'index.html')!
    const atStart = new Set(
      Object.entries(manifest)
        .filter(([, chunk]) => main.wordFiles?.includes(chunk.file))
        .map(([key]) => areaOf(key))
    )
    const views = Object.values(manifest).filter(
      (chunk) =>
        !main.files.includes(chunk.file) && chunk.dynamicImports?.some((key) => areaOf(key))
    )
    expect(views.length).toBeGreaterThanOrEqual(3)
    for (const view of views) {
      const brought = new Set((view.dynamicImports ?? []).map(areaOf))
      const extra = [...areasNamed(read(view.file))].filter((area) => !atStart.has(area))
      expect(
        extra.filter((area) => !brought.has(area)),
        view.file
      ).toEqual([])
    }
  })
})
