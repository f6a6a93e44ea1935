/**
 * How CallMedia fails in words: audio that never connects after Meta's answer ends the call with
 * "Couldn't connect the audio" (not "lost", and no "Reconnecting" for a connection that never was)
 * within 20 s of the answer; an answer Chromium cannot apply is one plain sentence, never
 * Chromium's exception text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AcceptResult } from '../../../src/shared/api'
import { CallMedia, type MediaState } from '../../../src/renderer/src/media/call-media'
import { englishMedia, type MediaWords } from '../../../src/renderer/src/media/media-words'
import { installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

const ACCEPTED: AcceptResult = { answer: 'v=0 meta-answer', renegotiation: 'v=0 meta-reneg' }
const NO_AUDIO =
  "Couldn't connect the audio: check the internet connection, or whether a firewall or VPN blocks calls."

let fake: FakeMedia
beforeEach(() => {
  fake = installFakeMedia()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  fake.uninstall()
})

function makeMedia(onLost: (words: MediaWords) => void): {
  media: CallMedia
  states: MediaState[]
} {
  const states: MediaState[] = []
  const media = new CallMedia({
    iceServers: async () => [],
    openMicEarly: false,
    onState: (state) => states.push(state),
    onLost
  })
  return { media, states }
}

describe('CallMedia: audio that never connects', () => {
  it('gives up within 20 s of the answer, saying it could not connect the audio', async () => {
    const onLost = vi.fn()
    const { media, states } = makeMedia(onLost)
    await media.answer(async () => ACCEPTED)
    const pc = fake.lastPeer()
    pc.setConnectionState('connecting')
    await vi.advanceTimersByTimeAsync(8_000)
    // ICE gives up on a path that never worked: nothing to reconnect.
    pc.setConnectionState('failed')
    expect(media.state).toBe('connecting')

    await vi.advanceTimersByTimeAsync(12_000)

    expect(onLost.mock.calls.map(([words]) => englishMedia(words as MediaWords))).toEqual([
      NO_AUDIO
    ])
    expect(states).not.toContain('reconnecting')
  })

  it('keeps a call whose audio connects in time', async () => {
    const onLost = vi.fn()
    const { media } = makeMedia(onLost)
    await media.answer(async () => ACCEPTED)
    await vi.advanceTimersByTimeAsync(3_000)
    fake.lastPeer().setConnectionState('connected')

    await vi.advanceTimersByTimeAsync(60_000)

    expect(onLost).not.toHaveBeenCalled()
    expect(media.state).toBe('connected')
  })

  it('says nothing for a call closed before its audio connected', async () => {
    const onLost = vi.fn()
    const { media } = makeMedia(onLost)
    await media.answer(async () => ACCEPTED)
    media.close()

    await vi.advanceTimersByTimeAsync(60_000)

    expect(onLost).not.toHaveBeenCalled()
  })
})

describe('CallMedia: an answer Chromium cannot apply', () => {
  it('fails with one plain sentence, not the exception text', async () => {
    const { media } = makeMedia(vi.fn())
    await media.prepare()
    fake
      .lastPeer()
      .failNext(
        'setRemoteDescription',
        new DOMException(
          "Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Failed to parse SessionDescription.",
          'OperationError'
        )
      )

    await expect(media.answer(async () => ACCEPTED)).rejects.toThrow(
      /^Facebook's answer to this call could not be used, so the call was ended\.$/
    )
  })
})
