/**
 * The source tree shows the layers (issue 12, item 6): Electron is imported only by the desktop
 * shell, its entry and the preload; `.ts` names are kebab-case, except Vue composables, which Vue's
 * style guide names `useX.ts`. No source file grows past 350 lines (item 2): split it by concern.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|vue)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
}

const SOURCES = sourceFiles('src')
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.d)?\.ts$/
const COMPOSABLE = /^use[A-Z][A-Za-z0-9]*\.ts$/
const MAX_LINES = 350
const ELECTRON_ALLOWED = /^src\/(main\/desktop\/|main\/index\.ts$|preload\/)/

describe('the source layout', () => {
  it('names every .ts file in kebab-case (composables useX.ts)', () => {
    const misnamed = SOURCES.filter((file) => file.endsWith('.ts')).filter((file) => {
      const name = file.split('/').pop() ?? ''
      return !KEBAB.test(name) && !(file.includes('/composables/') && COMPOSABLE.test(name))
    })
    expect(misnamed).toEqual([])
  })

  it('imports electron only in the desktop shell, its entry and the preload', () => {
    const importers = SOURCES.filter((file) =>
      /from 'electron'|require\('electron'\)/.test(readFileSync(join(ROOT, file), 'utf8'))
    )
    expect(importers.length).toBeGreaterThan(0)
    expect(importers.filter((file) => !ELECTRON_ALLOWED.test(file))).toEqual([])
  })

  it('keeps every source file (.ts and .vue under src) at 350 lines or fewer', () => {
    expect(SOURCES.some((file) => file.endsWith('.vue'))).toBe(true)
    const offenders = SOURCES.map((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8')
      return { file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }
    })
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file} (${lines} lines)`)
    expect(offenders).toEqual([])
  })
})
