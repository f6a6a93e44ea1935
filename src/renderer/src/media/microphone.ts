/**
 * Opening the microphone, and saying in words (calls.media.microphone) what to do when the system
 * or browser refuses.
 */
import type { MicrophoneAccess } from '../../../shared/ipc'
import { mediaWords, WordedError, type MediaWords } from './media-words'

export type Platform = 'mac' | 'windows' | 'linux' | 'browser'

export function currentPlatform(): Platform {
  // Browser mode has no preload bridge: the browser, not the OS prompt, decides about the microphone.
  if (!window.softphone) return 'browser'
  const ua = navigator.userAgent
  if (/Macintosh|Mac OS X/.test(ua)) return 'mac'
  if (/Windows/.test(ua)) return 'windows'
  return 'linux'
}

/** The words for a microphone blocked when a call is answered: where this system allows it. */
export function microphoneBlocked(platform = currentPlatform()): MediaWords {
  return mediaWords(`microphone.blocked.${platform}`)
}

export class MicrophoneError extends WordedError {
  override readonly name = 'MicrophoneError'
  constructor(
    readonly kind: 'blocked' | 'missing' | 'busy' | 'other',
    wording: MediaWords
  ) {
    super(wording)
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
      return new MicrophoneError('missing', mediaWords('microphone.missing'))
    case 'NotReadableError':
    case 'AbortError':
      return new MicrophoneError('busy', mediaWords('microphone.busy'))
    default:
      return new MicrophoneError('other', mediaWords('microphone.other'))
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
