/**
 * "The app" for the caller's tests: a second werift peer doing exactly what the renderer does with
 * Chromium (offer Opus sendrecv, apply Meta's answer, apply the renegotiation offer and answer it
 * locally, send nothing back), talking a tone of its own and measuring what it hears.
 */
import {
  MediaStream,
  MediaStreamTrack,
  RTCPeerConnection,
  useOPUS,
  usePCMU,
  type RTCSessionDescription
} from 'werift'
import { AudioMeter, type AudioAnalysis } from '../../../../src/main/simulator/caller/audio'
import { OpusDecoder } from '../../../../src/main/simulator/caller/opus'
import {
  OutgoingAudio,
  type CallerAudio
} from '../../../../src/main/simulator/caller/outgoingAudio'

export const APP_OPUS_PAYLOAD_TYPE = 111

export interface AppHearing extends AudioAnalysis {
  packetsReceived: number
}

export interface AppPeerOptions {
  /** How much recent audio `hearing()` covers. */
  meterWindowMs?: number
  /**
   * Gather only this address, with the socket bound to it, as Chromium binds each socket to one
   * interface address and never gathers loopback. By default the app gathers the machine's
   * addresses plus loopback, so the tests also run where loopback is the only interface.
   */
  address?: string
}

export class AppPeer {
  readonly pc: RTCPeerConnection
  private readonly track = new MediaStreamTrack({ kind: 'audio' })
  private readonly outgoing: OutgoingAudio
  private readonly decoder = new OpusDecoder()
  private readonly meter: AudioMeter
  private packetsReceived = 0
  private pendingLocalOffer: Promise<unknown> | undefined
  private closed = false

  constructor(audio: CallerAudio, options: AppPeerOptions = {}) {
    this.pc = new RTCPeerConnection({
      // Chromium's payload type for Opus, plus a codec the caller must leave out of its answer.
      codecs: { audio: [useOPUS({ payloadType: APP_OPUS_PAYLOAD_TYPE }), usePCMU()] },
      iceServers: [],
      iceUseIpv6: false,
      ...(options.address === undefined
        ? { iceAdditionalHostAddresses: ['127.0.0.1'] }
        : { iceInterfaceAddresses: { udp4: options.address } })
    })
    this.meter = new AudioMeter({ windowMs: options.meterWindowMs ?? 1000 })
    this.outgoing = new OutgoingAudio(this.track, audio)
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
        if (this.closed || packet.header.payloadType !== APP_OPUS_PAYLOAD_TYPE) return
        this.packetsReceived++
        this.meter.push(this.decoder.decode(packet.payload))
      })
    })
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') this.outgoing.start()
    })
  }

  /**
   * The offer as the app would send it: straight from createOffer, with no candidates (Meta's
   * sample), or after ICE gathering has completed.
   */
  async createOffer(gathered: boolean): Promise<string> {
    const offer = await this.pc.createOffer()
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

  /** Steps 5 of the flow: answer, then the renegotiation offer answered locally and kept here. */
  async applyCallerAnswer(answer: string, renegotiation?: string): Promise<RTCSessionDescription> {
    await this.pendingLocalOffer
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answer })
    if (renegotiation) await this.applyOffer(renegotiation)
    const local = this.pc.localDescription
    if (!local) throw new Error('no local description')
    return local
  }

  /** A renegotiation or media_update offer: applied and answered, the answer goes nowhere. */
  async applyOffer(offer: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer })
    await this.pc.setLocalDescription(await this.pc.createAnswer())
  }

  hearing(): AppHearing {
    return { ...this.meter.analyse(), packetsReceived: this.packetsReceived }
  }

  get packetsSent(): number {
    return this.outgoing.packetsSent
  }

  /** Polls until `check` holds for what the app hears. */
  async waitUntilHearing(
    check: (hearing: AppHearing) => boolean,
    timeoutMs = 5000
  ): Promise<AppHearing> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const hearing = this.hearing()
      if (check(hearing)) return hearing
      if (Date.now() >= deadline) {
        throw new Error(`The app did not hear what was expected: ${JSON.stringify(hearing)}`)
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
}

export const near = (frequency: number | null, target: number, toleranceHz = 15): boolean =>
  frequency !== null && Math.abs(frequency - target) <= toleranceHz
