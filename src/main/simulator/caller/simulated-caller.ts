/**
 * The customer's side of a simulated Messenger call: Meta's media server and the caller's phone in
 * one werift peer. It answers the app's offer the way Meta does (ICE-lite, host candidates only,
 * DTLS passive, Opus only) and immediately hands out its own renegotiation offer, whose answer never
 * comes back. It talks (tone, silence or echo) and measures what it hears.
 *
 * Why the renegotiation needs no answer: the offer is created but never set as the local
 * description, so werift stays in `stable` with the transports the first exchange set up. The
 * offer reuses the same ICE credentials, fingerprint, mid and SSRC, so an app that applies it
 * changes nothing on the wire.
 */
import { randomInt } from 'node:crypto'
import { MediaStream, MediaStreamTrack, type RTCPeerConnection } from 'werift'
import { silentLogger, type Logger } from '../../core/log'
import { createCallerPeer } from './caller-peer'
import type {
  CallerAnswer,
  CallerState,
  CallerStats,
  SimulatedCallerOptions,
  WaitForAudioOptions
} from './caller-types'
import { HeardMedia } from './heard-media'
import { OutgoingAudio } from './outgoing-audio'
import {
  InvalidOfferError,
  answerSetupFor,
  type OfferFacts,
  countCandidates,
  readOffer,
  withOrigin,
  withSessionLevelIceLite,
  withSetup
} from './sdp'

const POLL_MS = 50

export class SimulatedCaller {
  private readonly log: Logger
  private readonly pc: RTCPeerConnection
  private readonly track = new MediaStreamTrack({ kind: 'audio' })
  private readonly outgoing: OutgoingAudio
  private readonly heard = new HeardMedia()
  private readonly listeners = new Set<(state: CallerState) => void>()
  private readonly sessionId = String(randomInt(1, 2 ** 47))
  private readonly connectTimeoutMs: number
  private readonly mediaTimeoutMs: number
  private readonly closedSignal: Promise<never>
  private signalClosed: (error: Error) => void = () => undefined
  private sdpVersion = 1
  private mediaUpdates = 0
  private current: CallerState = 'new'
  private answered = false
  private mayTalk: boolean
  private closing: Promise<void> | undefined
  private answeredAt = 0
  private connectTimer: NodeJS.Timeout | undefined
  private silenceTimer: NodeJS.Timeout | undefined

  constructor(options: SimulatedCallerOptions = {}) {
    this.log = (options.logger ?? silentLogger).child('caller')
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000
    this.mediaTimeoutMs = options.mediaTimeoutMs ?? 3_000
    this.outgoing = new OutgoingAudio(this.track, options.audio ?? { mode: 'tone' })
    this.mayTalk = options.talk !== 'when-told'
    this.closedSignal = new Promise<never>((_, reject) => (this.signalClosed = reject))
    this.closedSignal.catch(() => undefined)
    this.pc = createCallerPeer(options.hostAddress ?? '127.0.0.1')
    this.pc.connectionStateChange.subscribe((state) => this.onPeerState(state))
  }

  get state(): CallerState {
    return this.current
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  onStateChange(listener: (state: CallerState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Answers the app's offer, which may carry no candidates at all: as an ICE-lite agent the
   * caller learns the app's address from the app's own connectivity checks.
   * @throws InvalidOfferError when the offer is not one Meta could serve.
   */
  async answerOffer(offer: string): Promise<CallerAnswer> {
    if (this.closing) throw new Error('The simulated caller is closed')
    if (this.answered) throw new Error('The simulated caller has already answered an offer')
    const facts = readOffer(offer)
    this.answered = true
    this.setState('connecting')
    this.answeredAt = Date.now()
    this.connectTimer = setTimeout(() => this.onConnectTimeout(), this.connectTimeoutMs)

    try {
      return await this.negotiate(offer, facts)
    } catch (error) {
      clearTimeout(this.connectTimer)
      if (!this.closing) this.setState('failed')
      throw error
    }
  }

  private async negotiate(offer: string, facts: OfferFacts): Promise<CallerAnswer> {
    // werift makes a fresh receiving track for each SSRC the offer announces (the receiver's
    // track before that is a placeholder that never sees a packet), so listen from the event.
    const listening = new WeakSet<MediaStreamTrack>()
    const keypad = new Set(facts.telephoneEvents)
    this.pc.onTrack.subscribe((track) => {
      if (listening.has(track)) return
      listening.add(track)
      track.onReceiveRtp.subscribe((packet) => {
        const type = packet.header.payloadType
        if (type === facts.opusPayloadType) this.onAudio(packet.payload)
        else if (keypad.has(type)) this.onKeypad(packet.payload, packet.header.timestamp)
      })
    })
    await this.unlessClosed(
      this.pc.setRemoteDescription({ type: 'offer', sdp: offer }).catch((error: unknown) => {
        throw new InvalidOfferError(`The offer could not be applied: ${String(error)}`)
      })
    )
    const transceiver = this.pc.getTransceivers()[0]
    if (!transceiver) throw new InvalidOfferError('The offer has no audio to answer')
    // addTrack takes over the transceiver the offer created and makes it sendrecv; the stream
    // gives the answer an a=msid, so the app's track event carries a stream to play.
    this.pc.addTrack(this.track, new MediaStream([this.track]))

    const draft = await this.unlessClosed(this.pc.createAnswer())
    // werift always answers `active`; Meta answers `passive`, so the app is the DTLS client.
    // Setting the edited answer is what makes werift take the server role.
    const setup = answerSetupFor(facts.setup)
    await this.unlessClosed(
      this.pc.setLocalDescription({ type: 'answer', sdp: withSetup(draft.sdp, setup) })
    )
    const local = this.pc.localDescription?.sdp
    if (!local) throw new Error('werift produced no local description')
    const answer = this.describe(local)
    const renegotiation = this.describe((await this.unlessClosed(this.pc.createOffer())).sdp)
    this.log.info('answered offer', {
      offerCandidates: facts.candidates,
      answerCandidates: countCandidates(answer),
      payloadType: facts.opusPayloadType,
      setup
    })
    return { answer, renegotiation }
  }

  /** A new offer for a `media_update` webhook; `version` grows with each one, from 1. */
  async createMediaUpdate(): Promise<{ version: number; sdp: string }> {
    if (!this.answered || this.closing) throw new Error('No call to update')
    const offer = await this.unlessClosed(this.pc.createOffer())
    this.mediaUpdates++
    return { version: this.mediaUpdates, sdp: this.describe(offer.sdp) }
  }

  stats(): CallerStats {
    const { packetsReceived, firstPacketAt, lastPacketAt, decodeErrors, digits, ...analysis } =
      this.heard.stats()
    return {
      ...analysis,
      state: this.current,
      connected: this.current === 'connected',
      packetsReceived,
      packetsSent: this.outgoing.packetsSent,
      firstPacketAt,
      lastPacketAt,
      decodeErrors,
      appAddress: this.appAddress(),
      digits
    }
  }

  /** The customer picked up: talking starts now, or as soon as the media is up. */
  startTalking(): void {
    this.mayTalk = true
    if (this.current === 'connected') this.outgoing.start()
  }

  /** Resolves once the keypad digits received so far end with `expected` (e.g. "12#"). */
  async waitForDigits(expected: string, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const digits = this.heard.digits
      if (digits.endsWith(expected)) return digits
      if (this.closing) throw new Error('The simulated caller closed while waiting for digits')
      if (Date.now() >= deadline) {
        throw new Error(
          `Expected keypad digits "${expected}" within ${timeoutMs} ms, got "${digits}"`
        )
      }
      await delay(POLL_MS)
    }
  }

  /** Resolves once enough audio (and, if asked, the right tone) has arrived from the app. */
  async waitForAudio(options: WaitForAudioOptions = {}): Promise<CallerStats> {
    const { minPackets = 25, timeoutMs = 5_000, frequency, toleranceHz = 20 } = options
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const stats = this.stats()
      const heardTone =
        frequency === undefined ||
        (stats.frequency !== null && Math.abs(stats.frequency - frequency) <= toleranceHz)
      if (stats.packetsReceived >= minPackets && heardTone) return stats
      if (this.closing) throw new Error('The simulated caller closed while waiting for audio')
      if (Date.now() >= deadline) {
        const wanted = frequency === undefined ? '' : ` at ${frequency} Hz`
        throw new Error(
          `Not the audio expected from the app (${minPackets} packets${wanted}) within ` +
            `${timeoutMs} ms: ${stats.packetsReceived} packets, level ${stats.level.toFixed(1)} ` +
            `dBFS, frequency ${stats.frequency === null ? 'none' : `${stats.frequency.toFixed(0)} Hz`}`
        )
      }
      await delay(POLL_MS)
    }
  }

  /** Resolves when the caller reaches one of `states` (at once if it is there already). */
  waitForState(states: CallerState | CallerState[], timeoutMs = 5_000): Promise<CallerState> {
    const wanted = Array.isArray(states) ? states : [states]
    if (wanted.includes(this.current)) return Promise.resolve(this.current)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe()
        reject(new Error(`Caller still ${this.current} after ${timeoutMs} ms, not ${wanted}`))
      }, timeoutMs)
      const unsubscribe = this.onStateChange((state) => {
        if (!wanted.includes(state)) return
        clearTimeout(timer)
        unsubscribe()
        resolve(state)
      })
    })
  }

  /** Hangs up: stops the media and frees the ports. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.signalClosed(new Error('The simulated caller was closed'))
      clearTimeout(this.connectTimer)
      clearInterval(this.silenceTimer)
      this.outgoing.stop()
      await this.pc.close()
      this.heard.close()
      this.setState('closed')
      this.log.info('closed', {
        packetsReceived: this.heard.packets,
        packetsSent: this.outgoing.packetsSent
      })
    })()
    return this.closing
  }

  private appAddress(): string | undefined {
    const pair = this.pc.iceTransports[0]?.getSelectedCandidatePair()
    // candidate:<foundation> <component> <transport> <priority> <address> <port> typ ...
    const [, , , , address, port] = pair?.remote.candidate.split(' ') ?? []
    return address && port ? `${address}:${port}` : undefined
  }

  private describe(sdp: string): string {
    return withOrigin(withSessionLevelIceLite(sdp), this.sessionId, this.sdpVersion++)
  }

  private onAudio(payload: Buffer): void {
    if (this.closing) return
    const pcm = this.heard.audio(payload, Date.now())
    if (this.current === 'disconnected') this.setState('connected')
    if (pcm) this.outgoing.heard(pcm)
  }

  private onKeypad(payload: Buffer, timestamp: number): void {
    if (this.closing) return
    const digit = this.heard.keypad(payload, timestamp)
    if (digit !== undefined) this.log.info('keypad digit received', { digit })
  }

  private onPeerState(state: RTCPeerConnection['connectionState']): void {
    if (this.closing) return
    if (state === 'connected') {
      clearTimeout(this.connectTimer)
      this.log.info('media connected', { afterMs: Date.now() - this.answeredAt })
      if (this.mayTalk) this.outgoing.start()
      this.silenceTimer ??= setInterval(() => this.checkSilence(), this.mediaTimeoutMs / 4)
    }
    if (state === 'closed') {
      void this.close()
      return
    }
    // A late werift `connecting` after our own connect timeout must not undo the failure.
    if (this.current === 'failed' && state === 'connecting') return
    this.setState(state)
  }

  private onConnectTimeout(): void {
    if (this.current === 'connected' || this.closing) return
    this.log.warn('app never connected', { timeoutMs: this.connectTimeoutMs })
    this.setState('failed')
  }

  private checkSilence(): void {
    const lastPacketAt = this.heard.lastPacket
    if (this.current !== 'connected' || lastPacketAt === undefined) return
    if (Date.now() - lastPacketAt > this.mediaTimeoutMs) {
      this.log.info('app went silent', { silentMs: Date.now() - lastPacketAt })
      this.setState('disconnected')
    }
  }

  private setState(state: CallerState): void {
    if (state === this.current || this.current === 'closed') return
    this.current = state
    this.log.debug('state', { state })
    for (const listener of [...this.listeners]) listener(state)
  }

  /** werift never settles a description call made after close(); this makes it reject instead. */
  private unlessClosed<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.closedSignal])
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
