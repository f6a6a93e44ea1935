/**
 * Calling back from the app: the history entry's button, the panel through every permission
 * state (updated live by the core's `callPermission` event), the outbound call in the same
 * in-call view ("Calling…", "Ringing…", "Connected"), and the keypad sending digits.
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnsweringCall, Call } from '../../../src/shared/calls'
import App from '../../../src/renderer/src/App.vue'
import { historyRecord, ringing } from '../support/calls'
import { grantedInfo, permissionInfo } from '../support/call-back'
import { button, hasButton } from '../support/dom'
import { FakeSoftphone, META_ANSWER } from '../support/fake-softphone'
import { deferred, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

const ADA = { psid: 'psid-h', name: 'Ada Lovelace' }

let media: FakeMedia
let service: FakeSoftphone

enableAutoUnmount(afterEach)

beforeEach(() => {
  media = installFakeMedia()
  service = new FakeSoftphone()
  service.respond('listHistory', () => [historyRecord({ outcome: 'missed', caller: ADA })])
  window.softphone = service.bridge
})

afterEach(() => {
  delete window.softphone
  media.uninstall()
})

async function openPanel(): Promise<VueWrapper> {
  const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
  await flushPromises()
  const recent = wrapper.get('section[aria-label="Recent calls"]')
  await button(recent, 'Call back Ada Lovelace').trigger('click')
  await flushPromises()
  return wrapper
}

const panel = (wrapper: VueWrapper) => wrapper.get('[role="dialog"]')

function outbound(state: 'answering' | 'connected', extra: Partial<Call> = {}): Call {
  const base = {
    id: 'out-1',
    pageId: '1001',
    direction: 'outbound' as const,
    caller: ADA,
    startedAt: Date.now(),
    answeredBy: 'desk-1'
  }
  return (
    state === 'answering'
      ? { ...base, state, ...extra }
      : { ...base, state, connectedAt: Date.now(), ...extra }
  ) as Call
}

describe('calling back', () => {
  it('checks, asks, waits, hears the approval live, then calls', async () => {
    const wrapper = await openPanel()
    expect(service.requests('checkCallPermission')).toEqual([{ psid: 'psid-h' }])
    const dialog = panel(wrapper)
    expect(dialog.text()).toContain('Call back Ada Lovelace')
    expect(dialog.text()).toContain('Ada Lovelace has not allowed calls from your Page.')
    expect(dialog.text()).toContain('2 of 2 requests left today.')
    expect(button(dialog, 'Call Ada Lovelace').attributes('disabled')).toBeDefined()

    service.respond('requestCallPermission', () =>
      permissionInfo({
        status: 'pending',
        summary: 'Waiting for Ada Lovelace to allow calls…',
        limits: [{ action: 'request-permission', maxAllowed: 2, currentUsage: 1, period: 'PT24H' }]
      })
    )
    await button(dialog, 'Ask Ada Lovelace for permission to call').trigger('click')
    await flushPromises()
    expect(service.requests('requestCallPermission')).toEqual([{ psid: 'psid-h' }])
    expect(dialog.text()).toContain('Waiting for Ada Lovelace to allow calls…')
    expect(dialog.text()).toContain('1 of 2 requests left today.')

    // The customer taps "Allow": the core tells every desk, and this one reads the state again.
    const fresh = deferred<ReturnType<typeof grantedInfo>>()
    service.respond('checkCallPermission', () => fresh.promise)
    service.emit('callPermission', { psid: 'psid-h', status: 'has_permission' })
    await nextTick()
    expect(dialog.text()).toContain('Ada Lovelace allows calls from your Page')
    fresh.resolve(grantedInfo())
    await flushPromises()
    const call = button(dialog, 'Call Ada Lovelace')
    expect(call.attributes('disabled')).toBeUndefined()
    expect(hasButton(dialog, 'Ask Ada Lovelace again')).toBe(false)

    await call.trigger('click')
    await flushPromises()
    const [placed] = service.requests('placeCall')
    expect(placed).toEqual({ psid: 'psid-h', sdp: 'v=0 pc1-offer-1' })
    expect(media.lastPeer().remoteDescription).toMatchObject({ type: 'offer' })
    expect(media.lastPeer().log).toContain('setRemoteDescription(answer)')
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
  })

  it('ignores a permission change for someone else', async () => {
    const wrapper = await openPanel()
    service.emit('callPermission', { psid: 'psid-other', status: 'has_permission' })
    await flushPromises()
    expect(panel(wrapper).text()).toContain('has not allowed calls')
    expect(service.requests('checkCallPermission')).toHaveLength(1)
  })

  it('disables asking with the sentence, worded here from the limit, when none are left', async () => {
    service.respond('checkCallPermission', () =>
      permissionInfo({
        canRequest: false,
        limits: [{ action: 'request-permission', maxAllowed: 2, currentUsage: 2 }],
        // The hub's own English is not what this desk shows: it words the limit itself.
        requestBlocked: 'No requests left: you can ask again at 14:05.'
      })
    )
    const wrapper = await openPanel()
    const ask = button(panel(wrapper), 'Ask Ada Lovelace for permission to call')
    expect(ask.attributes('disabled')).toBeDefined()
    expect(panel(wrapper).text()).toContain('No requests left in this period; Facebook allows 2.')
    await ask.trigger('click')
    expect(service.requests('requestCallPermission')).toEqual([])
  })

  it('shows the core’s sentence when the call cannot be placed, and stays open', async () => {
    service.respond('checkCallPermission', () => grantedInfo())
    service.fail('placeCall', new Error('Ada Lovelace has not allowed calls from your Page.'))
    const wrapper = await openPanel()
    await button(panel(wrapper), 'Call Ada Lovelace').trigger('click')
    await flushPromises()
    expect(panel(wrapper).get('[role="alert"]').text()).toBe(
      'Ada Lovelace has not allowed calls from your Page.'
    )
    expect(media.lastPeer().connectionState).toBe('closed')
  })

  it('runs the placed call in the in-call view: Calling…, Ringing…, Connected', async () => {
    service.respond('checkCallPermission', () => grantedInfo())
    const gate = deferred<{ callId: string; answer: string }>()
    service.respond('placeCall', () => gate.promise)
    const wrapper = await openPanel()
    await button(panel(wrapper), 'Call Ada Lovelace').trigger('click')
    await flushPromises()

    // The core reports the call before placeCall's reply reaches this desk.
    service.emit('callUpdated', outbound('answering'))
    await flushPromises()
    const view = () => wrapper.get('section[aria-label="Call in progress"]')
    expect(view().get('[role="status"]').text()).toContain('Calling…')
    gate.resolve({ callId: 'out-1', answer: META_ANSWER })
    await flushPromises()
    service.emit(
      'callUpdated',
      outbound('answering', { customerRingingAt: Date.now() } as Partial<AnsweringCall>)
    )
    await flushPromises()
    expect(view().get('[role="status"]').text()).toContain('Ringing…')

    service.emit('callUpdated', outbound('connected'))
    media.lastPeer().setConnectionState('connected')
    await flushPromises()
    expect(view().get('[role="status"]').text()).toContain('Connected')

    // The keypad: buttons and the keyboard both send digits in the call's audio.
    await button(view(), 'Keypad').trigger('click')
    const keypad = view().get('section[aria-label="Keypad"]')
    await button(keypad, '1').trigger('click')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '2' }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '#' }))
    await button(keypad, 'Star').trigger('click')
    await flushPromises()
    const dtmf = media.lastPeer().transceivers[0]!.sender.dtmf
    expect(dtmf.inserted.map((entry) => entry.tones)).toEqual(['1', '12', '12#', '12#*'])
    expect(keypad.get('output').text()).toBe('12#*')

    await button(view(), 'Hang up').trigger('click')
    await flushPromises()
    expect(service.requests('hangUp')).toEqual([{ callId: 'out-1' }])
  })

  it('closes the panel with Escape without declining a call that rings meanwhile', async () => {
    const wrapper = await openPanel()
    service.emit('callUpdated', ringing('c_1'))
    await flushPromises()

    await panel(wrapper).trigger('keydown', { key: 'Escape' })
    await flushPromises()

    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
    expect(service.requests('decline')).toEqual([])
  })

  it('keeps the keypad quiet until the call is connected', async () => {
    service.respond('checkCallPermission', () => grantedInfo())
    const wrapper = await openPanel()
    await button(panel(wrapper), 'Call Ada Lovelace').trigger('click')
    service.emit('callUpdated', outbound('answering'))
    await flushPromises()
    const view = wrapper.get('section[aria-label="Call in progress"]')
    await button(view, 'Keypad').trigger('click')
    const keypad = view.get('section[aria-label="Keypad"]')
    expect(button(keypad, '5').attributes('disabled')).toBeDefined()
    expect(keypad.text()).toContain('The keypad works once the call is connected.')
  })
})
