/**
 * Microphones and speakers: the lists, the chosen ones (kept in settings), and hot-plug. When a
 * chosen device disappears mid-call the call falls back to the system default instead of dropping.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { mediaWords, type MediaText } from '../media/media-words'
import { useSettingsStore } from './settings'

export interface DeviceOption {
  deviceId: string
  /** The device's own name, or words ("Microphone 2") while the system hides names. */
  label: MediaText
}

function options(devices: MediaDeviceInfo[], kind: MediaDeviceKind): DeviceOption[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== 'default')
    .map((device, index) => ({
      deviceId: device.deviceId,
      label:
        device.label ||
        mediaWords(kind === 'audioinput' ? 'unnamedMicrophone' : 'unnamedSpeaker', {
          number: String(index + 1)
        })
    }))
}

export const useDevicesStore = defineStore('devices', () => {
  const settings = useSettingsStore()
  const devices = ref<MediaDeviceInfo[]>([])
  const listeners = new Set<(removed: { input: boolean; output: boolean }) => void>()

  const inputs = computed(() => options(devices.value, 'audioinput'))
  const outputs = computed(() => options(devices.value, 'audiooutput'))

  const present = (list: DeviceOption[], id: string | undefined): string | undefined =>
    id && list.some((device) => device.deviceId === id) ? id : undefined

  /** The chosen devices, or undefined (system default) when the chosen one is not plugged in. */
  const inputId = computed(() => present(inputs.value, settings.settings?.audio.inputDeviceId))
  const outputId = computed(() => present(outputs.value, settings.settings?.audio.outputDeviceId))
  const ringerId = computed(() => present(outputs.value, settings.settings?.audio.ringerDeviceId))

  async function refresh(): Promise<void> {
    if (!navigator.mediaDevices?.enumerateDevices) return
    const before = { input: inputId.value, output: outputId.value }
    devices.value = await navigator.mediaDevices.enumerateDevices()
    const removed = {
      input: before.input !== undefined && inputId.value === undefined,
      output: before.output !== undefined && outputId.value === undefined
    }
    if (removed.input || removed.output) for (const listener of listeners) listener(removed)
  }

  /** Called when a chosen device was unplugged, so live calls can switch to the default. */
  function onRemoved(listener: (removed: { input: boolean; output: boolean }) => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  /** Re-reads the lists on every plug and unplug; returns the function that stops it. */
  function watchHotPlug(): () => void {
    const onChange = (): void => void refresh()
    navigator.mediaDevices?.addEventListener('devicechange', onChange)
    return () => navigator.mediaDevices?.removeEventListener('devicechange', onChange)
  }

  return { devices, inputs, outputs, inputId, outputId, ringerId, refresh, onRemoved, watchHotPlug }
})
