/**
 * The README's Node requirement against what npm itself checks: the `engines` fields of every
 * package in package-lock.json. The versions the README says install without engine warnings must
 * satisfy them all; on the oldest version it accepts, each package that npm would warn about must be
 * named in the README's EBADENGINE sentence (as harmless, with the reason).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// npm's own version-range library (a dependency of the build tooling), as npm applies it.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean
  minVersion(range: string): { version: string } | null
  coerce(version: string): { version: string } | null
}

const ROOT = join(import.meta.dirname, '../..')
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ')
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string }
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>
}

/** The packages npm would warn about on this Node version, by name. */
function warnedAbout(node: string): string[] {
  const names: string[] = []
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node
    if (path === '' || !range || semver.satisfies(node, range)) continue
    names.push(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
  }
  return names
}

/** The sentence of the README that contains `marker`. */
function sentenceWith(marker: string): string {
  const sentence = readme.split(/(?<=\.\**) /).find((line) => line.includes(marker))
  if (!sentence) throw new Error(`the README has no sentence with "${marker}"`)
  return sentence
}

describe('the Node requirement in the README', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version

  it('is the oldest version package.json accepts', () => {
    const [major, minor] = oldest.split('.')
    expect(readme).toContain(`Node.js ${major}.${minor} or newer`)
  })

  it('names versions on which npm ci prints no engine warnings', () => {
    const clean = sentenceWith('no engine warnings').match(/\d+\.\d+(\.\d+)?/g) ?? []
    expect(clean.length).toBeGreaterThan(0)
    for (const version of clean) expect(warnedAbout(semver.coerce(version)!.version)).toEqual([])
  })

  it('names, as harmless, every package npm warns about on the oldest version', () => {
    const harmless = sentenceWith('EBADENGINE')
    const warned = warnedAbout(oldest)
    expect(warned.length).toBeGreaterThan(0)
    for (const name of warned) expect(harmless).toContain(`\`${name}\``)
  })
})
