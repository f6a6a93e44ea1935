/**
 * A client without a screen: a werift peer that does exactly what the renderer does with Chromium's
 * RTCPeerConnection (offer Opus sendrecv, apply Meta's answer, answer the renegotiation offer
 * locally and send nothing back), and answers calls through the service API like a UI would. It
 * talks a tone of its own and measures what it hears, so scenarios can prove audio both ways.
 */
import {
  MediaStream,
  MediaStreamTrack,
  RTCPeerConnection,
  useOPUS,
  usePCMU,
  type RTCSessionDescription
} from 'werift'
import type { AcceptResult, MediaOffer, SoftphoneApi, SoftphoneEvents } from '../../../shared/api'
import type { PlaceCallResult } from '../../../shared/callback'
import { AudioMeter, type AudioAnalysis } from '../caller/audio'
import { OpusDecoder } from '../caller/opus'
import { OutgoingAudio, type CallerAudio } from '../caller/outgoing-audio'

/** Chromium's payload type for Opus. */
export const DESK_OPUS_PAYLOAD_TYPE = 111

export interface ClientHearing extends AudioAnalysis {
  packetsReceived: number
}

export interface HeadlessClientOptions {
  /** What the client says; an 880 Hz tone by default. */
  audio?: CallerAudio
  /** How much recent audio `hearing()` covers. */
  meterWindowMs?: number
  /**
   * Gather only this address, with the socket bound to it, as Chromium binds each socket to one
   * interface address and never gathers loopback. By default the desk gathers the machine's
   * addresses plus loopback, so it also works where loopback is the only interface.
   */
  address?: string
}

export interface AnswerOptions {
  /** Send the offer after ICE gathering (candidates in it) instead of at once, without any. */
  gathered?: boolean
}

/** Where `mediaOffer` events come from: a BridgeClient, or anything with the same `on`. */
export interface MediaOfferSource {
  on(event: 'mediaOffer', listener: (offer: SoftphoneEvents['mediaOffer']) => void): () => void
}

export class HeadlessClient {
  readonly pc: RTCPeerConnection
  /** The versions of the `mediaOffer`s applied, in order. */
  readonly mediaOffersApplied: number[] = []
  /** Why a followed `mediaOffer` could not be applied (the renderer would report a media failure). */
  readonly mediaOfferErrors: string[] = []
  /** The offer as sent to `accept`, once `answer` has sent it. */
  offerSent: string | undefined
  private answeredCallId: string | undefined
  private readonly track = new MediaStreamTrack({ kind: 'audio' })
  private readonly outgoing: OutgoingAudio
  private readonly decoder = new OpusDecoder()
  private readonly meter: AudioMeter
  private packetsReceived = 0
  private pendingLocalOffer: Promise<unknown> | undefined
  /** Descriptions are applied one at a time, in the order they arrive. */
  private negotiation: Promise<unknown> = Promise.resolve()
  /** A media offer that beats the accept response waits for Meta's answer to be applied. */
  private answerApplied: Promise<unknown> = Promise.resolve()
  private closed = false

  constructor(options: HeadlessClientOptions = {}) {
    this.pc = new RTCPeerConnection({
      // Chromium offers more than Opus; the answer must leave the other codec out.
      codecs: { audio: [useOPUS({ payloadType: DESK_OPUS_PAYLOAD_TYPE }), usePCMU()] },
      iceServers: [],
      iceUseIpv6: false,
      ...(options.address === undefined
        ? { iceAdditionalHostAddresses: ['127.0.0.1'] }
        : { iceInterfaceAddresses: { udp4: options.address } })
    })
    this.meter = new AudioMeter({ windowMs: options.meterWindowMs ?? 1000 })
    this.outgoing = new OutgoingAudio(this.track, options.audio ?? { mode: 'tone', frequency: 880 })
    this.pc.addTransceiver(this.track, {
      direction: 'sendrecv',
      streams: [new MediaStream([this.track])]
    })
    // The receiving track exists only once a remote description names its SSRC.
    const listening = new WeakSet<MediaStreamTrack>()
    this.pc.onTrack.subscribe((track) => {
      if (listening.has(track)) return
      listening.add(track)
      track.onReceiveRtp.subscribe((packet) => {
        if (this.closed || packet.header.payloadType !== DESK_OPUS_PAYLOAD_TYPE) return
        this.packetsReceived++
        this.meter.push(this.decoder.decode(packet.payload))
      })
    })
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') this.outgoing.start()
    })
  }

  get callId(): string | undefined {
    return this.answeredCallId
  }

  /**
   * Answers a ringing call as the renderer does: createOffer, setLocalDescription, `accept` with
   * the offer (sent at once, without waiting for ICE gathering, unless `gathered`), then Meta's
   * answer and, if present, its renegotiation offer answered locally. Nothing else is sent.
   */
  async answer(
    api: Pick<SoftphoneApi, 'accept'>,
    callId: string,
    options: AnswerOptions = {}
  ): Promise<AcceptResult> {
    this.answeredCallId = callId
    const work = (async () => {
      const offer = await this.createOffer(options.gathered ?? false)
      this.offerSent = offer
      const result = await api.accept({ callId, sdp: offer })
      await this.applyCallerAnswer(result.answer, result.renegotiation)
      return result
    })()
    this.answerApplied = work.catch(() => undefined)
    return work
  }

  /**
   * Calls a customer back as the renderer does: the same candidate-less offer goes to `placeCall`,
   * then Meta's answer and renegotiation offer are applied exactly as after an accept.
   */
  async dial(api: Pick<SoftphoneApi, 'placeCall'>, psid: string): Promise<PlaceCallResult> {
    const work = (async () => {
      const offer = await this.createOffer(false)
      this.offerSent = offer
      const result = await api.placeCall({ psid, sdp: offer })
      this.answeredCallId = result.callId
      await this.applyCallerAnswer(result.answer, result.renegotiation)
      return result
    })()
    this.answerApplied = work.catch(() => undefined)
    return work
  }

  /** Applies the `mediaOffer`s for the answered call as they arrive; returns the unsubscribe. */
  followMediaOffers(source: MediaOfferSource): () => void {
    return source.on('mediaOffer', (offer) => {
      if (offer.callId !== this.answeredCallId) return
      this.handleMediaOffer(offer).catch((error: unknown) => {
        this.mediaOfferErrors.push(error instanceof Error ? error.message : String(error))
      })
    })
  }

  /** A `media_update` offer: applied like the renegotiation offer, the answer goes nowhere. */
  async handleMediaOffer(offer: MediaOffer): Promise<void> {
    await this.answerApplied
    await this.applyOffer(offer.sdp)
    this.mediaOffersApplied.push(offer.version)
  }

  /** Hangs up through the service API and closes the media, as the renderer's Hang up does. */
  async hangUp(api: Pick<SoftphoneApi, 'hangUp'>): Promise<void> {
    const callId = this.answeredCallId
    if (callId === undefined) throw new Error('The desk has not answered a call')
    try {
      await api.hangUp({ callId })
    } finally {
      await this.close()
    }
  }

  /**
   * The offer as the app would send it: straight from createOffer, with no candidates (Meta's
   * sample), or after ICE gathering has completed.
   */
  async createOffer(gathered: boolean): Promise<string> {
    const offer = await this.pc.createOffer()
    // werift resolves setLocalDescription only after gathering; Chromium's gathering goes on in
    // the background, so the candidate-less offer leaves now and the rest is awaited later.
    const applied = this.pc.setLocalDescription(offer)
    if (!gathered) {
      this.pendingLocalOffer = applied
      return offer.sdp
    }
    await applied
    const local = this.pc.localDescription
    if (!local) throw new Error('no local description')
    return local.sdp
  }

  /** Step 5 of the flow: the answer, then the renegotiation offer answered locally. */
  async applyCallerAnswer(answer: string, renegotiation?: string): Promise<RTCSessionDescription> {
    await this.pendingLocalOffer
    await this.serially(() => this.pc.setRemoteDescription({ type: 'answer', sdp: answer }))
    if (renegotiation) await this.applyOffer(renegotiation)
    const local = this.pc.localDescription
    if (!local) throw new Error('no local description')
    return local
  }

  /** A renegotiation or media_update offer: applied and answered, the answer goes nowhere. */
  applyOffer(offer: string): Promise<void> {
    return this.serially(async () => {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: offer })
      await this.pc.setLocalDescription(await this.pc.createAnswer())
    })
  }

  hearing(): ClientHearing {
    return { ...this.meter.analyse(), packetsReceived: this.packetsReceived }
  }

  get packetsSent(): number {
    return this.outgoing.packetsSent
  }

  /** Polls until `check` holds for what the desk hears. */
  async waitUntilHearing(
    check: (hearing: ClientHearing) => boolean,
    timeoutMs = 5000
  ): Promise<ClientHearing> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const hearing = this.hearing()
      if (check(hearing)) return hearing
      if (Date.now() >= deadline) {
        throw new Error(`The desk did not hear what was expected: ${describeHearing(hearing)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** Stops talking without closing the peer: the connection stays up but goes quiet. */
  fallSilent(): void {
    this.outgoing.stop()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.outgoing.stop()
    await this.pc.close()
    this.decoder.close()
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.negotiation.then(work)
    this.negotiation = run.catch(() => undefined)
    return run
  }
}

export const near = (frequency: number | null, target: number, toleranceHz = 15): boolean =>
  frequency !== null && Math.abs(frequency - target) <= toleranceHz

export function describeHearing(hearing: ClientHearing): string {
  const frequency = hearing.frequency === null ? 'no tone' : `${hearing.frequency.toFixed(0)} Hz`
  return `${frequency}, ${hearing.level.toFixed(1)} dBFS, ${hearing.packetsReceived} packets`
}
