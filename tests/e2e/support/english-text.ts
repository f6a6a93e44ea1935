/**
 * Finding English on a Spanish desk (issue 15, item 4's third enforcement): what a view shows or
 * announces (visible text, aria-label, title, placeholder, alt), each string judged against the
 * catalogues and a short list of English interface words. Data the simulator and the hub put on
 * screen (names, times, numbers) is allowed.
 */
import type { Locator } from 'playwright-core'
import { MESSAGES } from '../../../src/shared/i18n/languages'
import { leaves } from '../../support/catalogue-leaves'

const ENGLISH = leaves(MESSAGES.en)
const SPANISH = leaves(MESSAGES.es)

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A catalogue text as a whole-string pattern, each {placeholder} a named group. */
function templatePattern(template: string): RegExp {
  const names = new Map<string, number>()
  const source = template
    .split(/\{(\w+)\}/)
    .map((part, index) => {
      if (index % 2 === 0) return escape(part)
      const seen = names.get(part) ?? 0
      names.set(part, seen + 1)
      return seen === 0 ? `(?<${part}>.+?)` : `\\k<${part}>`
    })
    .join('')
  return new RegExp(`^${source}$`, 's')
}

/** Enough words of its own that matching it means English, not a lone placeholder or symbol. */
const hasWords = (template: string): boolean =>
  (template.replace(/\{\w+\}/g, '').match(/[A-Za-z]/g) ?? []).length >= 4

/** The English texts whose Spanish differs: showing one on a Spanish desk is a miss. */
const ENGLISH_ONLY = [...ENGLISH]
  .filter(([key, text]) => SPANISH.get(key) !== text && hasWords(text))
  .map(([key, text]) => ({ key, text, pattern: templatePattern(text) }))

/** English interface words no Spanish text uses, matched as whole words in any case. */
export const ENGLISH_WORDS = [
  'Call',
  'Calls',
  'Calling',
  'Answer',
  'Answered',
  'Decline',
  'Declined',
  'Settings',
  'History',
  'Hang up',
  'Mute',
  'Unmute',
  'Keypad',
  'Page',
  'Desk',
  'Desks',
  'Save',
  'Cancel',
  'Remove',
  'Missed',
  'Incoming',
  'Outgoing',
  'Connected',
  'Ringing',
  'Loading',
  'Ready',
  'Today',
  'Yesterday',
  'Search',
  'Back',
  'Close',
  'Open',
  'Join',
  'Leave',
  'Retry',
  'Try again',
  'Microphone',
  'Speaker',
  'Language',
  'Theme',
  'Waiting',
  'Welcome',
  'Setup',
  'Done',
  'Add',
  'Copy',
  'Show',
  'Hide',
  'Code',
  'Expires',
  'Address',
  'the',
  'and',
  'for',
  'you',
  'is',
  'are',
  'of',
  'to',
  'your',
  'this',
  'with',
  'from'
]
const WORDS = new RegExp(`\\b(${ENGLISH_WORDS.map(escape).join('|')})\\b`, 'i')

/** Why `text` reads as English on a Spanish desk, or undefined when it does not. */
export function whyEnglish(text: string, allowed: readonly string[]): string | undefined {
  let rest = text.replace(/\s+/g, ' ').trim()
  const known = ENGLISH_ONLY.find(({ pattern }) => pattern.test(rest))
  if (known) return `the English text of ${known.key}`
  for (const data of allowed) rest = rest.split(data).join(' ')
  const word = WORDS.exec(rest)
  return word ? `the English word "${word[1]}"` : undefined
}

/**
 * The names a view may be opened by in either language: the English text, and where the
 * catalogue has it (filled in for a text with placeholders) its Spanish. A view not converted
 * yet is reached by its English name, a converted one by its Spanish name.
 */
export function eitherLanguage(
  english: string,
  /** `prefix`: the name starts so; `within`: the text is part of a longer one (getByText). */
  options: { prefix?: boolean; within?: boolean } = {}
): RegExp {
  const spanish = new Set<string>()
  for (const [key, template] of ENGLISH) {
    const match = templatePattern(template).exec(english)
    const es = SPANISH.get(key)
    if (!match || es === undefined) continue
    const groups = match.groups ?? {}
    spanish.add(es.replace(/\{(\w+)\}/g, (_all, name: string) => groups[name] ?? ''))
  }
  const alternatives = [english, ...spanish].map(escape).join('|')
  if (options.within) return new RegExp(alternatives)
  return new RegExp(`^(${alternatives})${options.prefix ? '' : '$'}`)
}

/**
 * What a view shows and announces: visible text nodes and the naming attributes. Passed as text:
 * it runs in the browser (no DOM types here), called with the view's element.
 */
const SHOWN_STRINGS = `(element) => {
  const found = new Set()
  const add = (text) => {
    const trimmed = (text ?? '').replace(/\\s+/g, ' ').trim()
    if (trimmed) found.add(trimmed)
  }
  const visible = (node) => node.checkVisibility({ visibilityProperty: true })
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement
    if (!parent || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(parent.tagName)) continue
    if (visible(parent)) add(node.textContent)
  }
  for (const node of [element, ...element.querySelectorAll('*')]) {
    if (!visible(node)) continue
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
      add(node.getAttribute(name))
    }
  }
  return [...found]
}`

/** Playwright sends a function's source to the page and calls it there with the element. */
const shownStringsIn = new Function('element', `return (${SHOWN_STRINGS})(element)`) as (
  element: unknown
) => string[]

export async function shownStrings(root: Locator): Promise<string[]> {
  return root.evaluate(shownStringsIn)
}

/** "string — why" for each English string the view shows. */
export async function englishIn(root: Locator, allowed: readonly string[]): Promise<string[]> {
  const lines: string[] = []
  for (const text of await shownStrings(root)) {
    const why = whyEnglish(text, allowed)
    if (why) lines.push(`"${text}" (${why})`)
  }
  return lines
}

/**
 * Elements of a view whose content does not fit (a longer Spanish word cut or pushed out): wider
 * than their box while not scrollable, or reaching past the window's right edge. Text fields,
 * whose value may scroll, and visually hidden text (1 px boxes for screen readers) are left out.
 */
const OVERFLOWING = `(element) => {
  const found = []
  for (const node of [element, ...element.querySelectorAll('*')]) {
    if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].includes(node.tagName)) continue
    if (!node.checkVisibility({ visibilityProperty: true })) continue
    const box = node.getBoundingClientRect()
    if (box.width <= 1 || box.height <= 1) continue
    const style = getComputedStyle(node)
    const scrolls = ['auto', 'scroll'].includes(style.overflowX)
    const cut = !scrolls && node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0
    const outside = box.right > document.documentElement.clientWidth + 1
    if (!cut && !outside) continue
    const text = (node.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 60)
    const name = node.tagName.toLowerCase() + (node.className ? '.' + String(node.className).split(' ')[0] : '')
    found.push(name + ' "' + text + '" (' + (cut ? 'cut' : 'past the window edge') + ')')
  }
  return found
}`

const overflowingIn = new Function('element', `return (${OVERFLOWING})(element)`) as (
  element: unknown
) => string[]

/** "overflow: element "text" (cut)" for each element of the view that does not fit. */
export async function overflowIn(root: Locator): Promise<string[]> {
  return (await root.evaluate(overflowingIn)).map((line) => `overflow: ${line}`)
}
