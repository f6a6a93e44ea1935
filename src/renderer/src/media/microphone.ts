/**
 * Opening the microphone, and saying in words what to do when the system or browser refuses.
 */
import type { MicrophoneAccess } from '../../../shared/ipc'

export type Platform = 'mac' | 'windows' | 'linux' | 'browser'

export function currentPlatform(): Platform {
  // Browser mode has no preload bridge: the browser, not the OS prompt, decides about the microphone.
  if (!window.softphone) return 'browser'
  const ua = navigator.userAgent
  if (/Macintosh|Mac OS X/.test(ua)) return 'mac'
  if (/Windows/.test(ua)) return 'windows'
  return 'linux'
}

/** Where each OS (or the browser) lets the user allow the microphone again. */
const ALLOW: Record<Platform, string> = {
  mac: 'Open System Settings, Privacy & Security, Microphone, turn on Messenger Softphone',
  windows:
    'Open Settings, Privacy & security, Microphone, turn on "Let desktop apps access your microphone"',
  linux:
    'Check your sound settings (and any sandbox permissions for this app) allow microphone access',
  browser: 'Click the icon left of the address, allow the microphone'
}

/** The sentence for a microphone blocked when a call is answered. */
export function microphoneBlocked(platform = currentPlatform()): string {
  const blocked = platform === 'browser' ? 'blocked for this page' : 'blocked'
  return `The microphone is ${blocked}. ${ALLOW[platform]}, then answer again.`
}

export class MicrophoneError extends Error {
  override readonly name = 'MicrophoneError'
  constructor(
    readonly kind: 'blocked' | 'missing' | 'busy' | 'other',
    message: string
  ) {
    super(message)
  }
}

/** Turns a getUserMedia failure into a sentence the user can act on. */
export function explainMicrophoneError(
  error: unknown,
  platform = currentPlatform()
): MicrophoneError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new MicrophoneError('blocked', microphoneBlocked(platform))
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new MicrophoneError(
        'missing',
        'No microphone was found. Plug one in or choose another in Settings, then answer again.'
      )
    case 'NotReadableError':
    case 'AbortError':
      return new MicrophoneError(
        'busy',
        'The microphone is in use by another app or could not start. Close that app, then answer again.'
      )
    default:
      return new MicrophoneError('other', 'The microphone could not be opened. Try again.')
  }
}

/**
 * What the OS says about the microphone, after its own prompt where it has one (macOS): asked in
 * main (Electron's systemPreferences), because macOS and Windows can block the app as a whole while
 * getUserMedia then fails vaguely or records silence. Browser mode has no desk bridge: undefined.
 */
export async function askMicrophoneAccess(): Promise<MicrophoneAccess | undefined> {
  try {
    return await window.shell?.askMicrophone()
  } catch {
    // Main could not tell: getUserMedia still decides, and explains its own refusal.
    return undefined
  }
}

export function accessBlocked(access: MicrophoneAccess | undefined): boolean {
  return access === 'denied' || access === 'restricted'
}

export interface MicrophoneOptions {
  deviceId?: string | undefined
  /** Tests that measure a tone turn these off: they shrink a steady tone towards silence. */
  processing?: boolean
}

export async function openMicrophone(options: MicrophoneOptions = {}): Promise<MediaStreamTrack> {
  const processing = options.processing ?? true
  const audio: MediaTrackConstraints = {
    echoCancellation: processing,
    noiseSuppression: processing,
    autoGainControl: processing,
    ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {})
  }
  // Asked again at each answer: the user may have turned it off in the OS settings since.
  if (accessBlocked(await askMicrophoneAccess())) {
    throw new MicrophoneError('blocked', microphoneBlocked())
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio, video: false })
    const [track] = stream.getAudioTracks()
    if (!track) throw new DOMException('no audio track', 'NotFoundError')
    return track
  } catch (error) {
    // A remembered device that was unplugged: fall back to the default rather than fail the call.
    if (
      options.deviceId &&
      error instanceof DOMException &&
      error.name === 'OverconstrainedError'
    ) {
      return openMicrophone({ ...options, deviceId: undefined })
    }
    throw explainMicrophoneError(error)
  }
}
