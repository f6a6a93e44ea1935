/**
 * Onboarding's microphone check: before the first call is answered, the OS is asked the way it
 * wants (the macOS prompt), and a refusal becomes the sentence saying where to allow it.
 */
import { onMounted, ref, type Ref } from 'vue'
import { accessBlocked, askMicrophoneAccess, microphoneBlocked } from '../media/microphone'

export interface MicrophoneAccessState {
  /** The sentence to show while the OS blocks the microphone; undefined when it does not. */
  blocked: Ref<string | undefined>
  check(): Promise<void>
}

export function useMicrophoneAccess(): MicrophoneAccessState {
  const blocked = ref<string>()
  const check = async (): Promise<void> => {
    // Browser mode (no desk bridge) and Linux: getUserMedia decides at the answer.
    const access = await askMicrophoneAccess()
    blocked.value = accessBlocked(access)
      ? microphoneBlocked(undefined, 'then check again')
      : undefined
  }
  onMounted(() => void check())
  return { blocked, check }
}
