/**
 * The errors area words what main sends (issue 15, item 4): every key main and shared name in
 * words exists in English, and every text of the area is really worded in Spanish, so no
 * sentence made outside the renderer reaches a Spanish desk in English.
 */
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../../src/shared/i18n/languages'
import { leaves } from '../../support/catalogue-leaves'

const english = leaves(MESSAGES.en.errors)
const spanish = leaves(MESSAGES.es.errors)

describe('the words main sends', () => {
  const sources = import.meta.glob<string>(['/src/main/**/*.ts', '/src/shared/**/*.ts'], {
    query: '?raw',
    import: 'default',
    eager: true
  })
  const named = Object.entries(sources).flatMap(([file, code]) =>
    [
      ...code.matchAll(
        /\b(?:words|wordedError|failureShape)\(\s*(?:'[a-z-]+',\s*)?'(\w+\.[\w.]+)'/g
      )
    ].map((m) => ({ file, key: m[1]! }))
  )

  it('are found (the scan sees main’s sentences)', () => {
    expect(named.map((n) => n.key)).toEqual(
      expect.arrayContaining(['graph.tokenExpired', 'service.ownerOnly'])
    )
  })

  it('all exist in the English errors area', () => {
    expect(named.filter((n) => !english.has(n.key)).map((n) => `${n.file}: ${n.key}`)).toEqual([])
  })

  it('are all worded in Spanish, not left in English', () => {
    // A text of placeholders only ("{first} · {second}") reads the same in every language.
    const words = (text: string) => text.replace(/\{\w+\}/g, '').trim().length > 2
    const same = [...english]
      .filter(([key, text]) => words(text) && spanish.get(key) === text)
      .map(([k]) => k)
    expect(same).toEqual([])
  })
})
