import { onBeforeUnmount, onMounted } from 'vue'
import { useDevicesStore } from '../stores/devices'

/**
 * Keeps the device lists current while the component lives, on every plug and unplug
 * (`devicechange`); the first read is the caller's, once the chosen devices are known.
 */
export function useDevices(): ReturnType<typeof useDevicesStore> {
  const devices = useDevicesStore()
  let unwatch: (() => void) | undefined
  onMounted(() => (unwatch = devices.watchHotPlug()))
  onBeforeUnmount(() => unwatch?.())
  return devices
}
