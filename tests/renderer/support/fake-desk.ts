/** A `window.desk` for renderer tests: the desktop shell's bridge, each part replaceable. */
import type { DeskBridge } from '../../../src/preload/bridge'
import type { MicrophoneAccess } from '../../../src/shared/ipc'

/** By default: no call actions, and a microphone the OS allows. */
export function fakeDesk(overrides: Partial<DeskBridge> = {}): DeskBridge {
  const granted = async (): Promise<MicrophoneAccess> => 'granted'
  return {
    requestCallAction: () => undefined,
    onCallActionRequested: () => () => undefined,
    microphoneAccess: granted,
    askMicrophone: granted,
    ...overrides
  }
}
