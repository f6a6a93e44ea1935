import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useAudioLevels } from '../../../src/renderer/src/composables/useAudioLevels'
import { useDevices } from '../../../src/renderer/src/composables/useDevices'
import type { CallQuality } from '../../../src/renderer/src/media/stats'
import { device, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

let media: FakeMedia

beforeEach(() => {
  setActivePinia(createPinia())
  media = installFakeMedia()
})
afterEach(() => media.uninstall())

describe('useDevices', () => {
  it('follows plugs and unplugs while mounted, and stops when unmounted', async () => {
    let devices: ReturnType<typeof useDevices> | undefined
    const wrapper = mount(
      defineComponent({
        setup() {
          devices = useDevices()
          return () => h('div')
        }
      })
    )
    media.devices.plug([device('audioinput', 'usb', 'USB microphone')])
    await flushPromises()
    expect(devices?.inputs.map((d) => d.label)).toEqual(['USB microphone'])

    wrapper.unmount()
    media.devices.plug([
      device('audioinput', 'usb', 'USB microphone'),
      device('audioinput', 'b', 'Second')
    ])
    await flushPromises()
    expect(devices?.inputs).toHaveLength(1)
  })
})

describe('useAudioLevels', () => {
  it('reads both meters from the quality figures and silences the microphone while muted', () => {
    const quality = ref<CallQuality | undefined>({
      rttMs: 10,
      jitterMs: 1,
      lossPercent: 0,
      packetsReceived: 10,
      packetsLost: 0,
      inputLevel: 0.4,
      outputLevel: 0.2,
      inboundAudioEnergy: 1,
      lastPacketAt: undefined
    })
    const muted = ref(false)
    const levels = useAudioLevels(quality, muted)
    expect([levels.input.value, levels.output.value]).toEqual([0.4, 0.2])
    muted.value = true
    expect(levels.input.value).toBe(0)
    quality.value = undefined
    expect(levels.output.value).toBe(0)
  })
})
