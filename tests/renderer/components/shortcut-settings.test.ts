import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { connected, ringing } from '../support/calls'
import { button } from '../support/dom'
import { mountApp, useAppFixture } from '../support/app-fixture'

const app = useAppFixture()

/** Presses a key as Settings writes it ("Ctrl+M", "Enter") on the window. */
function pressListed(keys: string): void {
  const ctrl = keys.startsWith('Ctrl+')
  const key = ctrl ? keys.slice('Ctrl+'.length).toLowerCase() : keys
  window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: ctrl, bubbles: true }))
}

describe('the keyboard shortcuts in Settings', () => {
  it('lists every shortcut, and each listed key does what its line says', async () => {
    const call = ringing('c_1', { caller: { psid: '5', name: 'Grace Hopper' } })
    app.service.calls = [call]
    const wrapper = await mountApp()
    await button(wrapper.get('nav[aria-label="Sections"]'), 'Settings').trigger('click')
    await flushPromises()

    const section = wrapper.get('section[aria-label="Keyboard shortcuts"]')
    const keys = section.findAll('dt').map((term) => term.text())
    const actions = section.findAll('dd').map((description) => description.text())
    const listed = Object.fromEntries(actions.map((action, index) => [action, keys[index]!]))
    expect(listed).toEqual({
      'Answer the ringing call': 'Enter',
      'Decline the ringing call': 'Escape',
      'Mute or unmute the call': 'Ctrl+M',
      'Hang up': 'Ctrl+E',
      'Send a digit while the keypad is open': '0–9, *, #'
    })

    // The keys as listed are the keys the window binds.
    pressListed(listed['Answer the ringing call']!)
    await flushPromises()
    expect(app.service.requests('accept').map((request) => request.callId)).toEqual(['c_1'])
    app.service.emit('callUpdated', connected(call, 'desk-1'))
    await flushPromises()
    const view = wrapper.get('section[aria-label="Call in progress"]')
    pressListed(listed['Mute or unmute the call']!)
    await flushPromises()
    expect(button(view, 'Mute').attributes('aria-pressed')).toBe('true')
    expect(button(view, 'Mute').attributes('aria-keyshortcuts')).toBe('Ctrl+M')
    pressListed(listed['Hang up']!)
    await flushPromises()
    expect(app.service.requests('hangUp')).toEqual([{ callId: 'c_1' }])
  })

  it('declines with the key listed for it', async () => {
    app.service.calls = [ringing('c_2')]
    const wrapper = await mountApp()
    await button(wrapper.get('nav[aria-label="Sections"]'), 'Settings').trigger('click')
    await flushPromises()
    const section = wrapper.get('section[aria-label="Keyboard shortcuts"]')
    const row = section.findAll('dd').findIndex((d) => d.text() === 'Decline the ringing call')
    pressListed(section.findAll('dt')[row]!.text())
    await flushPromises()
    expect(app.service.requests('decline')).toEqual([{ callId: 'c_2' }])
  })
})
