/**
 * The outbound path of CallMedia (calling a customer back) and the keypad: the same exchange as
 * answering, with placeCall taking the offer, and digits sent through RTCDTMFSender.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlaceCallResult } from '../../../src/shared/callback'
import { CallMedia, type MediaState } from '../../../src/renderer/src/media/call-media'
import { MicrophoneError } from '../../../src/renderer/src/media/microphone'
import { deferred, installFakeMedia, timeline, type FakeMedia } from '../support/fake-webrtc'

const PLACED: PlaceCallResult = {
  callId: 'out-1',
  answer: 'v=0 meta-answer',
  renegotiation: 'v=0 meta-renegotiation'
}

let fake: FakeMedia
beforeEach(() => {
  fake = installFakeMedia()
})
afterEach(() => fake.uninstall())

function makeMedia(): { media: CallMedia; states: MediaState[] } {
  const states: MediaState[] = []
  const media = new CallMedia({
    iceServers: async () => [],
    openMicEarly: false,
    onState: (state) => states.push(state)
  })
  return { media, states }
}

const placeWith = (result: PlaceCallResult | Promise<PlaceCallResult>) =>
  vi.fn(async (offer: string): Promise<PlaceCallResult> => {
    timeline.push(`placeCall(${offer})`)
    return result
  })

describe('CallMedia.dial', () => {
  it('offers, places the call with the offer, then applies answer and renegotiation in order', async () => {
    const { media, states } = makeMedia()
    const place = placeWith(PLACED)

    await expect(media.dial(place)).resolves.toEqual(PLACED)

    expect(timeline).toEqual([
      'pc1.addTransceiver',
      'pc1.setCodecPreferences',
      'pc1.createOffer',
      'pc1.setLocalDescription(offer)',
      'getUserMedia(default)',
      'pc1.replaceTrack(default)',
      'placeCall(v=0 pc1-offer-1)',
      'pc1.setRemoteDescription(answer)',
      'pc1.setRemoteDescription(offer)',
      'pc1.createAnswer',
      'pc1.setLocalDescription(answer)'
    ])
    // The keypad's telephone-event stays in the offer beside Opus.
    const preferred = fake.lastPeer().transceivers[0]?.codecPreferences?.map((c) => c.mimeType)
    expect(preferred).toEqual(['audio/opus', 'audio/telephone-event', 'audio/telephone-event'])
    expect(fake.lastPeer().overlaps).toBe(0)
    expect(fake.lastPeer().signalingState).toBe('stable')
    expect(states).toEqual(['preparing', 'ready', 'answering', 'connecting'])
  })

  it('holds a media_update offer until the placed call has its answer', async () => {
    const { media } = makeMedia()
    const gate = deferred<PlaceCallResult>()
    const dialing = media.dial(placeWith(gate.promise))
    await vi.waitFor(() => expect(timeline).toContain('placeCall(v=0 pc1-offer-1)'), {
      interval: 1
    })
    const update = media.applyOffer('v=0 meta-update')
    gate.resolve({ callId: 'out-1', answer: 'v=0 meta-answer' })
    await Promise.all([dialing, update])
    expect(fake.lastPeer().log.slice(-4)).toEqual([
      'setRemoteDescription(answer)',
      'setRemoteDescription(offer)',
      'createAnswer',
      'setLocalDescription(answer)'
    ])
    expect(fake.lastPeer().overlaps).toBe(0)
  })

  it('places nothing when the microphone is refused', async () => {
    fake.devices.refuse(new DOMException('denied', 'NotAllowedError'))
    const { media } = makeMedia()
    const place = placeWith(PLACED)
    await expect(media.dial(place)).rejects.toBeInstanceOf(MicrophoneError)
    expect(place).not.toHaveBeenCalled()
  })
})

describe('CallMedia.sendDigits', () => {
  it('sends digits as RFC 4733 tones, appended to those still playing', async () => {
    const { media } = makeMedia()
    await media.dial(placeWith(PLACED))
    const dtmf = fake.lastPeer().transceivers[0]!.sender.dtmf

    media.sendDigits('1')
    media.sendDigits('2')
    dtmf.playOut()
    media.sendDigits('#')

    expect(dtmf.inserted).toEqual([
      { tones: '1', duration: 100, gap: 70 },
      { tones: '12', duration: 100, gap: 70 },
      { tones: '#', duration: 100, gap: 70 }
    ])
  })

  it('says in words when the call cannot carry digits', async () => {
    const { media } = makeMedia()
    await media.prepare()
    fake.lastPeer().transceivers[0]!.sender.dtmf.canInsertDTMF = false
    expect(() => media.sendDigits('5')).toThrow(
      'The keypad cannot send digits on this call yet; wait until it is connected.'
    )
  })
})
