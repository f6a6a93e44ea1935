/**
 * Fakes for the browser media APIs happy-dom lacks: RTCPeerConnection, RTCRtpReceiver.getCapabilities,
 * navigator.mediaDevices and the microphone's permission. Everything they are asked to do goes into one shared `timeline`, so a
 * test can check the order of steps across the microphone, the peer connection and the service.
 *
 * The fake peer connection is strict where Chromium's is lenient: every async step takes a few
 * microtasks, a step started while another is still running counts as an overlap (the caller did
 * not await), and a step in the wrong signaling state fails with InvalidStateError.
 */
import { vi, type MockInstance } from 'vitest'
import { installFakePermissions, type FakePermissions } from './fake-permissions'
export { deferred } from './deferred'

/** Every step any fake was asked to do, in order, e.g. "pc1.createOffer", "getUserMedia(default)". */
export const timeline: string[] = []

let nextId = 1

export class FakeTrack {
  readonly kind = 'audio'
  readonly id: string
  enabled = true
  stopped = false
  constructor(readonly deviceId: string) {
    this.id = `track-${nextId++}-${deviceId}`
  }
  stop(): void {
    this.stopped = true
  }
  asTrack(): MediaStreamTrack {
    return this as unknown as MediaStreamTrack
  }
}

/** RTCDTMFSender: `insertDTMF` replaces the tone buffer, as in Chromium; `playOut` empties it. */
export class FakeDtmfSender {
  canInsertDTMF = true
  toneBuffer = ''
  readonly inserted: { tones: string; duration: number; gap: number }[] = []
  constructor(private readonly owner: string) {}
  insertDTMF(tones: string, duration = 100, gap = 70): void {
    if (!this.canInsertDTMF) throw new DOMException('cannot insert DTMF', 'InvalidStateError')
    timeline.push(`${this.owner}.insertDTMF(${tones})`)
    this.inserted.push({ tones, duration, gap })
    this.toneBuffer = tones
  }
  /** The queued tones have been sent. */
  playOut(): void {
    this.toneBuffer = ''
  }
}

export class FakeSender {
  track: FakeTrack | null = null
  readonly replaced: (FakeTrack | null)[] = []
  readonly dtmf: FakeDtmfSender
  constructor(private readonly owner: string) {
    this.dtmf = new FakeDtmfSender(owner)
  }
  async replaceTrack(track: MediaStreamTrack | null): Promise<void> {
    const fake = track as unknown as FakeTrack | null
    timeline.push(`${this.owner}.replaceTrack(${fake?.deviceId ?? 'null'})`)
    await Promise.resolve()
    this.replaced.push(fake)
    this.track = fake
  }
}

export class FakeTransceiver {
  readonly sender: FakeSender
  codecPreferences: RTCRtpCodec[] | undefined
  constructor(
    private readonly owner: string,
    readonly kind: string,
    readonly init: RTCRtpTransceiverInit | undefined
  ) {
    this.sender = new FakeSender(owner)
  }
  setCodecPreferences(codecs: RTCRtpCodec[]): void {
    timeline.push(`${this.owner}.setCodecPreferences`)
    this.codecPreferences = codecs
  }
}

type AsyncStep = 'createOffer' | 'createAnswer' | 'setLocalDescription' | 'setRemoteDescription'

/** How many microtask turns each async step of the fake takes. */
const LATENCY_TURNS = 4

export class FakeRTCPeerConnection {
  static instances: FakeRTCPeerConnection[] = []

  readonly name: string
  /** This connection's own steps, e.g. "setRemoteDescription(answer)". */
  readonly log: string[] = []
  readonly transceivers: FakeTransceiver[] = []
  /** Steps that started while another async step was still running. */
  overlaps = 0
  connectionState: RTCPeerConnectionState = 'new'
  signalingState: RTCSignalingState = 'stable'
  localDescription: RTCSessionDescriptionInit | null = null
  remoteDescription: RTCSessionDescriptionInit | null = null
  ontrack: ((event: RTCTrackEvent) => void) | null = null
  onconnectionstatechange: ((event: Event) => void) | null = null
  /** What getStats() resolves with; a test replaces it. */
  stats = new Map<string, Record<string, unknown>>()
  private inFlight = 0
  private offers = 0
  private answers = 0
  private readonly failures = new Map<AsyncStep, Error>()

  constructor(readonly config: RTCConfiguration | undefined) {
    this.name = `pc${FakeRTCPeerConnection.instances.length + 1}`
    FakeRTCPeerConnection.instances.push(this)
  }

  addTransceiver(kind: string, init?: RTCRtpTransceiverInit): FakeTransceiver {
    this.record('addTransceiver')
    const transceiver = new FakeTransceiver(this.name, kind, init)
    this.transceivers.push(transceiver)
    return transceiver
  }

  /** The next call of `step` rejects with `error`. */
  failNext(step: AsyncStep, error: Error): void {
    this.failures.set(step, error)
  }

  createOffer(): Promise<RTCSessionDescriptionInit> {
    return this.step('createOffer', 'createOffer', () => {
      this.offers += 1
      return { type: 'offer', sdp: `v=0 ${this.name}-offer-${this.offers}` }
    })
  }

  createAnswer(): Promise<RTCSessionDescriptionInit> {
    return this.step('createAnswer', 'createAnswer', () => {
      if (this.signalingState !== 'have-remote-offer') throw invalidState('createAnswer', this)
      this.answers += 1
      return { type: 'answer', sdp: `v=0 ${this.name}-answer-${this.answers}` }
    })
  }

  setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    return this.step('setLocalDescription', `setLocalDescription(${description.type})`, () => {
      if (description.type === 'offer' && this.signalingState !== 'stable')
        throw invalidState('setLocalDescription(offer)', this)
      if (description.type === 'answer' && this.signalingState !== 'have-remote-offer')
        throw invalidState('setLocalDescription(answer)', this)
      this.localDescription = { type: description.type, sdp: description.sdp ?? '' }
      this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable'
    })
  }

  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    return this.step('setRemoteDescription', `setRemoteDescription(${description.type})`, () => {
      if (description.type === 'answer' && this.signalingState !== 'have-local-offer')
        throw invalidState('setRemoteDescription(answer)', this)
      if (description.type === 'offer' && this.signalingState !== 'stable')
        throw invalidState('setRemoteDescription(offer)', this)
      this.remoteDescription = { type: description.type, sdp: description.sdp ?? '' }
      this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable'
    })
  }

  async getStats(): Promise<RTCStatsReport> {
    this.log.push('getStats')
    await Promise.resolve()
    return this.stats as unknown as RTCStatsReport
  }

  close(): void {
    this.record('close')
    this.connectionState = 'closed'
    this.signalingState = 'closed'
  }

  /** Drives `connectionState` the way ICE/DTLS would. */
  setConnectionState(state: RTCPeerConnectionState): void {
    this.connectionState = state
    this.onconnectionstatechange?.(new Event('connectionstatechange'))
  }

  /** The caller's audio arrives. */
  emitTrack(stream = new MediaStream()): MediaStream {
    const event = { streams: [stream], track: new FakeTrack('remote').asTrack() }
    this.ontrack?.(event as unknown as RTCTrackEvent)
    return stream
  }

  private record(entry: string): void {
    this.log.push(entry)
    timeline.push(`${this.name}.${entry}`)
  }

  private async step<T>(kind: AsyncStep, entry: string, finish: () => T): Promise<T> {
    if (this.signalingState === 'closed') throw invalidState(entry, this)
    if (this.inFlight > 0) this.overlaps += 1
    this.inFlight += 1
    this.record(entry)
    try {
      for (let turn = 0; turn < LATENCY_TURNS; turn++) await Promise.resolve()
      const failure = this.failures.get(kind)
      if (failure) {
        this.failures.delete(kind)
        throw failure
      }
      return finish()
    } finally {
      this.inFlight -= 1
    }
  }
}

function invalidState(step: string, pc: FakeRTCPeerConnection): DOMException {
  return new DOMException(`${step} in state ${pc.signalingState}`, 'InvalidStateError')
}

/** What Chromium offers for audio, Opus first among many. */
export const AUDIO_CAPABILITIES: RTCRtpCapabilities = {
  codecs: [
    { mimeType: 'audio/opus', clockRate: 48000, channels: 2, sdpFmtpLine: 'minptime=10' },
    { mimeType: 'audio/red', clockRate: 48000, channels: 2 },
    { mimeType: 'audio/G722', clockRate: 8000, channels: 1 },
    { mimeType: 'audio/PCMU', clockRate: 8000, channels: 1 },
    { mimeType: 'audio/PCMA', clockRate: 8000, channels: 1 },
    { mimeType: 'audio/CN', clockRate: 8000, channels: 1 },
    { mimeType: 'audio/telephone-event', clockRate: 48000, channels: 1 },
    { mimeType: 'audio/telephone-event', clockRate: 8000, channels: 1 }
  ],
  headerExtensions: []
}

export const FakeRTCRtpReceiver = {
  getCapabilities: (kind: string): RTCRtpCapabilities | null =>
    kind === 'audio' ? AUDIO_CAPABILITIES : null
}

export interface UserMediaRequest {
  constraints: MediaStreamConstraints
  /** The exact device asked for, or "default". */
  deviceId: string
}

/** navigator.mediaDevices: a device list the test edits, and a microphone it can refuse. */
export class FakeMediaDevices extends EventTarget {
  devices: MediaDeviceInfo[] = []
  readonly requests: UserMediaRequest[] = []
  readonly tracks: FakeTrack[] = []
  private readonly refusals: Error[] = []
  private gate: Promise<void> | undefined

  /** The next getUserMedia calls reject with these, in order. */
  refuse(...errors: Error[]): void {
    this.refusals.push(...errors)
  }

  /** getUserMedia waits for `gate` before it answers (a slow microphone start). */
  holdUntil(gate: Promise<void> | undefined): void {
    this.gate = gate
  }

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    const deviceId = exactDeviceId(constraints)
    this.requests.push({ constraints, deviceId })
    timeline.push(`getUserMedia(${deviceId})`)
    if (this.gate) await this.gate
    await Promise.resolve()
    const refusal = this.refusals.shift()
    if (refusal) throw refusal
    const track = new FakeTrack(deviceId)
    this.tracks.push(track)
    return { getAudioTracks: () => [track.asTrack()] } as unknown as MediaStream
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    await Promise.resolve()
    return [...this.devices]
  }

  /** Replaces the list and fires `devicechange`, as a hot-plug would. */
  plug(devices: MediaDeviceInfo[]): void {
    this.devices = devices
    this.dispatchEvent(new Event('devicechange'))
  }
}

function exactDeviceId(constraints: MediaStreamConstraints): string {
  const audio = constraints.audio
  if (typeof audio !== 'object') return 'default'
  const id = audio.deviceId
  if (typeof id === 'object' && id !== null && !Array.isArray(id) && typeof id.exact === 'string')
    return id.exact
  return 'default'
}

export function device(kind: MediaDeviceKind, deviceId: string, label = ''): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: 'g', toJSON: () => ({}) } as MediaDeviceInfo
}

export interface FakeMedia {
  devices: FakeMediaDevices
  peers: FakeRTCPeerConnection[]
  /** The most recent peer connection; fails the test if there is none. */
  lastPeer(): FakeRTCPeerConnection
  play: MockInstance<HTMLMediaElement['play']>
  pause: MockInstance<HTMLMediaElement['pause']>
  setSinkId: MockInstance<HTMLMediaElement['setSinkId']>
  /** The audio elements play() was called on, in order. */
  played(): HTMLMediaElement[]
  /** The microphone's permission, 'prompt' until a test says otherwise. */
  permissions: FakePermissions
  uninstall(): void
}

/** Installs the fakes on the global scope; `uninstall()` (e.g. in afterEach) puts things back. */
export function installFakeMedia(): FakeMedia {
  timeline.length = 0
  FakeRTCPeerConnection.instances = []
  const devices = new FakeMediaDevices()
  vi.stubGlobal('RTCPeerConnection', FakeRTCPeerConnection)
  vi.stubGlobal('RTCRtpReceiver', FakeRTCRtpReceiver)
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true })
  const play = vi.spyOn(HTMLMediaElement.prototype, 'play')
  const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause')
  const setSinkId = vi.spyOn(HTMLMediaElement.prototype, 'setSinkId')
  const permissions = installFakePermissions()
  return {
    devices,
    peers: FakeRTCPeerConnection.instances,
    lastPeer() {
      const peer = FakeRTCPeerConnection.instances.at(-1)
      if (!peer) throw new Error('No RTCPeerConnection was created')
      return peer
    },
    play,
    pause,
    setSinkId,
    played: () => play.mock.contexts as HTMLMediaElement[],
    permissions,
    uninstall() {
      permissions.uninstall()
      vi.unstubAllGlobals()
      play.mockRestore()
      pause.mockRestore()
      setSinkId.mockRestore()
      Reflect.deleteProperty(navigator, 'mediaDevices')
    }
  }
}
