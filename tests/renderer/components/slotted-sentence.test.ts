/** A catalogue sentence with an element inside: the element sits where each language puts it. */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import SlottedSentence from '../../../src/renderer/src/components/SlottedSentence.vue'
import { testI18n } from '../support/renderer-setup'

const hint = () =>
  mount(SlottedSentence, {
    props: { keypath: 'setup.credentials.tokenHint', tag: 'p' },
    slots: {
      explorer: () => h('a', { href: 'https://explorer.example' }, 'E'),
      debugger: () => h('a', { href: 'https://debugger.example' }, 'D')
    }
  })

describe('SlottedSentence', () => {
  it('puts each slot where the English sentence places it, as an element', () => {
    const wrapper = hint()
    expect(wrapper.element.tagName).toBe('P')
    expect(wrapper.findAll('a').map((a) => a.attributes('href'))).toEqual([
      'https://explorer.example',
      'https://debugger.example'
    ])
    expect(wrapper.text()).toMatch(/^In E: choose your app, .* The D can extend it\.$/)
  })

  it('follows the Spanish sentence’s order and words', () => {
    testI18n.global.locale.value = 'es'
    expect(hint().text()).toMatch(/^En el E: elija su app .* El D puede ampliar su duración\.$/)
  })
})
