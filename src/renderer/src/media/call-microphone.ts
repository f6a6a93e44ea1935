/**
 * What one call sends, on its audio transceiver's sender: the microphone, opened, switched and
 * stopped with replaceTrack, so it can join the connection at any time without renegotiating (the
 * offer already carries a sendrecv audio section; until a track joins, the caller hears silence),
 * and the keypad's tones.
 */
import { mediaWords, WordedError } from './media-words'
import { openMicrophone } from './microphone'

/** One sentence, with the device choice: the caller hears silence, the call itself goes on. */
export const MICROPHONE_SILENT = mediaWords('microphone.silent')

const KEYPAD_UNAVAILABLE = mediaWords('keypadUnavailable')
/** RFC 4733 tones as most phone menus expect them: 100 ms each, 70 ms apart (the W3C defaults). */
const TONE_MS = 100
const TONE_GAP_MS = 70

export interface CallMicrophoneOptions {
  /** Echo cancellation, noise suppression, gain control; tests measuring a tone turn them off. */
  processing: boolean
}

export class CallMicrophone {
  private sender: RTCRtpSender | undefined
  private track: MediaStreamTrack | undefined
  private muted = false
  private closed = false

  constructor(private readonly options: CallMicrophoneOptions) {}

  /** The sender the track goes on (the call's one audio transceiver). */
  bind(sender: RTCRtpSender): void {
    this.sender = sender
  }

  get isBound(): boolean {
    return this.sender !== undefined
  }

  get isOpen(): boolean {
    return this.track !== undefined
  }

  get isMuted(): boolean {
    return this.muted
  }

  get dtmf(): RTCDTMFSender | null {
    return this.sender?.dtmf ?? null
  }

  /** Keypad digits after any still playing; throws a WordedError when it cannot. */
  sendDigits(digits: string): void {
    const dtmf = this.dtmf
    if (!dtmf?.canInsertDTMF) throw new WordedError(KEYPAD_UNAVAILABLE)
    // insertDTMF replaces whatever is still queued: append, so quick presses all go out.
    dtmf.insertDTMF(dtmf.toneBuffer + digits, TONE_MS, TONE_GAP_MS)
  }

  setMuted(muted: boolean): void {
    this.muted = muted
    if (this.track) this.track.enabled = !muted
  }

  /**
   * Opens `deviceId` (the default when undefined) and puts it on the sender in place of any
   * track there. Throws a MicrophoneError when the microphone cannot be opened.
   */
  async attach(deviceId: string | undefined): Promise<void> {
    const track = await openMicrophone({ deviceId, processing: this.options.processing })
    if (this.closed) {
      track.stop()
      return
    }
    track.enabled = !this.muted
    try {
      await this.sender?.replaceTrack(track)
    } catch (error) {
      track.stop()
      throw error
    }
    // Closed while the track was being attached: close() stopped only the track it knew.
    if (this.closed) {
      track.stop()
      return
    }
    this.track?.stop()
    this.track = track
  }

  close(): void {
    this.closed = true
    this.track?.stop()
    this.track = undefined
  }
}
