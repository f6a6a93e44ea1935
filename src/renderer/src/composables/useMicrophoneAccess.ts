/**
 * Onboarding's microphone check: before the first call is answered, the OS is asked the way it
 * wants (the macOS prompt), and a refusal names the system that blocks it, whose settings the
 * step then names in the desk's language.
 */
import { onMounted, ref, type Ref } from 'vue'
import {
  accessBlocked,
  askMicrophoneAccess,
  currentPlatform,
  type Platform
} from '../media/microphone'

export interface MicrophoneAccessState {
  /** The system blocking the microphone; undefined when it does not. */
  blocked: Ref<Platform | undefined>
  check(): Promise<void>
}

export function useMicrophoneAccess(): MicrophoneAccessState {
  const blocked = ref<Platform>()
  const check = async (): Promise<void> => {
    // Browser mode (no desk bridge) and Linux: getUserMedia decides at the answer.
    const access = await askMicrophoneAccess()
    blocked.value = accessBlocked(access) ? currentPlatform() : undefined
  }
  onMounted(() => void check())
  return { blocked, check }
}
