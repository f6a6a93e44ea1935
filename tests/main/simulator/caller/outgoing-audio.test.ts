import { MediaStreamTrack, type RtpPacket } from 'werift'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AudioMeter, ToneGenerator } from '../../../../src/main/simulator/caller/audio'
import { OpusDecoder } from '../../../../src/main/simulator/caller/opus'
import {
  OutgoingAudio,
  type CallerAudio
} from '../../../../src/main/simulator/caller/outgoing-audio'

const running: { stop(): void }[] = []
// The pacer runs on timers and performance.now(); faked, a loaded machine (CI beside other work)
// cannot stall the event loop past the pacer's catch-up and make the counts below flaky.
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance']
  })
})
afterEach(() => {
  running.splice(0).forEach((audio) => audio.stop())
  vi.useRealTimers()
})

/** Captures what OutgoingAudio writes onto a real werift track, decoded as the far end would. */
function talk(audio: CallerAudio) {
  const track = new MediaStreamTrack({ kind: 'audio' })
  const packets: RtpPacket[] = []
  const meter = new AudioMeter({ windowMs: 200 })
  const decoder = new OpusDecoder()
  track.onReceiveRtp.subscribe((packet) => {
    packets.push(packet)
    meter.push(decoder.decode(packet.payload))
  })
  const outgoing = new OutgoingAudio(track, audio)
  running.push(outgoing, { stop: () => decoder.close() })
  return { outgoing, packets, meter }
}

/** RTP timestamps wrap at 2^32: the forward distance from `from` to `to`. */
const rtpTimeBetween = (from: number, to: number): number => (to - from) >>> 0

const sleep = async (ms: number): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms)
}

describe('OutgoingAudio', () => {
  it('sends nothing before start()', async () => {
    const { packets } = talk({ mode: 'tone' })
    await sleep(60)
    expect(packets).toHaveLength(0)
  })

  it('paces a tone at 50 packets a second with consecutive sequence numbers and timestamps', async () => {
    const { outgoing, packets, meter } = talk({ mode: 'tone', frequency: 523 })
    const startedAt = performance.now()
    outgoing.start()
    await sleep(400)
    outgoing.stop()
    const frames = (performance.now() - startedAt) / 20

    expect(frames).toBe(20)
    // One frame is sent at start, then one per 20 ms.
    expect(packets.length).toBeGreaterThanOrEqual(20)
    expect(packets.length).toBeLessThanOrEqual(21)
    expect(outgoing.packetsSent).toBe(packets.length)
    packets.slice(1).forEach((packet, i) => {
      const previous = packets[i]?.header
      expect(packet.header.sequenceNumber).toBe(((previous?.sequenceNumber ?? 0) + 1) & 0xffff)
      expect(packet.header.timestamp).toBe(((previous?.timestamp ?? 0) + 960) >>> 0)
      expect(packet.header.marker).toBe(false)
    })
    expect(packets[0]?.header.marker).toBe(true)
    expect(meter.analyse().frequency).toBeCloseTo(523, -1)

    const sent = packets.length
    await sleep(60)
    expect(packets).toHaveLength(sent)
  })

  it('sends silence as real packets with nothing in them', async () => {
    const { outgoing, packets, meter } = talk({ mode: 'silence' })
    outgoing.start()
    await sleep(150)
    expect(packets.length).toBeGreaterThan(4)
    const heard = meter.analyse()
    expect(heard.frequency).toBeNull()
    expect(heard.level).toBeLessThan(-60)
  })

  it('greets, then echoes what it hears, and only then', async () => {
    const { outgoing, packets, meter } = talk({
      mode: 'echo',
      greetingMs: 200,
      greetingFrequency: 440
    })
    const voice = new ToneGenerator(660, 0.25)

    outgoing.start()
    await sleep(100)
    expect(meter.analyse().frequency).toBeCloseTo(440, -1)
    outgoing.heard(voice.next(960))
    const duringGreeting = packets.length
    await sleep(150)
    // The greeting ended; no frame was paced since, and nothing heard during it came back.
    const afterGreeting = packets.length
    expect(afterGreeting).toBeGreaterThan(duringGreeting)
    await sleep(60)
    expect(packets).toHaveLength(afterGreeting)

    const lastGreeting = packets.at(-1)?.header.timestamp ?? 0
    meter.reset()
    for (let i = 0; i < 10; i++) outgoing.heard(voice.next(960))
    expect(packets).toHaveLength(afterGreeting + 10)
    const echoed = packets.slice(afterGreeting)
    expect(rtpTimeBetween(lastGreeting, echoed[0]?.header.timestamp ?? 0)).toBeGreaterThan(0)
    echoed.slice(1).forEach((packet, i) => {
      const gap = rtpTimeBetween(echoed[i]?.header.timestamp ?? 0, packet.header.timestamp)
      expect(gap).toBeGreaterThanOrEqual(960)
    })
    expect(meter.analyse().frequency).toBeCloseTo(660, -1)
  })

  it('skips frames it cannot encode and stops for good', () => {
    const { outgoing, packets } = talk({ mode: 'echo', greetingMs: 0 })
    outgoing.start()
    outgoing.heard(new Int16Array(1000))
    expect(packets).toHaveLength(0)
    outgoing.heard(new Int16Array(960))
    expect(packets).toHaveLength(1)
    outgoing.stop()
    outgoing.heard(new Int16Array(960))
    outgoing.start()
    expect(packets).toHaveLength(1)
  })
})
