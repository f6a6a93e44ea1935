import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultSettings } from '../../../src/shared/settings'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useDevicesStore } from '../../../src/renderer/src/stores/devices'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { FakeSoftphone } from '../support/fake-softphone'
import { device, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

let media: FakeMedia

const ALL = [
  device('audioinput', 'default', 'Default'),
  device('audioinput', 'usb-mic', 'USB microphone'),
  device('audioinput', 'built-in', ''),
  device('audiooutput', 'default', 'Default'),
  device('audiooutput', 'headset', 'Headset'),
  device('audiooutput', 'speakers', 'Speakers'),
  device('videoinput', 'camera', 'Camera')
]

function choose(input?: string, output?: string, ringer?: string): void {
  const settings = defaultSettings()
  settings.audio.inputDeviceId = input
  settings.audio.outputDeviceId = output
  settings.audio.ringerDeviceId = ringer
  useSettingsStore().settings = settings
}

beforeEach(() => {
  media = installFakeMedia()
  media.devices.devices = ALL
  useSoftphoneBridge(new FakeSoftphone().bridge)
  setActivePinia(createPinia())
})

afterEach(() => media.uninstall())

describe('devices store', () => {
  it('lists microphones and speakers without the "default" aliases', async () => {
    const devices = useDevicesStore()
    await devices.refresh()

    expect(devices.inputs).toEqual([
      { deviceId: 'usb-mic', label: 'USB microphone' },
      { deviceId: 'built-in', label: { media: 'unnamedMicrophone', values: { number: '2' } } }
    ])
    expect(devices.outputs).toEqual([
      { deviceId: 'headset', label: 'Headset' },
      { deviceId: 'speakers', label: 'Speakers' }
    ])
  })

  it('uses the chosen devices while they are plugged in, else the system default', async () => {
    choose('usb-mic', 'gone-headset', 'speakers')
    const devices = useDevicesStore()
    await devices.refresh()

    expect(devices.inputId).toBe('usb-mic')
    expect(devices.outputId).toBeUndefined()
    expect(devices.ringerId).toBe('speakers')
  })

  it('knows nothing before the first refresh, and copes without mediaDevices', async () => {
    choose('usb-mic')
    const devices = useDevicesStore()
    expect(devices.inputId).toBeUndefined()

    Reflect.deleteProperty(navigator, 'mediaDevices')
    await devices.refresh()
    devices.watchHotPlug()
    expect(devices.inputs).toEqual([])
  })

  it('tells listeners when a chosen device is unplugged', async () => {
    choose('usb-mic', 'headset')
    const devices = useDevicesStore()
    await devices.refresh()
    devices.watchHotPlug()
    const removed = vi.fn()
    devices.onRemoved(removed)

    // An unrelated device leaves: nobody is told.
    media.devices.plug(ALL.filter((d) => d.deviceId !== 'speakers'))
    await flushPromises()
    expect(removed).not.toHaveBeenCalled()

    media.devices.plug(ALL.filter((d) => d.deviceId !== 'usb-mic'))
    await flushPromises()
    expect(removed).toHaveBeenLastCalledWith({ input: true, output: false })
    expect(devices.inputId).toBeUndefined()

    media.devices.plug(ALL.filter((d) => d.kind !== 'audiooutput'))
    await flushPromises()
    expect(removed).toHaveBeenLastCalledWith({ input: false, output: true })
    expect(removed).toHaveBeenCalledTimes(2)
  })

  it('stops telling a listener that unsubscribed', async () => {
    choose('usb-mic')
    const devices = useDevicesStore()
    await devices.refresh()
    devices.watchHotPlug()
    const removed = vi.fn()
    const unsubscribe = devices.onRemoved(removed)
    unsubscribe()

    media.devices.plug([])
    await flushPromises()
    expect(removed).not.toHaveBeenCalled()
  })
})
