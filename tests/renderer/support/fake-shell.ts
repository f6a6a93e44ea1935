/** A `window.shell` for renderer tests: the desktop shell's bridge, each part replaceable. */
import type { ShellBridge } from '../../../src/preload/bridge'
import type { MicrophoneAccess } from '../../../src/shared/ipc'

/** By default: no call actions, and a microphone the OS allows. */
export function fakeShell(overrides: Partial<ShellBridge> = {}): ShellBridge {
  const granted = async (): Promise<MicrophoneAccess> => 'granted'
  return {
    requestCallAction: () => undefined,
    onCallActionRequested: () => () => undefined,
    microphoneAccess: granted,
    askMicrophone: granted,
    ...overrides
  }
}
