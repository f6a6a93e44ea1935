/**
 * The renderer's side of Do not disturb and of the ring settings: a call the core silenced shows
 * no toast, plays no ringtone and opens no media, in the main window and the toast window alike;
 * the ringtone chosen in Settings is the one that rings.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { settingsSchema } from '../../../src/shared/settings'
import App from '../../../src/renderer/src/App.vue'
import ToastApp from '../../../src/renderer/src/ToastApp.vue'
import { Ringtone } from '../../../src/renderer/src/media/ringtone'
import { ringing } from '../support/calls'
import { useAppFixture } from '../support/app-fixture'
import { fakeShell } from '../support/fake-shell'

const app = useAppFixture()

afterEach(() => {
  vi.restoreAllMocks()
})

const looping = () => (app.media.played() as HTMLAudioElement[]).filter((audio) => audio.loop)

describe('a call silenced by Do not disturb', () => {
  it('rings nowhere in the main window: no toast, no ringtone, no connection or microphone', async () => {
    const settings = settingsSchema.parse({
      doNotDisturb: { enabled: true },
      audio: { openMicWhileRinging: true }
    })
    app.service.settings = settings
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()

    app.service.emit('callUpdated', { ...ringing('c_quiet'), silenced: true })
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(looping()).toEqual([])
    expect(app.media.peers).toEqual([])
    expect(app.media.devices.requests).toEqual([])

    // Do not disturb switched off while it rings: the core sends it unsilenced, and it rings.
    app.service.emit('callUpdated', ringing('c_quiet'))
    await flushPromises()
    expect(wrapper.findAll('[role="alertdialog"]')).toHaveLength(1)
    expect(looping()).toHaveLength(1)
    expect(app.media.peers).toHaveLength(1)

    // And switched on again: quiet again, and what was prepared for it is let go.
    app.service.emit('callUpdated', { ...ringing('c_quiet'), silenced: true })
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(looping()[0]?.paused).toBe(true)
    expect(app.media.peers[0]?.connectionState).toBe('closed')
  })

  it('shows no toast in the desktop toast window either', async () => {
    window.shell = fakeShell()
    app.service.calls = [{ ...ringing('c_quiet'), silenced: true }, ringing('c_loud')]
    const wrapper = mount(ToastApp)
    await flushPromises()
    const toasts = wrapper.findAll('[role="alertdialog"]')
    expect(toasts.map((toast) => toast.attributes('data-call-id'))).toEqual(['c_loud'])
  })
})

describe('a call that does not ring on this desk', () => {
  it('is listed quietly in the main window and can be answered from there', async () => {
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()
    app.service.emit('callUpdated', { ...ringing('c_quiet'), silenced: true })
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(looping()).toEqual([])
    const quiet = wrapper.get('section[aria-label="Calls not ringing here"]')
    expect(quiet.find('[data-call-id="c_quiet"]').exists()).toBe(true)

    await quiet.get('button').trigger('click')
    await flushPromises()
    expect(app.service.requests('accept')).toEqual([expect.objectContaining({ callId: 'c_quiet' })])
  })
})

describe('the ring settings', () => {
  it('rings with the ringtone, ringer and volume chosen in Settings when the ring starts', async () => {
    const start = vi.spyOn(Ringtone.prototype, 'start')
    app.service.settings = settingsSchema.parse({ audio: { ringtone: 'digital', ringVolume: 0.3 } })
    mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()

    app.service.emit('callUpdated', ringing('c_1'))
    await flushPromises()
    expect(start).toHaveBeenCalledWith({ deviceId: undefined, volume: 0.3 })
    expect((start.mock.contexts[0] as Ringtone).name).toBe('digital')

    // Changed in Settings (here: by another window) after that ring: the next ring uses it.
    app.service.emit('callUpdated', { ...ringing('c_1'), silenced: true })
    app.service.emit('settings', settingsSchema.parse({ audio: { ringtone: 'chime' } }))
    await flushPromises()
    app.service.emit('callUpdated', ringing('c_2'))
    await flushPromises()
    expect((start.mock.contexts.at(-1) as Ringtone).name).toBe('chime')
  })
})
