import { afterEach, describe, expect, it } from 'vitest'
import { ToneGenerator } from '../../../../src/main/simulator/caller/audio'
import { HeardMedia } from '../../../../src/main/simulator/caller/heard-media'
import { FRAME_SAMPLES, OpusEncoder } from '../../../../src/main/simulator/caller/opus'

const toClose: { close(): void }[] = []
afterEach(() => toClose.splice(0).forEach((codec) => codec.close()))

function heardMedia(): HeardMedia {
  const heard = new HeardMedia()
  toClose.push(heard)
  return heard
}

/** One RFC 4733 packet with the end bit set: event, volume 10, duration 160. */
const keyUp = (event: number): Buffer => Buffer.from([event, 0x80 | 10, 0, 160])

describe('HeardMedia', () => {
  it('counts, decodes and measures the audio it hears', () => {
    const encoder = new OpusEncoder()
    toClose.push(encoder)
    const heard = heardMedia()
    const tone = new ToneGenerator(440, 0.3)
    // The meter keeps the last second by arrival time, so the packets arrive just now.
    const start = Date.now() - 1000
    let last: Int16Array | undefined
    for (let i = 0; i < 50; i++)
      last = heard.audio(encoder.encode(tone.next(FRAME_SAMPLES)), start + i * 20)
    expect(last).toHaveLength(FRAME_SAMPLES)
    const stats = heard.stats()
    expect(stats).toMatchObject({
      packetsReceived: 50,
      firstPacketAt: start,
      lastPacketAt: start + 980,
      decodeErrors: 0,
      digits: ''
    })
    expect(heard.packets).toBe(50)
    expect(heard.lastPacket).toBe(start + 980)
    expect(stats.frequency).toBeGreaterThan(420)
    expect(stats.frequency).toBeLessThan(460)
  })

  it('counts a packet that does not decode as heard, but not as audio', () => {
    const heard = heardMedia()
    expect(heard.audio(Buffer.alloc(0), 5)).toBeUndefined()
    expect(heard.stats()).toMatchObject({ packetsReceived: 1, lastPacketAt: 5, decodeErrors: 1 })
  })

  it('collects keypad digits and returns each as it completes', () => {
    const heard = heardMedia()
    expect(heard.keypad(keyUp(1), 1000)).toBe('1')
    expect(heard.keypad(keyUp(1), 1000)).toBeUndefined()
    expect(heard.keypad(keyUp(11), 2000)).toBe('#')
    expect(heard.digits).toBe('1#')
  })
})
