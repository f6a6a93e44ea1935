import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallAction } from '../../../src/shared/ipc'
import type { ShellBridge } from '../../../src/preload/bridge'
import ToastApp from '../../../src/renderer/src/ToastApp.vue'
import { answering, connected, historyRecord, ringing } from '../support/calls'
import { button, hasButton } from '../support/dom'
import { coreStatus } from '../support/fake-softphone'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { fakeShell } from '../support/fake-shell'

const app = useAppFixture()

function press(key: string, options: KeyboardEventInit = {}, target: EventTarget = window): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...options }))
}

describe('App', () => {
  it('offers a test call on the welcome screen when no Page is connected', async () => {
    app.service.status = coreStatus(false)
    const wrapper = await mountApp()

    expect(wrapper.text()).toContain('No Page connected')
    const welcome = wrapper.get('section[aria-label="Welcome"]')
    await button(welcome, 'Test call').trigger('click')
    await flushPromises()

    expect(app.service.requests('startTestCall')).toEqual([{}])
  })

  it('waits for calls once a Page is connected, and lists recent calls', async () => {
    app.service.respond('listHistory', () => [
      historyRecord({ caller: { psid: '9', name: 'Alan' } })
    ])
    const wrapper = await mountApp()

    expect(wrapper.text()).toContain('Page connected')
    expect(wrapper.find('section[aria-label="Welcome"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Waiting for calls to your Facebook Page.')
    expect(wrapper.get('section[aria-label="Recent calls"]').text()).toContain('Alan')
    expect(app.service.commandNames()).toEqual(
      expect.arrayContaining(['getSettings', 'getStatus', 'listHistory', 'hello'])
    )
  })

  it('answers the first ringing call with Enter', async () => {
    app.service.calls = [
      ringing('c_late', { startedAt: 2_000 }),
      ringing('c_early', { startedAt: 1_000 })
    ]
    const wrapper = await mountApp()
    expect(wrapper.findAll('[role="alertdialog"]')).toHaveLength(2)

    press('Enter')
    await flushPromises()

    expect(app.service.requests('accept').map((request) => request.callId)).toEqual(['c_early'])
  })

  it('declines the first ringing call with Escape', async () => {
    app.service.calls = [ringing('c_1')]
    await mountApp()

    press('Escape')
    await flushPromises()

    expect(app.service.requests('decline')).toEqual([{ callId: 'c_1' }])
  })

  it('ignores shortcuts while typing in a field, and when nothing rings', async () => {
    await mountApp()
    press('Enter')
    press('Escape')

    app.service.emit('callUpdated', ringing('c_1'))
    await flushPromises()
    const field = document.createElement('input')
    document.body.append(field)
    press('Enter', {}, field)
    await flushPromises()
    field.remove()

    expect(app.service.requests('accept')).toEqual([])
    expect(app.service.requests('decline')).toEqual([])
  })

  it('leaves Enter to a focused button: Enter on Decline does not answer the call', async () => {
    app.service.calls = [ringing('c_1')]
    const wrapper = await mountApp()
    const decline = button(wrapper.get('[role="alertdialog"]'), 'Decline')
    ;(decline.element as HTMLButtonElement).focus()

    press('Enter', {}, decline.element)
    await flushPromises()

    expect(app.service.requests('accept')).toEqual([])
  })

  it('shows a blocked microphone on the ringing call and keeps it ringing', async () => {
    app.media.devices.refuse(new DOMException('denied', 'NotAllowedError'))
    app.service.calls = [ringing('c_1')]
    const wrapper = await mountApp()

    await button(wrapper, 'Answer').trigger('click')
    await flushPromises()

    const toast = wrapper.get('[role="alertdialog"]')
    expect(toast.get('[role="alert"]').text()).toContain('The microphone is blocked')
    expect(hasButton(toast, 'Answer')).toBe(true)
    expect(app.service.requests('accept')).toEqual([])
  })

  it('shows the call in progress, with Ctrl+M to mute and Ctrl+E to hang up', async () => {
    const call = ringing('c_1', { caller: { psid: '5', name: 'Grace Hopper' } })
    app.service.calls = [call]
    const wrapper = await mountApp()
    await button(wrapper, 'Answer').trigger('click')
    await flushPromises()
    app.service.emit('callUpdated', connected(call, 'desk-1'))
    await flushPromises()

    const view = wrapper.get('section[aria-label="Call in progress"]')
    expect(view.text()).toContain('Grace Hopper')
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)

    press('m', { ctrlKey: true })
    await flushPromises()
    expect(button(view, 'Mute').attributes('aria-pressed')).toBe('true')

    press('e', { ctrlKey: true })
    await flushPromises()
    expect(app.service.requests('hangUp')).toEqual([{ callId: 'c_1' }])
  })

  it('carries out an answer chosen in the toast window', async () => {
    let forward: ((action: CallAction) => void) | undefined
    window.shell = fakeShell({
      requestCallAction: vi.fn(),
      onCallActionRequested: (listener) => {
        forward = listener
        return () => undefined
      }
    })
    app.service.calls = [ringing('c_1')]
    await mountApp()

    forward?.({ callId: 'c_1', action: 'answer' })
    await flushPromises()

    expect(app.service.requests('accept').map((request) => request.callId)).toEqual(['c_1'])
  })

  it('says what is wrong when the phone service cannot be reached', async () => {
    delete window.softphone
    const wrapper = await mountApp()
    expect(wrapper.get('[role="alert"]').text()).toContain('npm run web')
    expect(wrapper.find('main').exists()).toBe(false)
  })
})

describe('ToastApp', () => {
  let requestCallAction: ReturnType<typeof vi.fn<ShellBridge['requestCallAction']>>

  beforeEach(() => {
    requestCallAction = vi.fn<ShellBridge['requestCallAction']>()
    window.shell = fakeShell({ requestCallAction })
  })

  it('shows ringing calls and hands Answer and Decline to the main window', async () => {
    const call = ringing('c_1', { caller: { psid: '77', name: 'Edsger' } })
    app.service.calls = [call]
    const wrapper = mount(ToastApp)
    await flushPromises()

    expect(wrapper.get('[role="alertdialog"]').text()).toContain('Edsger')
    await button(wrapper, 'Answer').trigger('click')
    await button(wrapper, 'Decline').trigger('click')
    expect(requestCallAction.mock.calls).toEqual([
      [{ callId: 'c_1', action: 'answer' }],
      [{ callId: 'c_1', action: 'decline' }]
    ])
    // The toast window never touches media or answers by itself (it reads the theme only).
    expect(app.service.commandNames()).toEqual(['hello', 'getSettings'])
    expect(app.media.peers).toEqual([])

    app.service.emit('callUpdated', answering(call, 'desk-1'))
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
  })

  it('focuses the first ringing call when the window background is clicked', async () => {
    app.service.calls = [ringing('c_2', { startedAt: 2 }), ringing('c_1', { startedAt: 1 })]
    const wrapper = mount(ToastApp)
    await flushPromises()

    await wrapper.get('.toast-window').trigger('click')
    expect(requestCallAction).toHaveBeenCalledExactlyOnceWith({ callId: 'c_1', action: 'focus' })
  })
})
