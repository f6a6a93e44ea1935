/** The one caller avatar: photo, initials on a colour of the name, or a labelled person glyph. */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CallerAvatar from '../../../src/renderer/src/components/CallerAvatar.vue'
import {
  AVATAR_PALETTE,
  TEST_CALLER_COLOUR,
  avatarLook,
  initialsOf,
  paletteColour
} from '../../../src/renderer/src/components/caller-avatar-look'

const PHOTO = 'data:image/png;base64,iVBORw0KGgo='

/** WCAG relative luminance and contrast ratio, for the palette under white initials. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05)

/** The background the drawn avatar is painted with, as #rrggbb (however the DOM spells it). */
function background(element: Element): string {
  const style = (element as HTMLElement).style.backgroundColor
  const rgb = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(style)
  if (!rgb) return style.toLowerCase()
  return `#${rgb
    .slice(1)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`
}

describe('CallerAvatar', () => {
  it("shows Meta's photo when there is one, hidden from screen readers beside the name", () => {
    const wrapper = mount(CallerAvatar, {
      props: { caller: { psid: '1', name: 'Ada Lovelace', photo: PHOTO } }
    })
    const img = wrapper.get('img')
    expect(img.attributes('src')).toBe(PHOTO)
    expect(img.attributes('alt')).toBe('')
    expect(wrapper.text()).toBe('')
  })

  it('falls back to initials when the photo cannot be shown', async () => {
    const wrapper = mount(CallerAvatar, {
      props: { caller: { psid: '1', name: 'Ada Lovelace', photo: PHOTO } }
    })
    await wrapper.get('img').trigger('error')
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.get('[data-avatar="initials"]').text()).toBe('AL')
  })

  it('draws initials on a colour that stays the same for the same name', () => {
    const ada = mount(CallerAvatar, { props: { caller: { psid: '1', name: 'Ada Lovelace' } } })
    const again = mount(CallerAvatar, { props: { caller: { psid: '2', name: 'Ada Lovelace' } } })
    const drawn = ada.get('[data-avatar="initials"]')

    expect(drawn.text()).toBe('AL')
    expect(drawn.attributes('aria-hidden')).toBe('true')
    expect(background(drawn.element)).toBe(paletteColour('Ada Lovelace'))
    expect(background(again.get('[data-avatar="initials"]').element)).toBe(
      background(drawn.element)
    )
  })

  it('with no name, shows a person glyph on a colour of the id, labelled "Messenger caller"', () => {
    const wrapper = mount(CallerAvatar, { props: { caller: { psid: '24680' } } })
    const glyph = wrapper.get('[data-avatar="glyph"]')

    expect(glyph.attributes('role')).toBe('img')
    expect(glyph.attributes('aria-label')).toBe('Messenger caller')
    expect(glyph.find('svg').exists()).toBe(true)
    expect(background(glyph.element)).toBe(paletteColour('24680'))
    expect(wrapper.text()).not.toContain('24680')
    // A blank or spaces-only name is no name.
    const blank = mount(CallerAvatar, { props: { caller: { psid: '24680', name: '  ' } } })
    expect(blank.find('[data-avatar="glyph"]').exists()).toBe(true)
  })

  it('gives the test caller a face of its own, before its profile arrives too', () => {
    const named = mount(CallerAvatar, {
      props: { caller: { psid: 'test-caller', name: 'Test caller' }, test: true }
    })
    const early = mount(CallerAvatar, { props: { caller: { psid: 'test-caller' }, test: true } })

    for (const wrapper of [named, early]) {
      const drawn = wrapper.get('[data-avatar="initials"]')
      expect(drawn.text()).toBe('TC')
      expect(background(drawn.element)).toBe(TEST_CALLER_COLOUR)
    }
  })

  it('sizes itself, with initials in proportion', () => {
    const wrapper = mount(CallerAvatar, {
      props: { caller: { psid: '1', name: 'Grace Hopper' }, size: 40 }
    })
    const style = (wrapper.element as HTMLElement).style
    expect([style.width, style.height, style.fontSize]).toEqual(['40px', '40px', '16px'])
  })
})

describe('avatarLook', () => {
  it('takes the first and last word’s first letters, whole characters included', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL')
    expect(initialsOf('ana maría lópez')).toBe('AL')
    expect(initialsOf('Cher')).toBe('C')
    expect(initialsOf('  ')).toBe('')
    expect(initialsOf('𝒜da Byron')).toBe('𝒜B')
  })

  it('paints every colour dark enough for white initials (WCAG AA, 4.5:1)', () => {
    for (const colour of [...AVATAR_PALETTE, TEST_CALLER_COLOUR]) {
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('spreads callers over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => paletteColour(`caller ${i}`)))
    expect(used.size).toBe(AVATAR_PALETTE.length)
  })

  it('is never blank', () => {
    for (const caller of [{ psid: '' }, { psid: 'x', name: '' }, { psid: 'x', name: '!' }]) {
      const look = avatarLook(caller, {
        testCaller: 'Test caller',
        unknownCaller: 'Messenger caller'
      })
      expect(look.kind === 'photo' || 'colour' in look).toBe(true)
      if (look.kind === 'initials') expect(look.initials).not.toBe('')
    }
  })
})
