/**
 * The catalogues stay complete and usable: Spanish has every English key (and no other), every
 * text keeps to the one message syntax compile-message.ts reads, and every `t('…')` key written
 * in src/renderer exists.
 */
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../../src/shared/i18n/languages'
import { leaves } from '../../support/catalogue-leaves'

const english = leaves(MESSAGES.en)
const spanish = leaves(MESSAGES.es)
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)

describe('the English and Spanish catalogues', () => {
  it('have the same keys, all the way down', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('say the same placeholders in each language', () => {
    for (const [key, text] of english) {
      expect(placeholders(spanish.get(key) ?? '').sort(), key).toEqual(placeholders(text).sort())
    }
  })

  it('use only text and {name} placeholders (no plurals, links or other braces)', () => {
    for (const [key, text] of [...english, ...spanish]) {
      expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}|@$]/)
    }
  })
})

describe('the keys the renderer asks for', () => {
  const sources = import.meta.glob<string>('/src/renderer/src/**/*.{vue,ts}', {
    query: '?raw',
    import: 'default',
    eager: true
  })
  const used = Object.entries(sources).flatMap(([file, code]) =>
    // t('…') in code and templates; keypath="…" for a sentence with elements (SlottedSentence).
    [...code.matchAll(/\bt\(\s*'([^']+)'|\bkeypath="([^"]+)"/g)].map((m) => ({
      file,
      key: (m[1] ?? m[2])!
    }))
  )

  it('are found (the scan sees the converted views)', () => {
    expect(used.map((u) => u.key)).toContain('calls.toast.answer')
    expect(used.map((u) => u.key)).toContain('setup.credentials.pageIdHint')
  })

  it('all exist in English', () => {
    const missing = used.filter((u) => !english.has(u.key)).map((u) => `${u.file}: ${u.key}`)
    expect(missing).toEqual([])
  })
})
