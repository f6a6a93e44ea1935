/**
 * The media of one call: Chromium's RTCPeerConnection, the microphone track and the speaker.
 *
 * Meta's flow (docs section 1): we make the offer, Meta answers it and usually sends its own
 * renegotiation offer in the same response, which we answer locally without sending anything back.
 * Every step is awaited in order; `media_update` offers later go through the same queue.
 *
 * For a fast answer, `prepare()` runs while the call rings: the peer connection, the offer and ICE
 * gathering are done before the click. No audio can leave before the click: nothing is connected
 * until Meta's answer is applied, and that only happens after accept.
 */
import type { AcceptResult } from '../../../shared/api'
import type { PlaceCallResult } from '../../../shared/callback'
import {
  ANSWER_NOT_USABLE,
  CONNECT_TIMEOUT_MS,
  CallMediaError,
  LOST,
  NO_AUDIO
} from './call-failures'
import { openMicrophone } from './microphone'
import { readQuality, type CallQuality } from './stats'

export type MediaState =
  | 'idle'
  | 'preparing'
  | 'ready'
  | 'answering'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'closed'

export interface CallMediaOptions {
  /**
   * The STUN/TURN servers for this call, asked for as the connection is built: the TURN password
   * comes only in the reply to this desk's request for this call (`getIceServers`).
   */
  iceServers: () => Promise<RTCIceServer[]>
  /** Open the microphone while ringing (saves its start-up time from the answer). */
  openMicEarly: boolean
  inputDeviceId?: string | undefined
  outputDeviceId?: string | undefined
  /** Echo cancellation, noise suppression, gain control; tests measuring a tone turn them off. */
  audioProcessing?: boolean
  /** How long ICE may stay down before the call is given up. */
  iceFailureTimeoutMs?: number
  /** How long the audio may take to connect after Meta's answer before the call is given up. */
  connectTimeoutMs?: number
  onState?: (state: MediaState) => void
  /** The connection was lost for good, or never came up: a sentence for the user. */
  onLost?: (sentence: string) => void
}

const KEYPAD_UNAVAILABLE =
  'The keypad cannot send digits on this call yet; wait until it is connected.'
/** RFC 4733 tones as most phone menus expect them: 100 ms each, 70 ms apart (the W3C defaults). */
const TONE_MS = 100
const TONE_GAP_MS = 70

type AudioWithSink = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }

export class CallMedia {
  private pc: RTCPeerConnection | undefined
  private sender: RTCRtpSender | undefined
  private track: MediaStreamTrack | undefined
  private readonly audio: AudioWithSink
  private preparing: Promise<void> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private lostTimer: ReturnType<typeof setTimeout> | undefined
  private connectTimer: ReturnType<typeof setTimeout> | undefined
  /** ICE/DTLS came up at least once: a later drop is "lost", not "could not connect". */
  private everConnected = false
  private muted = false
  private current: MediaState = 'idle'
  /** Meta took our offer: from here on the call's figures are worth keeping. */
  private answered = false

  constructor(private readonly options: CallMediaOptions) {
    this.audio = new Audio() as AudioWithSink
    this.audio.autoplay = true
  }

  get state(): MediaState {
    return this.current
  }

  get isMuted(): boolean {
    return this.muted
  }

  /** The remote audio element (tests and the output meter read it). */
  get remoteAudio(): HTMLAudioElement {
    return this.audio
  }

  /** Builds the connection and the offer ahead of the click. Safe to call more than once. */
  prepare(): Promise<void> {
    this.preparing ??= this.build()
    return this.preparing
  }

  /**
   * Answers: sends the prepared offer through `accept` (the service API), then applies Meta's
   * answer and renegotiation offer. Throws a MicrophoneError when the microphone is refused, before
   * anything is sent, so the call keeps ringing and the user can fix it. Resolves with what
   * `accept` returned.
   */
  async answer<R extends AcceptResult>(accept: (offerSdp: string) => Promise<R>): Promise<R> {
    await this.prepare()
    // The whole answer holds the queue: a media_update offer arriving while accept is still out
    // must wait for Meta's answer, or it would meet a connection still in have-local-offer.
    return this.serialize(async () => {
      this.connection()
      this.setState('answering')
      if (!this.track) await this.attachMicrophone(this.options.inputDeviceId)
      // Closed while the microphone opened (the call ended or was taken elsewhere): send nothing.
      const pc = this.connection()
      const offer = pc.localDescription?.sdp
      if (!offer) throw new CallMediaError('The call offer was not ready.')
      const result = await accept(offer)
      this.answered = true
      this.setState('connecting')
      this.connectTimer = setTimeout(
        () => this.options.onLost?.(NO_AUDIO),
        this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS
      )
      try {
        await pc.setRemoteDescription({ type: 'answer', sdp: result.answer })
        if (result.renegotiation) await this.answerOfferNow(result.renegotiation)
      } catch (error) {
        // Closed meanwhile (the call ended): that ending has its own sentence.
        if (this.current === 'closed') throw error
        throw new CallMediaError(ANSWER_NOT_USABLE, { cause: error })
      }
      return result
    })
  }

  /**
   * Calls a customer back (docs section 7): the same exchange as answering, on the same queue,
   * with `placeCall` taking the offer where `accept` would: offer out, Meta's answer applied, then
   * its renegotiation offer answered locally.
   */
  dial(place: (offerSdp: string) => Promise<PlaceCallResult>): Promise<PlaceCallResult> {
    return this.answer(place)
  }

  /**
   * Sends keypad digits in the call's audio (RFC 4733, RTCDTMFSender), after any still playing.
   * Throws an Error with a sentence when this call cannot carry them.
   */
  sendDigits(digits: string): void {
    const dtmf = this.dtmf
    if (!dtmf?.canInsertDTMF) throw new Error(KEYPAD_UNAVAILABLE)
    // insertDTMF replaces whatever is still queued: append, so quick presses all go out.
    dtmf.insertDTMF(dtmf.toneBuffer + digits, TONE_MS, TONE_GAP_MS)
  }

  /** A later offer from Meta (`media_update`): applied after everything before it. */
  applyOffer(sdp: string): Promise<void> {
    return this.serialize(() => this.answerOfferNow(sdp))
  }

  setMuted(muted: boolean): void {
    this.muted = muted
    if (this.track) this.track.enabled = !muted
  }

  /** Switches the microphone mid-call without renegotiating (replaceTrack). */
  async setInputDevice(deviceId: string | undefined): Promise<void> {
    this.options.inputDeviceId = deviceId
    if (!this.sender || !this.track) return
    await this.attachMicrophone(deviceId)
  }

  async setOutputDevice(deviceId: string | undefined): Promise<void> {
    this.options.outputDeviceId = deviceId
    if (this.audio.setSinkId) await this.audio.setSinkId(deviceId ?? '')
  }

  async quality(): Promise<CallQuality | undefined> {
    if (!this.pc || this.current === 'closed') return undefined
    return readQuality(await this.pc.getStats())
  }

  /** For the keypad (RFC 4733 telephone-event). */
  get dtmf(): RTCDTMFSender | null {
    return this.sender?.dtmf ?? null
  }

  /**
   * Closes at once, like `close`, and resolves with the call's final figures when this desk had
   * answered it (else undefined). The stats are asked for just before the connection closes:
   * Chromium still answers that request, while a closed connection reports no media at all.
   */
  closeAndMeasure(): Promise<CallQuality | undefined> {
    const stats = this.answered && this.current !== 'closed' ? this.pc?.getStats() : undefined
    this.close()
    return stats ? stats.then(readQuality, () => undefined) : Promise.resolve(undefined)
  }

  close(): void {
    if (this.current === 'closed') return
    clearTimeout(this.lostTimer)
    clearTimeout(this.connectTimer)
    this.track?.stop()
    this.track = undefined
    this.pc?.close()
    this.audio.pause()
    this.audio.srcObject = null
    this.setState('closed')
  }

  private async build(): Promise<void> {
    this.setState('preparing')
    const iceServers = await this.options.iceServers()
    // Closed while the servers were asked for: nothing to build.
    if (this.current === 'closed') return
    const pc = new RTCPeerConnection({
      iceServers,
      bundlePolicy: 'max-bundle'
    })
    this.pc = pc
    const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' })
    this.sender = transceiver.sender
    preferOpus(transceiver)
    pc.ontrack = (event) => {
      this.audio.srcObject = event.streams[0] ?? new MediaStream([event.track])
      void this.audio.play().catch(() => undefined)
    }
    pc.onconnectionstatechange = () => this.onConnectionState(pc.connectionState)
    if (this.options.outputDeviceId) {
      // A speaker that refuses (unplugged, not allowed) must not stop the call being answered:
      // the caller is then heard on the system default.
      await this.setOutputDevice(this.options.outputDeviceId).catch(() => undefined)
    }
    if (this.options.openMicEarly) {
      // A failure here is not fatal: the click tries again and reports it then.
      await this.attachMicrophone(this.options.inputDeviceId).catch(() => undefined)
    }
    const offer = await pc.createOffer()
    await pc.setLocalDescription(offer)
    if (this.current === 'preparing') this.setState('ready')
  }

  private async attachMicrophone(deviceId: string | undefined): Promise<void> {
    const track = await openMicrophone({
      deviceId,
      processing: this.options.audioProcessing ?? true
    })
    if (this.current === 'closed') {
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
    if (this.state === 'closed') {
      track.stop()
      return
    }
    this.track?.stop()
    this.track = track
  }

  private async answerOfferNow(sdp: string): Promise<void> {
    const pc = this.connection()
    await pc.setRemoteDescription({ type: 'offer', sdp })
    const answer = await pc.createAnswer()
    await pc.setLocalDescription(answer)
  }

  private onConnectionState(state: RTCPeerConnectionState): void {
    if (this.current === 'closed') return
    switch (state) {
      case 'connected':
        clearTimeout(this.lostTimer)
        clearTimeout(this.connectTimer)
        this.lostTimer = undefined
        this.everConnected = true
        this.setState('connected')
        break
      case 'disconnected':
      case 'failed':
        // Never connected: nothing to reconnect, and the connect timer gives up on it.
        if (!this.everConnected) break
        this.setState('reconnecting')
        this.lostTimer ??= setTimeout(() => {
          this.options.onLost?.(LOST)
        }, this.options.iceFailureTimeoutMs ?? 15_000)
        break
      default:
        break
    }
  }

  private serialize<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step)
    this.queue = next.catch(() => undefined)
    return next
  }

  private connection(): RTCPeerConnection {
    if (!this.pc || this.current === 'closed') {
      throw new CallMediaError('The call has no media connection.')
    }
    return this.pc
  }

  private setState(state: MediaState): void {
    if (this.current === state) return
    this.current = state
    this.options.onState?.(state)
  }
}

/** Offers Opus (and telephone-event for the keypad) only: Meta ignores every other codec. */
function preferOpus(transceiver: RTCRtpTransceiver): void {
  const capabilities = RTCRtpReceiver.getCapabilities?.('audio')
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return
  const wanted = capabilities.codecs.filter((codec) =>
    /^audio\/(opus|telephone-event)$/i.test(codec.mimeType)
  )
  if (wanted.some((codec) => /opus/i.test(codec.mimeType))) transceiver.setCodecPreferences(wanted)
}
