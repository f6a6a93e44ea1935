/** The small media modules: microphone errors, call quality figures and the ringtone. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  currentPlatform,
  explainMicrophoneError,
  MicrophoneError,
  openMicrophone,
  type Platform
} from '../../../src/renderer/src/media/microphone'
import type { MicrophoneAccess } from '../../../src/shared/ipc'
import { Ringtone, ringWav } from '../../../src/renderer/src/media/ringtone'
import { readQuality } from '../../../src/renderer/src/media/stats'
import { fakeShell } from '../support/fake-shell'
import { FakeSoftphone } from '../support/fake-softphone'
import { deferred, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

const domError = (name: string): DOMException => new DOMException('refused', name)

describe('explainMicrophoneError', () => {
  it.each([
    ['mac', 'System Settings, Privacy & Security, Microphone'],
    ['windows', 'Let desktop apps access your microphone'],
    ['linux', 'sound settings'],
    ['browser', 'icon left of the address']
  ] satisfies [Platform, string][])('says where to unblock it on %s', (platform, where) => {
    for (const name of ['NotAllowedError', 'SecurityError']) {
      const error = explainMicrophoneError(domError(name), platform)
      expect(error).toBeInstanceOf(MicrophoneError)
      expect(error.kind).toBe('blocked')
      expect(error.message).toContain('The microphone is blocked')
      expect(error.message).toContain(where)
    }
  })

  it.each([
    ['NotFoundError', 'missing', 'No microphone was found'],
    ['OverconstrainedError', 'missing', 'No microphone was found'],
    ['NotReadableError', 'busy', 'in use by another app'],
    ['AbortError', 'busy', 'in use by another app'],
    ['TypeError', 'other', 'could not be opened']
  ])('%s is "%s"', (name, kind, sentence) => {
    const error = explainMicrophoneError(domError(name), 'linux')
    expect(error.kind).toBe(kind)
    expect(error.message).toContain(sentence)
    expect(error.name).toBe('MicrophoneError')
  })

  it('reads the name of a plain Error too, and copes with anything thrown', () => {
    const plain = Object.assign(new Error('x'), { name: 'NotReadableError' })
    expect(explainMicrophoneError(plain, 'mac').kind).toBe('busy')
    expect(explainMicrophoneError('weird', 'mac').kind).toBe('other')
    expect(explainMicrophoneError(undefined, 'mac').kind).toBe('other')
  })
})

describe('currentPlatform', () => {
  afterEach(() => {
    delete window.softphone
  })

  it('is the browser without the preload bridge', () => {
    expect(currentPlatform()).toBe('browser')
  })

  it.each([
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Chrome/140', 'mac'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140', 'windows'],
    ['Mozilla/5.0 (X11; Linux x86_64) Chrome/140', 'linux']
  ])('reads the OS from the user agent in the desktop app: %s', (userAgent, platform) => {
    window.softphone = new FakeSoftphone().bridge
    Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true })
    try {
      expect(currentPlatform()).toBe(platform)
    } finally {
      Reflect.deleteProperty(navigator, 'userAgent')
    }
  })
})

describe('openMicrophone', () => {
  let fake: FakeMedia
  beforeEach(() => {
    fake = installFakeMedia()
  })
  afterEach(() => fake.uninstall())

  it('asks for the chosen device with processing on by default', async () => {
    const track = await openMicrophone({ deviceId: 'usb' })
    expect(track).toBe(fake.devices.tracks[0])
    expect(fake.devices.requests[0]?.constraints).toEqual({
      audio: {
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
        deviceId: { exact: 'usb' }
      },
      video: false
    })
  })

  it('turns processing off for tone measurements', async () => {
    await openMicrophone({ processing: false })
    expect(fake.devices.requests[0]?.constraints.audio).toEqual({
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false
    })
  })

  it('turns a refusal into a MicrophoneError sentence', async () => {
    fake.devices.refuse(domError('NotReadableError'))
    await expect(openMicrophone()).rejects.toMatchObject({
      name: 'MicrophoneError',
      kind: 'busy'
    })
  })

  it('in the desktop app asks the OS first, and opens nothing while it blocks the microphone', async () => {
    let access: MicrophoneAccess = 'denied'
    window.shell = fakeShell({ askMicrophone: async () => access })
    try {
      await expect(openMicrophone()).rejects.toMatchObject({
        name: 'MicrophoneError',
        kind: 'blocked',
        message: expect.stringContaining('The microphone is blocked') as unknown
      })
      expect(fake.devices.requests).toEqual([])
      access = 'granted'
      const track = await openMicrophone()
      expect(track).toBe(fake.devices.tracks[0])
    } finally {
      delete window.shell
    }
  })

  it('does not retry a missing default device', async () => {
    fake.devices.refuse(domError('OverconstrainedError'))
    await expect(openMicrophone()).rejects.toMatchObject({ kind: 'missing' })
    expect(fake.devices.requests).toHaveLength(1)
  })
})

const report = (...entries: Record<string, unknown>[]): RTCStatsReport =>
  new Map(entries.map((entry, index) => [`s${index}`, entry])) as unknown as RTCStatsReport

describe('readQuality', () => {
  it('reads rtt from the nominated candidate pair, jitter, loss and levels', () => {
    const quality = readQuality(
      report(
        { type: 'candidate-pair', nominated: false, currentRoundTripTime: 0.9 },
        { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.042 },
        { type: 'remote-inbound-rtp', roundTripTime: 0.3 },
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 990,
          packetsLost: 10,
          jitter: 0.0034,
          audioLevel: 0.5,
          totalAudioEnergy: 1.25,
          lastPacketReceivedTimestamp: 1_700_000_000_000
        },
        { type: 'inbound-rtp', kind: 'video', packetsReceived: 5, packetsLost: 5, jitter: 1 },
        { type: 'media-source', kind: 'audio', audioLevel: 0.25 },
        { type: 'media-source', kind: 'video', audioLevel: 0.99 }
      )
    )
    expect(quality).toEqual({
      rttMs: 42,
      jitterMs: 3.4,
      lossPercent: 1,
      packetsReceived: 990,
      packetsLost: 10,
      inputLevel: 0.25,
      outputLevel: 0.5,
      inboundAudioEnergy: 1.25,
      lastPacketAt: 1_700_000_000_000
    })
  })

  it('falls back to the remote-inbound rtt when no pair is nominated', () => {
    const quality = readQuality(
      report(
        { type: 'candidate-pair', nominated: false, currentRoundTripTime: 0.9 },
        { type: 'remote-inbound-rtp', roundTripTime: 0.08 }
      )
    )
    expect(quality.rttMs).toBe(80)
  })

  it('reports nothing measured on an empty report', () => {
    const quality = readQuality(report())
    expect(quality.rttMs).toBeUndefined()
    expect(quality.jitterMs).toBeUndefined()
    expect(quality.lossPercent).toBeUndefined()
    expect(quality.packetsReceived).toBe(0)
    expect(quality.lastPacketAt).toBeUndefined()
  })

  it('treats negative loss (duplicates) as none and ignores non-numbers', () => {
    const quality = readQuality(
      report(
        { type: 'candidate-pair', nominated: true, currentRoundTripTime: Number.NaN },
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 100,
          packetsLost: -3,
          jitter: 'soon',
          lastPacketReceivedTimestamp: 5
        }
      )
    )
    expect(quality.rttMs).toBeUndefined()
    expect(quality.lossPercent).toBe(0)
    expect(quality.jitterMs).toBe(0)
    expect(quality.lastPacketAt).toBe(5)
  })

  it('has no first packet time before any packet arrived', () => {
    const quality = readQuality(
      report({ type: 'inbound-rtp', kind: 'audio', packetsReceived: 0, packetsLost: 0 })
    )
    expect(quality.lossPercent).toBe(0)
    expect(quality.lastPacketAt).toBeUndefined()
  })
})

const RATE = 16_000

async function parse(blob: Blob): Promise<DataView> {
  return new DataView(await blob.arrayBuffer())
}

const text = (view: DataView, offset: number, length: number): string =>
  String.fromCharCode(...Array.from({ length }, (_, i) => view.getUint8(offset + i)))

describe('ringWav', () => {
  it('is a 16-bit mono PCM WAV of the right length', async () => {
    const blob = ringWav(1, 2)
    expect(blob.type).toBe('audio/wav')
    const samples = 3 * RATE
    expect(blob.size).toBe(44 + samples * 2)

    const wav = await parse(blob)
    expect(text(wav, 0, 4)).toBe('RIFF')
    expect(wav.getUint32(4, true)).toBe(36 + samples * 2)
    expect(text(wav, 8, 4)).toBe('WAVE')
    expect(text(wav, 12, 4)).toBe('fmt ')
    expect(wav.getUint32(16, true)).toBe(16)
    expect(wav.getUint16(20, true)).toBe(1) // PCM
    expect(wav.getUint16(22, true)).toBe(1) // mono
    expect(wav.getUint32(24, true)).toBe(RATE)
    expect(wav.getUint32(28, true)).toBe(RATE * 2) // byte rate
    expect(wav.getUint16(32, true)).toBe(2) // block align
    expect(wav.getUint16(34, true)).toBe(16) // bits per sample
    expect(text(wav, 36, 4)).toBe('data')
    expect(wav.getUint32(40, true)).toBe(samples * 2)
  })

  it('rings for the on time, then stays silent', async () => {
    const wav = await parse(ringWav(0.5, 0.25))
    const sample = (i: number): number => wav.getInt16(44 + i * 2, true)
    const on = 0.5 * RATE
    const total = 0.75 * RATE

    let peak = 0
    let energy = 0
    for (let i = 0; i < on; i++) {
      peak = Math.max(peak, Math.abs(sample(i)))
      energy += sample(i) ** 2
    }
    expect(peak).toBeGreaterThan(12_000)
    expect(peak).toBeLessThanOrEqual(0.5 * 32767 + 1)
    expect(Math.sqrt(energy / on)).toBeGreaterThan(3_000)
    // Soft edges: no click at the start or the end of the ring.
    expect(Math.abs(sample(0))).toBe(0)
    expect(Math.abs(sample(on - 1))).toBeLessThan(100)
    const sounding = Array.from({ length: total - on }, (_, i) => sample(on + i)).filter(
      (value) => value !== 0
    )
    expect(sounding).toEqual([])
  })
})

describe('Ringtone', () => {
  let fake: FakeMedia
  beforeEach(() => {
    fake = installFakeMedia()
  })
  afterEach(() => fake.uninstall())

  it('plays on the ringer device at the set volume, once, and stops', async () => {
    const ringtone = new Ringtone()
    await ringtone.start({ deviceId: 'speakers', volume: 1.7 })
    await ringtone.start({ deviceId: 'speakers', volume: 0.5 })

    const audio = fake.played()[0] as HTMLAudioElement
    expect(fake.play).toHaveBeenCalledTimes(1)
    expect(audio.loop).toBe(true)
    expect(audio.src).toMatch(/^blob:/)
    expect(audio.volume).toBe(0.5)
    expect(fake.setSinkId).toHaveBeenCalledWith('speakers')
    expect(ringtone.isPlaying).toBe(true)
    expect(audio.paused).toBe(false)

    ringtone.stop()
    expect(ringtone.isPlaying).toBe(false)
    expect(audio.paused).toBe(true)
  })

  it('falls back to the default device when the ringer is gone', async () => {
    fake.setSinkId.mockRejectedValueOnce(new DOMException('gone', 'NotFoundError'))
    const ringtone = new Ringtone()
    await ringtone.start({ deviceId: 'unplugged', volume: 0.8 })
    expect(fake.setSinkId.mock.calls).toEqual([['unplugged'], ['']])
    expect(fake.play).toHaveBeenCalledTimes(1)
  })

  it('stays quiet when stopped while the ringer device was still being chosen', async () => {
    const sink = deferred()
    fake.setSinkId.mockReturnValueOnce(sink.promise)
    const ringtone = new Ringtone()
    const starting = ringtone.start({ deviceId: 'speakers', volume: 0.8 })
    ringtone.stop()
    sink.resolve()
    await starting

    expect(ringtone.isPlaying).toBe(false)
    expect(fake.play).not.toHaveBeenCalled()
  })
})
