/**
 * Microphone access the way each operating system wants it asked, before the renderer calls
 * getUserMedia. macOS asks the user once per app and blocks silently after a refusal; Windows has
 * a Privacy setting for all desktop apps; Linux has neither (the renderer just opens the device).
 */
import type { MicrophoneAccess } from '../../shared/ipc'

/** The two methods of Electron's `systemPreferences` used here (macOS and Windows only). */
export interface MediaAccessPreferences {
  getMediaAccessStatus(mediaType: 'microphone'): MicrophoneAccess
  askForMediaAccess(mediaType: 'microphone'): Promise<boolean>
}

export interface MicrophoneAccessCheck {
  /** What the OS says now, without asking the user. */
  status(): MicrophoneAccess
  /** Asks the user where the OS wants it (macOS, first time only), then what the OS says. */
  ask(): Promise<MicrophoneAccess>
}

export function microphoneAccessCheck(
  preferences: MediaAccessPreferences,
  platform: NodeJS.Platform
): MicrophoneAccessCheck {
  // Electron's docs (systemPreferences.getMediaAccessStatus) mark it "@platform win32,darwin": on
  // Linux the method does not exist, and there is no OS setting to read.
  const readable = platform === 'darwin' || platform === 'win32'
  const status = (): MicrophoneAccess =>
    readable ? preferences.getMediaAccessStatus('microphone') : 'unknown'
  return {
    status,
    async ask() {
      const now = status()
      // Electron's docs (systemPreferences.askForMediaAccess, "@platform darwin"): the prompt
      // shows only while the user has not decided; afterwards it resolves with the existing access,
      // and only System Settings can change it. Windows has no prompt for desktop apps.
      if (platform !== 'darwin' || now !== 'not-determined') return now
      await preferences.askForMediaAccess('microphone')
      return status()
    }
  }
}
