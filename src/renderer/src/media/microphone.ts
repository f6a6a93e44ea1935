/**
 * Opening the microphone, and saying in words what to do when the system or browser refuses.
 */

export type Platform = 'mac' | 'windows' | 'linux' | 'browser'

export function currentPlatform(): Platform {
  // Browser mode has no preload bridge: the browser, not the OS prompt, decides about the microphone.
  if (!window.softphone) return 'browser'
  const ua = navigator.userAgent
  if (/Macintosh|Mac OS X/.test(ua)) return 'mac'
  if (/Windows/.test(ua)) return 'windows'
  return 'linux'
}

const BLOCKED: Record<Platform, string> = {
  mac: 'The microphone is blocked. Open System Settings, Privacy & Security, Microphone, turn on Messenger Softphone, then answer again.',
  windows:
    'The microphone is blocked. Open Settings, Privacy & security, Microphone, turn on "Let desktop apps access your microphone", then answer again.',
  linux:
    'The microphone is blocked. Check your sound settings (and any sandbox permissions for this app) allow microphone access, then answer again.',
  browser:
    'The microphone is blocked for this page. Click the icon left of the address, allow the microphone, then answer again.'
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
      return new MicrophoneError('blocked', BLOCKED[platform])
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
