/**
 * The views converted to the catalogues stay converted: their templates hold no words of their
 * own, neither as text nor in the attributes people read or hear (aria-label, title, placeholder,
 * alt, a LevelMeter's label). ESLint's vue-i18n plugin would say the same; this scan needs no
 * extra dependency. Each view joins the list once it is converted.
 */
import { describe, expect, it } from 'vitest'

const CONVERTED_VIEWS = [
  '/src/renderer/src/ToastApp.vue',
  '/src/renderer/src/components/IncomingCallToast.vue',
  '/src/renderer/src/components/InCallView.vue',
  '/src/renderer/src/components/DtmfKeypad.vue',
  '/src/renderer/src/components/RecentCalls.vue',
  '/src/renderer/src/components/QuietCalls.vue',
  '/src/renderer/src/components/history/HistoryItem.vue',
  '/src/renderer/src/components/settings/LanguageField.vue'
]

/** A tag, whose quoted attribute values may hold `>` (v-if="calls.length > 0"). */
const TAG = /<(?:"[^"]*"|'[^']*'|[^'">])*>/g

const READ_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'label']

/** The words a template shows as they are: text between tags, and read attributes' fixed values. */
function rawTexts(vue: string): string[] {
  const template = /<template>([\s\S]*)<\/template>/.exec(vue)?.[1] ?? ''
  const markup = template.replace(/<!--[\s\S]*?-->/g, '')
  const found: string[] = []
  for (const tag of markup.matchAll(TAG)) {
    for (const name of READ_ATTRIBUTES) {
      const fixed = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag[0])?.[1]
      if (fixed && /\p{L}/u.test(fixed)) found.push(`${name}="${fixed}"`)
    }
  }
  const text = markup.replace(TAG, '\n').replace(/\{\{[\s\S]*?\}\}/g, '\n')
  for (const piece of text.split('\n')) if (/\p{L}/u.test(piece)) found.push(piece.trim())
  return found
}

describe('the converted views’ templates', () => {
  it('catch raw words (the scan itself)', () => {
    const vue =
      '<template><p v-if="a > 0" aria-label="Call">Hang up {{ t("x") }}</p><b :title="t(\'y\')">·</b></template>'
    expect(rawTexts(vue)).toEqual(['aria-label="Call"', 'Hang up'])
  })

  const sources = import.meta.glob<string>('/src/renderer/src/**/*.vue', {
    query: '?raw',
    import: 'default',
    eager: true
  })

  it.each(CONVERTED_VIEWS)('%s has no words of its own', (file) => {
    expect(sources[file], file).toBeDefined()
    expect(rawTexts(sources[file] ?? '')).toEqual([])
  })
})
