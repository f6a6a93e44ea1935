/**
 * Styles that come with a view loaded on demand (its unscoped <style>, in the view's own CSS
 * chunk) exist only once that view has opened. A component drawn anywhere else must not lean on
 * them, or it looks different before and after the view first opens (the on/off switch in History
 * did, before Settings); nor may a view redefine the app's own controls (controls.css), which
 * would restyle every such control once it opens.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const RENDERER = 'src/renderer/src'

/** Each view with unscoped styles, and where the components it alone shows live. */
const VIEWS: Record<string, string> = {
  'views/SettingsView.vue': 'components/settings/',
  'views/SetupView.vue': 'components/setup/'
}

function vueFiles(): string[] {
  return readdirSync(join(ROOT, RENDERER), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.vue'))
    .map((entry) => relative(join(ROOT, RENDERER), join(entry.parentPath, entry.name)))
}

const read = (file: string): string => readFileSync(join(ROOT, RENDERER, file), 'utf8')

/** The class names a stylesheet's rules start with (".setup-field__hint {" -> setup-field__hint). */
function classesDefinedIn(css: string): Set<string> {
  return new Set([...css.matchAll(/^\.([a-z][\w-]*)/gm)].map((match) => match[1]!))
}

/** The class names a template uses in static class attributes. */
function classesUsedIn(vue: string): Set<string> {
  const used = new Set<string>()
  for (const match of vue.matchAll(/\sclass="([^"]+)"/g)) {
    for (const name of match[1]!.split(/\s+/)) if (name) used.add(name)
  }
  return used
}

function unscopedStyle(vue: string): string {
  return [...vue.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n')
}

describe('the styles of a view loaded on demand', () => {
  const files = vueFiles()

  it('are the only unscoped styles among the views and components', () => {
    const unscoped = files.filter((file) => unscopedStyle(read(file)).trim() !== '')
    expect(unscoped.sort()).toEqual(Object.keys(VIEWS).sort())
  })

  it.each(Object.entries(VIEWS))('of %s serve only its own components', (view, own) => {
    const defined = classesDefinedIn(unscopedStyle(read(view)))
    expect(defined.size).toBeGreaterThan(0)
    const borrowed = files
      .filter((file) => file !== view && !file.startsWith(own))
      .flatMap((file) =>
        [...classesUsedIn(read(file))]
          .filter((name) => defined.has(name))
          .map((name) => `${file}: ${name}`)
      )
    expect(borrowed).toEqual([])
  })

  it.each(Object.keys(VIEWS))('of %s leave the app’s own controls as they are', (view) => {
    const controls = classesDefinedIn(read('controls.css'))
    const redefined = [...classesDefinedIn(unscopedStyle(read(view)))].filter((name) =>
      controls.has(name)
    )
    expect(redefined).toEqual([])
  })
})
