/** The keypad is a phone's: 1-9, then *, 0, #, every cell a key, letters under the digits. */
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import DtmfKeypad from '../../../src/renderer/src/components/DtmfKeypad.vue'

function keys() {
  const wrapper = mount(DtmfKeypad, {
    props: { callId: 'c_1' },
    global: { plugins: [createPinia()] }
  })
  return wrapper.get('.keypad__keys').findAll('button')
}

describe('DtmfKeypad', () => {
  it('lays out twelve keys in phone order, with no empty cell', () => {
    const pad = keys()
    // prettier-ignore
    expect(pad.map((key) => key.get('.keypad__tone').text())).toEqual([
      '1', '2', '3',
      '4', '5', '6',
      '7', '8', '9',
      '*', '0', '#'
    ])
    // Every child of the grid is a key: nothing stands in for a missing one.
    expect(pad[0]?.element.parentElement?.children).toHaveLength(12)
  })

  it('writes the letters under the digits, as on a phone', () => {
    const letters = Object.fromEntries(
      keys().map((key) => [
        key.get('.keypad__tone').text(),
        key.find('.keypad__letters').exists()
          ? key.get('.keypad__letters').attributes('data-letters')
          : null
      ])
    )
    // Keys with no letters draw no empty line under their sign.
    expect(letters).toEqual({
      '1': null,
      '*': null,
      '#': null,
      '2': 'ABC',
      '3': 'DEF',
      '4': 'GHI',
      '5': 'JKL',
      '6': 'MNO',
      '7': 'PQRS',
      '8': 'TUV',
      '9': 'WXYZ',
      '0': '+'
    })
  })

  it('names each key for screen readers and for the keyboard', () => {
    const pad = keys()
    // prettier-ignore
    expect(pad.map((key) => key.attributes('aria-label'))).toEqual([
      '1', '2', '3', '4', '5', '6', '7', '8', '9', 'Star', '0', 'Hash'
    ])
    expect(pad.map((key) => key.attributes('aria-keyshortcuts')).join('')).toBe('123456789*0#')
  })
})
