import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AcceptResult } from '../../../src/shared/api'
import {
  CallMedia,
  type CallMediaOptions,
  type MediaState
} from '../../../src/renderer/src/media/call-media'
import { englishMedia, type MediaWords } from '../../../src/renderer/src/media/media-words'
import { MicrophoneError } from '../../../src/renderer/src/media/microphone'
import { deferred, installFakeMedia, timeline, type FakeMedia } from '../support/fake-webrtc'

const ANSWER = 'v=0 meta-answer'
const RENEGOTIATION = 'v=0 meta-renegotiation'

let fake: FakeMedia

beforeEach(() => {
  fake = installFakeMedia()
})

afterEach(() => {
  vi.useRealTimers()
  fake.uninstall()
})

function makeMedia(options: Partial<CallMediaOptions> = {}): {
  media: CallMedia
  states: MediaState[]
} {
  const states: MediaState[] = []
  const media = new CallMedia({
    iceServers: async () => [{ urls: 'stun:stun.example.org:3478' }],
    openMicEarly: false,
    onState: (state) => states.push(state),
    ...options
  })
  return { media, states }
}

/** An `accept` that answers like Meta and writes itself into the shared timeline. */
function acceptWith(result: AcceptResult) {
  return vi.fn(async (offer: string): Promise<AcceptResult> => {
    timeline.push(`accept(${offer})`)
    return result
  })
}

describe('CallMedia.prepare', () => {
  it('builds the connection and prefers Opus with telephone-event only', async () => {
    const { media, states } = makeMedia()
    await media.prepare()

    expect(fake.peers).toHaveLength(1)
    const pc = fake.lastPeer()
    expect(pc.config).toMatchObject({
      iceServers: [{ urls: 'stun:stun.example.org:3478' }],
      bundlePolicy: 'max-bundle'
    })
    expect(pc.transceivers).toHaveLength(1)
    expect(pc.transceivers[0]?.kind).toBe('audio')
    expect(pc.transceivers[0]?.init).toEqual({ direction: 'sendrecv' })
    const preferred = pc.transceivers[0]?.codecPreferences?.map((codec) => codec.mimeType)
    expect(preferred).toEqual(['audio/opus', 'audio/telephone-event', 'audio/telephone-event'])
    expect(states).toEqual(['preparing', 'ready'])
  })

  it('creates and sets the offer while ringing without opening the microphone', async () => {
    const { media } = makeMedia({ openMicEarly: false })
    await media.prepare()

    const pc = fake.lastPeer()
    expect(pc.log).toEqual(['addTransceiver', 'createOffer', 'setLocalDescription(offer)'])
    expect(pc.localDescription).toEqual({ type: 'offer', sdp: 'v=0 pc1-offer-1' })
    expect(pc.signalingState).toBe('have-local-offer')
    expect(pc.overlaps).toBe(0)
    expect(fake.devices.requests).toEqual([])
    expect(pc.transceivers[0]?.sender.track).toBeNull()
  })

  it('opens the microphone before the offer when openMicEarly is on', async () => {
    const { media } = makeMedia({ openMicEarly: true, inputDeviceId: 'usb-mic' })
    await media.prepare()

    expect(timeline).toEqual([
      'pc1.addTransceiver',
      'pc1.setCodecPreferences',
      'getUserMedia(usb-mic)',
      'pc1.replaceTrack(usb-mic)',
      'pc1.createOffer',
      'pc1.setLocalDescription(offer)'
    ])
    expect(fake.lastPeer().transceivers[0]?.sender.track).toBe(fake.devices.tracks[0])
  })

  it('keeps ringing when the early microphone fails, and asks again on answer', async () => {
    fake.devices.refuse(new DOMException('denied', 'NotAllowedError'))
    const { media } = makeMedia({ openMicEarly: true })
    await media.prepare()
    expect(media.state).toBe('ready')

    await media.answer(acceptWith({ answer: ANSWER }))
    expect(fake.devices.requests).toHaveLength(2)
    expect(fake.lastPeer().transceivers[0]?.sender.track).toBe(fake.devices.tracks[0])
  })

  it('builds once however often it is called', async () => {
    const { media } = makeMedia()
    await Promise.all([media.prepare(), media.prepare()])
    await media.prepare()
    expect(fake.peers).toHaveLength(1)
  })

  it('routes the caller to the chosen speaker and plays the remote track', async () => {
    const { media } = makeMedia({ outputDeviceId: 'headset' })
    await media.prepare()
    expect(fake.setSinkId).toHaveBeenCalledWith('headset')

    const stream = fake.lastPeer().emitTrack()
    expect(media.remoteAudio.srcObject).toBe(stream)
    expect(fake.played()).toContain(media.remoteAudio)
  })
})

describe('CallMedia.answer', () => {
  it('opens the microphone, accepts with the offer, then applies answer and renegotiation in order', async () => {
    const { media, states } = makeMedia()
    await media.prepare()
    timeline.length = 0
    const accept = acceptWith({ answer: ANSWER, renegotiation: RENEGOTIATION })

    await media.answer(accept)

    expect(accept).toHaveBeenCalledExactlyOnceWith('v=0 pc1-offer-1')
    expect(timeline).toEqual([
      'getUserMedia(default)',
      'pc1.replaceTrack(default)',
      'accept(v=0 pc1-offer-1)',
      'pc1.setRemoteDescription(answer)',
      'pc1.setRemoteDescription(offer)',
      'pc1.createAnswer',
      'pc1.setLocalDescription(answer)'
    ])
    const pc = fake.lastPeer()
    expect(pc.overlaps).toBe(0)
    expect(pc.remoteDescription).toEqual({ type: 'offer', sdp: RENEGOTIATION })
    expect(pc.localDescription).toEqual({ type: 'answer', sdp: 'v=0 pc1-answer-1' })
    expect(pc.signalingState).toBe('stable')
    expect(states).toEqual(['preparing', 'ready', 'answering', 'connecting'])
  })

  it('only applies the answer when no renegotiation came back', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))

    const pc = fake.lastPeer()
    expect(pc.log).toEqual([
      'addTransceiver',
      'createOffer',
      'setLocalDescription(offer)',
      'setRemoteDescription(answer)'
    ])
    expect(pc.remoteDescription).toEqual({ type: 'answer', sdp: ANSWER })
    expect(pc.signalingState).toBe('stable')
  })

  it('throws a MicrophoneError and never accepts when the microphone is refused', async () => {
    fake.devices.refuse(new DOMException('Permission denied', 'NotAllowedError'))
    const { media } = makeMedia()
    await media.prepare()
    const accept = acceptWith({ answer: ANSWER })

    const failure = await media.answer(accept).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(MicrophoneError)
    expect((failure as MicrophoneError).kind).toBe('blocked')
    expect(accept).not.toHaveBeenCalled()
    expect(fake.lastPeer().log).not.toContain('setRemoteDescription(answer)')
  })

  it('falls back to the default microphone when the remembered one is unplugged', async () => {
    fake.devices.refuse(new DOMException('gone', 'OverconstrainedError'))
    const { media } = makeMedia({ inputDeviceId: 'unplugged' })
    await media.answer(acceptWith({ answer: ANSWER }))

    expect(fake.devices.requests.map((request) => request.deviceId)).toEqual([
      'unplugged',
      'default'
    ])
  })

  it('applies a media_update offer only after an in-flight answer has finished', async () => {
    const { media } = makeMedia()
    await media.prepare()
    const acceptGate = deferred<AcceptResult>()
    const answering = media.answer(async (offer) => {
      timeline.push(`accept(${offer})`)
      return acceptGate.promise
    })
    await vi.waitFor(() => expect(timeline).toContain('accept(v=0 pc1-offer-1)'), { interval: 1 })

    // Meta's media_update arrives while the accept request is still out.
    const updating = media.applyOffer('v=0 media-update-1')
    await Promise.resolve()
    acceptGate.resolve({ answer: ANSWER, renegotiation: RENEGOTIATION })
    await Promise.all([answering, updating])

    const pc = fake.lastPeer()
    expect(pc.log.slice(3)).toEqual([
      'setRemoteDescription(answer)',
      'setRemoteDescription(offer)',
      'createAnswer',
      'setLocalDescription(answer)',
      'setRemoteDescription(offer)',
      'createAnswer',
      'setLocalDescription(answer)'
    ])
    expect(pc.overlaps).toBe(0)
    expect(pc.remoteDescription?.sdp).toBe('v=0 media-update-1')
  })

  it('applies a later offer after the renegotiation is done', async () => {
    const { media } = makeMedia()
    const answering = media.answer(acceptWith({ answer: ANSWER, renegotiation: RENEGOTIATION }))
    // Queued while the answer's own steps are still running.
    await vi.waitFor(() => expect(fake.lastPeer().log).toContain('setRemoteDescription(answer)'), {
      interval: 1
    })
    const updating = media.applyOffer('v=0 media-update-2')
    await Promise.all([answering, updating])

    const pc = fake.lastPeer()
    expect(pc.overlaps).toBe(0)
    expect(pc.log.filter((step) => step === 'createAnswer')).toHaveLength(2)
    expect(pc.remoteDescription?.sdp).toBe('v=0 media-update-2')
  })

  it('refuses to answer once closed', async () => {
    const { media } = makeMedia()
    await media.prepare()
    media.close()
    const accept = acceptWith({ answer: ANSWER })
    await expect(media.answer(accept)).rejects.toThrow('The call has no media connection.')
    expect(accept).not.toHaveBeenCalled()
  })
})

describe('CallMedia connection state', () => {
  it('reports reconnecting while ICE is down and clears it when it comes back', async () => {
    vi.useFakeTimers()
    const onLost = vi.fn()
    const { media, states } = makeMedia({ iceFailureTimeoutMs: 10_000, onLost })
    await media.answer(acceptWith({ answer: ANSWER }))
    const pc = fake.lastPeer()

    pc.setConnectionState('connected')
    expect(media.state).toBe('connected')
    pc.setConnectionState('disconnected')
    expect(media.state).toBe('reconnecting')
    await vi.advanceTimersByTimeAsync(9_000)
    pc.setConnectionState('connected')
    expect(media.state).toBe('connected')
    await vi.advanceTimersByTimeAsync(20_000)

    expect(onLost).not.toHaveBeenCalled()
    expect(states.slice(-3)).toEqual(['connected', 'reconnecting', 'connected'])
  })

  it('gives the call up with a sentence when ICE stays down for the timeout', async () => {
    vi.useFakeTimers()
    const onLost = vi.fn()
    const { media } = makeMedia({ iceFailureTimeoutMs: 10_000, onLost })
    await media.answer(acceptWith({ answer: ANSWER }))
    const pc = fake.lastPeer()
    pc.setConnectionState('connected')

    pc.setConnectionState('disconnected')
    await vi.advanceTimersByTimeAsync(5_000)
    pc.setConnectionState('failed') // does not restart the clock
    await vi.advanceTimersByTimeAsync(4_999)
    expect(onLost).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)

    expect(onLost.mock.calls.map(([words]) => englishMedia(words as MediaWords))).toEqual([
      'The connection to the caller was lost and could not be restored. Check the internet connection.'
    ])
  })

  it('ignores connection changes after close', async () => {
    vi.useFakeTimers()
    const onLost = vi.fn()
    const { media } = makeMedia({ iceFailureTimeoutMs: 1_000, onLost })
    await media.answer(acceptWith({ answer: ANSWER }))
    const pc = fake.lastPeer()
    pc.setConnectionState('disconnected')
    media.close()
    await vi.advanceTimersByTimeAsync(5_000)

    expect(onLost).not.toHaveBeenCalled()
    expect(media.state).toBe('closed')
  })
})

describe('CallMedia controls', () => {
  it('mutes and unmutes the microphone track', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))
    const track = fake.devices.tracks[0]!

    media.setMuted(true)
    expect(track.enabled).toBe(false)
    expect(media.isMuted).toBe(true)
    media.setMuted(false)
    expect(track.enabled).toBe(true)
    expect(media.isMuted).toBe(false)
  })

  it('keeps a mute chosen before the microphone opened', async () => {
    const { media } = makeMedia()
    media.setMuted(true)
    await media.answer(acceptWith({ answer: ANSWER }))
    expect(fake.devices.tracks[0]?.enabled).toBe(false)
  })

  it('switches the microphone with replaceTrack and stops the old one', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))
    const [oldTrack] = fake.devices.tracks
    const sender = fake.lastPeer().transceivers[0]!.sender

    await media.setInputDevice('usb-mic')

    const newTrack = fake.devices.tracks[1]
    expect(fake.devices.requests.at(-1)?.deviceId).toBe('usb-mic')
    expect(sender.replaced).toEqual([oldTrack, newTrack])
    expect(sender.track).toBe(newTrack)
    expect(oldTrack?.stopped).toBe(true)
    expect(newTrack?.stopped).toBe(false)
    // No renegotiation for a device switch.
    expect(fake.lastPeer().log.filter((step) => step.startsWith('createOffer'))).toHaveLength(1)
  })

  it('only remembers the microphone when none is open yet', async () => {
    const { media } = makeMedia()
    await media.prepare()
    await media.setInputDevice('usb-mic')
    expect(fake.devices.requests).toEqual([])

    await media.answer(acceptWith({ answer: ANSWER }))
    expect(fake.devices.requests.map((request) => request.deviceId)).toEqual(['usb-mic'])
  })

  it('sends the caller to another speaker with setSinkId', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))

    await media.setOutputDevice('speakers-2')
    expect(fake.setSinkId).toHaveBeenLastCalledWith('speakers-2')
    expect(fake.setSinkId.mock.contexts.at(-1)).toBe(media.remoteAudio)
    await media.setOutputDevice(undefined)
    expect(fake.setSinkId).toHaveBeenLastCalledWith('')
  })

  it('reads quality from getStats and nothing once closed', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))
    const pc = fake.lastPeer()
    pc.stats = new Map([
      ['cp', { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.05 }]
    ])
    expect((await media.quality())?.rttMs).toBe(50)

    media.close()
    expect(await media.quality()).toBeUndefined()
  })

  it('close stops the microphone, closes the connection and silences the speaker', async () => {
    const { media, states } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))
    const pc = fake.lastPeer()
    const track = fake.devices.tracks[0]!

    media.close()
    media.close()

    expect(track.stopped).toBe(true)
    expect(pc.log.filter((step) => step === 'close')).toHaveLength(1)
    expect(pc.connectionState).toBe('closed')
    expect(media.remoteAudio.srcObject).toBeNull()
    expect(media.state).toBe('closed')
    expect(states.filter((state) => state === 'closed')).toHaveLength(1)
  })

  it('stops a microphone switched in while the call closed during replaceTrack', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))
    const sender = fake.lastPeer().transceivers[0]!.sender
    const gate = deferred()
    const replaceTrack = sender.replaceTrack.bind(sender)
    sender.replaceTrack = async (track) => {
      await gate.promise
      return replaceTrack(track)
    }

    const switching = media.setInputDevice('usb-mic')
    await vi.waitFor(() => expect(fake.devices.tracks).toHaveLength(2), { interval: 1 })
    media.close()
    gate.resolve()
    await switching

    expect(fake.devices.tracks.map((track) => track.stopped)).toEqual([true, true])
  })

  it('stops the new microphone when replaceTrack fails', async () => {
    const { media } = makeMedia()
    await media.answer(acceptWith({ answer: ANSWER }))
    const sender = fake.lastPeer().transceivers[0]!.sender
    sender.replaceTrack = () => Promise.reject(new DOMException('closed', 'InvalidStateError'))

    await expect(media.setInputDevice('usb-mic')).rejects.toThrow('closed')

    expect(fake.devices.tracks[1]?.stopped).toBe(true)
    expect(fake.devices.tracks[0]?.stopped).toBe(false)
  })

  it('still answers when the chosen speaker refuses, on the default one', async () => {
    fake.setSinkId.mockRejectedValueOnce(new DOMException('gone', 'NotFoundError'))
    const { media } = makeMedia({ outputDeviceId: 'speakers-2' })
    const accept = acceptWith({ answer: ANSWER })

    await media.answer(accept)

    expect(accept).toHaveBeenCalledOnce()
    expect(fake.lastPeer().remoteDescription).toEqual({ type: 'answer', sdp: ANSWER })
  })

  it('stops a microphone that finished opening after the call was closed', async () => {
    const gate = deferred()
    fake.devices.holdUntil(gate.promise)
    const { media } = makeMedia()
    await media.prepare()
    const accept = acceptWith({ answer: ANSWER })
    const answering = media.answer(accept).catch(() => undefined)
    await vi.waitFor(() => expect(fake.devices.requests).toHaveLength(1), { interval: 1 })

    media.close()
    gate.resolve()
    await answering

    expect(accept).not.toHaveBeenCalled()
    expect(fake.devices.tracks[0]?.stopped).toBe(true)
    expect(fake.lastPeer().transceivers[0]?.sender.track).toBeNull()
  })
})
