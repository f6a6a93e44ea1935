import { computed, type ComputedRef, type Ref } from 'vue'
import type { MediaState } from '../media/call-media'
import type { MediaWords } from '../media/media-words'
import type { CallQuality } from '../media/stats'
import { useCallStore } from '../stores/call'
import { useSettingsStore } from '../stores/settings'
import { useCallQuality } from './useCallQuality'

export interface PeerConnectionControls {
  state: ComputedRef<MediaState | undefined>
  muted: ComputedRef<boolean>
  /** The microphone failed after the answer (the caller hears silence): what to do, in words. */
  microphoneProblem: ComputedRef<MediaWords | undefined>
  quality: Ref<CallQuality | undefined>
  toggleMute(): void
  /** Switches the microphone mid-call (replaceTrack) and remembers the choice. */
  chooseInput(deviceId: string | undefined): Promise<void>
  /** Switches the speaker mid-call (setSinkId) and remembers the choice. */
  chooseOutput(deviceId: string | undefined): Promise<void>
}

/**
 * One call's peer connection as a view sees it. The connection itself lives in the call store
 * (it outlives the toast and the in-call view); this is the reactive handle on it.
 */
export function usePeerConnection(callId: () => string): PeerConnectionControls {
  const calls = useCallStore()
  const settings = useSettingsStore()
  const media = (): ReturnType<typeof calls.media> => calls.media(callId())
  return {
    state: computed(() => calls.mediaStates[callId()]),
    muted: computed(() => calls.muted[callId()] ?? false),
    microphoneProblem: computed(() => calls.microphoneProblems[callId()]),
    quality: useCallQuality(media),
    toggleMute: () => calls.toggleMute(callId()),
    async chooseInput(deviceId) {
      await settings.update({ audio: { inputDeviceId: deviceId ?? null } })
      await media()?.setInputDevice(deviceId)
    },
    async chooseOutput(deviceId) {
      await settings.update({ audio: { outputDeviceId: deviceId ?? null } })
      await media()?.setOutputDevice(deviceId)
    }
  }
}
