import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Call } from '../../../src/shared/calls'
import InCallView from '../../../src/renderer/src/components/InCallView.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { useDevicesStore } from '../../../src/renderer/src/stores/devices'
import { answering, connected, ringing } from '../support/calls'
import { button } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'
import { device, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

const NOW = Date.UTC(2026, 3, 1, 10, 0)

let media: FakeMedia
let service: FakeSoftphone
let pinia: Pinia

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] })
  media = installFakeMedia()
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  vi.useRealTimers()
  media.uninstall()
})

/** A call this desk answered, connected at `connectedAt` or still 'answering'. */
async function answeredCall(connectedAt: number | 'answering' = NOW): Promise<Call> {
  const store = useCallStore()
  await store.init()
  const call = ringing('c_1', { caller: { psid: '1', name: 'Ada Lovelace' } })
  service.emit('callUpdated', call)
  await store.answer('c_1')
  const live =
    connectedAt === 'answering' ? answering(call, 'desk-1') : connected(call, 'desk-1', connectedAt)
  service.emit('callUpdated', live)
  return live
}

function mountView(call: Call) {
  return mount(InCallView, { props: { call }, global: { plugins: [pinia] } })
}

describe('InCallView', () => {
  it('shows the caller and a running call timer', async () => {
    const call = await answeredCall(NOW - 65_000)
    media.lastPeer().setConnectionState('connected')
    const wrapper = mountView(call)
    await flushPromises()

    expect(wrapper.get('h2').text()).toBe('Ada Lovelace')
    expect(wrapper.get('[aria-label="Call duration"]').text()).toBe('1:05')
    expect(wrapper.get('[role="status"]').text()).toContain('Connected')

    await vi.advanceTimersByTimeAsync(2_000)
    expect(wrapper.get('[aria-label="Call duration"]').text()).toBe('1:07')
  })

  it('says Connecting… with no time while the call is being answered', async () => {
    const call = await answeredCall('answering')
    const wrapper = mountView(call)
    expect(call.state).toBe('answering')
    expect(wrapper.get('[role="status"]').text()).toMatch(/^Connecting… · 0:00$/)
  })

  it('says Reconnecting… while the media is down, and Connected when it is back', async () => {
    const call = await answeredCall()
    const pc = media.lastPeer()
    pc.setConnectionState('connected')
    const wrapper = mountView(call)

    pc.setConnectionState('disconnected')
    await flushPromises()
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toContain('Reconnecting…')
    expect(status.classes()).toContain('in-call__state--warn')

    pc.setConnectionState('connected')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain('Connected')
    expect(wrapper.get('[role="status"]').classes()).not.toContain('in-call__state--warn')
  })

  it('toggles Mute as one pressed/unpressed button, muting the microphone track', async () => {
    const call = await answeredCall()
    const wrapper = mountView(call)
    const track = media.devices.tracks[0]!
    expect(button(wrapper, 'Mute').attributes('aria-pressed')).toBe('false')

    await button(wrapper, 'Mute').trigger('click')
    expect(button(wrapper, 'Mute').attributes('aria-pressed')).toBe('true')
    expect(track.enabled).toBe(false)

    await button(wrapper, 'Mute').trigger('click')
    expect(button(wrapper, 'Mute').attributes('aria-pressed')).toBe('false')
    expect(track.enabled).toBe(true)
  })

  it('hangs up through the store', async () => {
    const call = await answeredCall()
    const wrapper = mountView(call)
    const pc = media.lastPeer()

    await button(wrapper, 'Hang up').trigger('click')
    await flushPromises()

    expect(service.requests('hangUp')).toEqual([{ callId: 'c_1' }])
    expect(pc.connectionState).toBe('closed')
  })

  it('shows the quality line and the levels from getStats', async () => {
    const call = await answeredCall()
    const pc = media.lastPeer()
    pc.stats = new Map<string, Record<string, unknown>>([
      ['pair', { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.042 }],
      [
        'in',
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 990,
          packetsLost: 10,
          jitter: 0.003,
          audioLevel: 0.36
        }
      ],
      ['src', { type: 'media-source', kind: 'audio', audioLevel: 0.25 }]
    ])
    const wrapper = mountView(call)
    expect(wrapper.get('[aria-label="Call quality"]').text()).toBe('Measuring call quality…')
    await flushPromises()

    expect(wrapper.get('[aria-label="Call quality"]').text()).toBe(
      'Round trip 42 ms · jitter 3 ms · loss 1.0%'
    )
    expect(wrapper.get('[role="meter"][aria-label="Microphone"]').attributes('aria-valuenow')).toBe(
      '0.25'
    )
    expect(wrapper.get('[role="meter"][aria-label="Caller"]').attributes('aria-valuenow')).toBe(
      '0.36'
    )

    // Polled again every second; a muted microphone shows no level.
    pc.stats.set('in', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 1, jitter: 0.01 })
    await button(wrapper, 'Mute').trigger('click')
    await vi.advanceTimersByTimeAsync(1_000)
    await flushPromises()
    expect(wrapper.get('[aria-label="Call quality"]').text()).toBe(
      'Round trip 42 ms · jitter 10 ms · loss 0.0%'
    )
    expect(wrapper.get('[role="meter"][aria-label="Microphone"]').attributes('aria-valuenow')).toBe(
      '0.00'
    )
  })

  it('switches the microphone mid-call from the device list', async () => {
    media.devices.devices = [device('audioinput', 'usb-mic', 'USB microphone')]
    await useDevicesStore().refresh()
    const call = await answeredCall()
    const wrapper = mountView(call)

    await wrapper.get('select').setValue('usb-mic')
    await flushPromises()

    expect(service.requests('updateSettings')).toEqual([{ audio: { inputDeviceId: 'usb-mic' } }])
    expect(media.devices.requests.at(-1)?.deviceId).toBe('usb-mic')
    expect(media.devices.tracks[0]?.stopped).toBe(true)
  })
})

describe('InCallView when the microphone failed after the answer', () => {
  it('says so in one sentence by the device choice, and Try again brings the microphone in', async () => {
    media.permissions.set('granted')
    media.devices.refuse(new DOMException('device in use', 'NotReadableError'))
    const call = await answeredCall()
    await flushPromises()
    const wrapper = mountView(call)

    const alert = wrapper.get('.in-call__devices [role="alert"]')
    expect(alert.text()).toContain(
      'Your microphone did not start, so the caller hears silence: choose a microphone below to try again.'
    )
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(1)

    await button(wrapper, 'Try again').trigger('click')
    await flushPromises()

    expect(media.lastPeer().transceivers[0]!.sender.track).toBe(media.devices.tracks[0])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
