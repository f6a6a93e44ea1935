/**
 * No internal word reaches the screen: the main views, mounted against the fake service with
 * callers Meta gave no name, show neither "PSID" nor a caller's id nor a call id, in text or in
 * what screen readers say (aria-label, placeholder, title, alt).
 */
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { connected, historyRecord, ringing } from '../support/calls'
import { button } from '../support/dom'

const PSID = '5550001234'
const OTHER_PSID = '5550009876'
const CALL_ID = 'call-7f3a9'

/** Everything a person can read or hear in the page, as one string. */
function everythingSaid(root: Element): string {
  const said = [root.textContent ?? '']
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = element.getAttribute(attribute)
      if (value) said.push(value)
    }
  }
  return said.join('\n')
}

function expectNoInternalWords(root: Element, where: string): void {
  const said = everythingSaid(root)
  expect(said, where).not.toMatch(/psid/i)
  expect(said, where).not.toMatch(/call id/i)
  expect(said, where).not.toContain(PSID)
  expect(said, where).not.toContain(OTHER_PSID)
  expect(said, where).not.toContain(CALL_ID)
}

describe('the words on screen', () => {
  const app = useAppFixture()

  it('name callers in words on the toast, home, history, call back, settings and setup', async () => {
    app.service.calls = [ringing(CALL_ID, { caller: { psid: PSID } })]
    app.service.respond('listHistory', () => [
      historyRecord({ callId: 'h-1', caller: { psid: OTHER_PSID }, outcome: 'missed' }),
      historyRecord({ callId: 'h-2', caller: { psid: '42', name: 'Grace Hopper' } })
    ])
    const wrapper = await mountApp()
    const nav = wrapper.get('nav')

    expect(wrapper.get('[role="alertdialog"]').text()).toContain('Messenger caller')
    expectNoInternalWords(wrapper.element, 'home with a ringing call')

    await button(nav, 'History').trigger('click')
    await flushPromises()
    expect(wrapper.get('section[aria-label="History"]').text()).toContain('Messenger caller')
    expectNoInternalWords(wrapper.element, 'history')

    await button(wrapper, 'Call back Messenger caller').trigger('click')
    await flushPromises()
    expect(wrapper.get('#call-back-title').text()).toBe('Call back Messenger caller')
    expectNoInternalWords(wrapper.element, 'call back')

    for (const view of ['Settings', 'Page setup']) {
      await button(nav, view).trigger('click')
      await flushPromises()
      expectNoInternalWords(wrapper.element, view)
    }
  })

  it('name the caller in words in the call and on its keypad', async () => {
    const call = ringing(CALL_ID, { caller: { psid: PSID } })
    app.service.calls = [call]
    const wrapper = await mountApp()
    await button(wrapper, 'Answer').trigger('click')
    await flushPromises()
    app.service.emit('callUpdated', connected(call, 'desk-1'))
    await flushPromises()

    const view = wrapper.get('section[aria-label="Call in progress"]')
    expect(view.get('h2').text()).toBe('Messenger caller')
    await button(view, 'Keypad').trigger('click')
    expectNoInternalWords(wrapper.element, 'in call')
  })
})
