/**
 * The media of one call: Chromium's RTCPeerConnection, the microphone track and the speaker.
 *
 * Meta's flow (docs section 1): we make the offer, Meta answers it and usually sends its own
 * renegotiation offer in the same response, which we answer locally without sending anything back.
 * Every step is awaited in order; `media_update` offers later go through the same queue.
 *
 * For a fast answer, `prepare()` runs while the call rings: the peer connection, the offer and ICE
 * gathering are done before the click. No audio can leave before the click: nothing is connected
 * until Meta's answer is applied, and that only happens after accept. When the microphone is known
 * to be allowed, the click sends the accept at once and the microphone joins when it has started
 * (a real one takes 100-300 ms): the caller's voice does not wait for ours.
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
import { CallMicrophone, MICROPHONE_SILENT } from './call-microphone'
import { mediaWords, type MediaWords } from './media-words'
import { watchMicrophoneReadiness, type MicrophoneReadinessWatch } from './microphone-readiness'
import { markAnswerStep } from './answer-steps'
import { preferOpus } from './opus-only'
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
  /**
   * Answer without waiting for the microphone when it is known to be allowed (followed while the
   * call rings): the accept goes at once, the track joins with replaceTrack when it has started.
   */
  acceptBeforeMicrophone?: boolean
  inputDeviceId?: string | undefined
  outputDeviceId?: string | undefined
  /** Echo cancellation, noise suppression, gain control; tests measuring a tone turn them off. */
  audioProcessing?: boolean
  /** How long ICE may stay down before the call is given up. */
  iceFailureTimeoutMs?: number
  /** How long the audio may take to connect after Meta's answer before the call is given up. */
  connectTimeoutMs?: number
  onState?: (state: MediaState) => void
  /** The connection was lost for good, or never came up: what to tell the user. */
  onLost?: (words: MediaWords) => void
  /**
   * The microphone failed after the accept went out (the call goes on, the caller hears silence):
   * what to tell the user; undefined once a microphone has joined after all.
   */
  onMicrophoneProblem?: (words: MediaWords | undefined) => void
}

type AudioWithSink = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }

export class CallMedia {
  private pc: RTCPeerConnection | undefined
  private readonly mic: CallMicrophone
  private readiness: MicrophoneReadinessWatch | undefined
  private readonly audio: AudioWithSink
  private preparing: Promise<void> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private lostTimer: ReturnType<typeof setTimeout> | undefined
  private connectTimer: ReturnType<typeof setTimeout> | undefined
  /** ICE/DTLS came up at least once: a later drop is "lost", not "could not connect". */
  private everConnected = false
  /** The offer went out: from here on a missing microphone is a problem to report, not to ask. */
  private offerSent = false
  private microphoneProblem = false
  private current: MediaState = 'idle'
  /** Meta took our offer: from here on the call's figures are worth keeping. */
  private answered = false

  constructor(private readonly options: CallMediaOptions) {
    this.audio = new Audio() as AudioWithSink
    this.audio.autoplay = true
    this.mic = new CallMicrophone({ processing: options.audioProcessing ?? true })
  }

  get state(): MediaState {
    return this.current
  }

  get isMuted(): boolean {
    return this.mic.isMuted
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
   * answer and renegotiation offer. Unless the microphone is open already or known to be allowed,
   * it is opened first, and a MicrophoneError thrown when it is refused, before anything is sent,
   * so the call keeps ringing and the user can fix it. Resolves with what `accept` returned.
   */
  answer<R extends AcceptResult>(accept: (offerSdp: string) => Promise<R>): Promise<R> {
    return this.exchange(accept, this.options.acceptBeforeMicrophone ?? false)
  }

  /**
   * Calls a customer back (docs section 7): the same exchange as answering, on the same queue,
   * with `placeCall` taking the offer where `accept` would: offer out, Meta's answer applied, then
   * its renegotiation offer answered locally. The microphone is opened first: the customer is
   * called only once the desk can speak.
   */
  dial(place: (offerSdp: string) => Promise<PlaceCallResult>): Promise<PlaceCallResult> {
    return this.exchange(place, false)
  }

  /**
   * Sends keypad digits in the call's audio (RFC 4733, RTCDTMFSender), after any still playing.
   * Throws a WordedError when this call cannot carry them.
   */
  sendDigits(digits: string): void {
    this.mic.sendDigits(digits)
  }

  /** A later offer from Meta (`media_update`): applied after everything before it. */
  applyOffer(sdp: string): Promise<void> {
    return this.serialize(() => this.answerOfferNow(sdp))
  }

  setMuted(muted: boolean): void {
    this.mic.setMuted(muted)
  }

  /**
   * Switches the microphone mid-call without renegotiating (replaceTrack). A call whose
   * microphone failed after the accept tries again with this one, and says how that went.
   */
  async setInputDevice(deviceId: string | undefined): Promise<void> {
    this.options.inputDeviceId = deviceId
    if (!this.mic.isBound || this.current === 'closed') return
    if (this.mic.isOpen) await this.mic.attach(deviceId)
    else if (this.offerSent) await this.joinMicrophone()
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
    return this.mic.dtmf
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
    this.readiness?.dispose()
    this.mic.close()
    this.pc?.close()
    this.audio.pause()
    this.audio.srcObject = null
    this.setState('closed')
  }

  private async build(): Promise<void> {
    this.setState('preparing')
    // Found out while the servers are asked for and the offer is made: known by the click.
    if (this.options.acceptBeforeMicrophone) this.readiness = watchMicrophoneReadiness()
    const iceServers = await this.options.iceServers()
    // Closed while the servers were asked for: nothing to build.
    if (this.current === 'closed') return
    const pc = new RTCPeerConnection({
      iceServers,
      bundlePolicy: 'max-bundle'
    })
    this.pc = pc
    const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' })
    this.mic.bind(transceiver.sender)
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
      await this.mic.attach(this.options.inputDeviceId).catch(() => undefined)
    }
    const offer = await pc.createOffer()
    await pc.setLocalDescription(offer)
    if (this.current === 'preparing') this.setState('ready')
  }

  /**
   * The offer out through `send`, then Meta's answer and renegotiation offer applied, all on the
   * queue: a media_update offer arriving while `send` is still out must wait for Meta's answer,
   * or it would meet a connection still in have-local-offer.
   */
  private async exchange<R extends AcceptResult>(
    send: (offerSdp: string) => Promise<R>,
    microphoneMayFollow: boolean
  ): Promise<R> {
    await this.prepare()
    return this.serialize(async () => {
      this.connection()
      this.setState('answering')
      const follow =
        !this.mic.isOpen && microphoneMayFollow && this.readiness?.current === 'granted'
      if (!this.mic.isOpen && !follow) await this.mic.attach(this.options.inputDeviceId)
      // Closed while the microphone opened (the call ended or was taken elsewhere): send nothing.
      const pc = this.connection()
      const offer = pc.localDescription?.sdp
      if (!offer) throw new CallMediaError(mediaWords('offerNotReady'))
      markAnswerStep('accept-sent')
      const sending = send(offer)
      this.offerSent = true
      this.readiness?.dispose()
      if (follow) void this.joinMicrophone()
      const result = await sending
      markAnswerStep('accept-answered')
      this.answered = true
      this.setState('connecting')
      this.connectTimer = setTimeout(
        () => this.options.onLost?.(NO_AUDIO),
        this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS
      )
      try {
        await pc.setRemoteDescription({ type: 'answer', sdp: result.answer })
        markAnswerStep('answer-applied')
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
   * Opens the microphone of a call already on its way: a failure does not end the call, it says
   * so once (the caller hears silence), and a later success takes the sentence back.
   */
  private async joinMicrophone(): Promise<void> {
    try {
      await this.mic.attach(this.options.inputDeviceId)
      if (this.microphoneProblem && this.current !== 'closed') {
        this.microphoneProblem = false
        this.options.onMicrophoneProblem?.(undefined)
      }
    } catch {
      if (this.current === 'closed') return
      this.microphoneProblem = true
      this.options.onMicrophoneProblem?.(MICROPHONE_SILENT)
    }
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
      throw new CallMediaError(mediaWords('noConnection'))
    }
    return this.pc
  }

  private setState(state: MediaState): void {
    if (this.current === state) return
    this.current = state
    this.options.onState?.(state)
  }
}
