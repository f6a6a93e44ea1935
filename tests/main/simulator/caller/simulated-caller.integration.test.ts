import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import { InvalidOfferError, candidateAddresses } from '../../../../src/main/simulator/caller/sdp'
import { SimulatedCaller } from '../../../../src/main/simulator/caller/simulated-caller'
import type { SimulatedCallerOptions } from '../../../../src/main/simulator/caller/caller-types'
import type { CallerAudio } from '../../../../src/main/simulator/caller/outgoing-audio'
import {
  DESK_OPUS_PAYLOAD_TYPE as APP_OPUS_PAYLOAD_TYPE,
  HeadlessClient,
  near,
  type HeadlessClientOptions
} from '../../../../src/main/simulator/client/headless-client'

const open: { close(): Promise<void> }[] = []

function caller(options: SimulatedCallerOptions = {}): SimulatedCaller {
  const peer = new SimulatedCaller(options)
  open.push(peer)
  return peer
}

/** "The app": the headless desk, doing what the renderer does with Chromium. */
function app(
  audio: CallerAudio = { mode: 'tone', frequency: 880 },
  options: Omit<HeadlessClientOptions, 'audio'> = {}
) {
  const peer = new HeadlessClient({ ...options, audio })
  open.push(peer)
  return peer
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((peer) => peer.close()))
})

/** An IPv4 address of this machine other than loopback, where Chromium's candidates would be. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address

const sdpLine = (sdp: string, prefix: string): string | undefined =>
  sdp.split('\r\n').find((line) => line.startsWith(prefix))

describe('SimulatedCaller', () => {
  it('answers a candidate-less offer like Meta, and audio flows both ways', async () => {
    const logger = memoryLogger()
    const customer = caller({ audio: { mode: 'tone', frequency: 440 }, logger })
    const business = app({ mode: 'tone', frequency: 880 })

    const offer = await business.createOffer(false)
    expect(offer).not.toContain('a=candidate')
    const { answer, renegotiation } = await customer.answerOffer(offer)

    // Meta's shape: ICE-lite at session level, one loopback host candidate, DTLS passive, Opus only.
    const sessionPart = answer.split('\r\nm=')[0] ?? ''
    expect(sessionPart).toContain('a=ice-lite')
    expect(answer.match(/a=candidate:[^\r]*/g)).toEqual([
      expect.stringMatching(/ udp \d+ 127\.0\.0\.1 \d+ typ host/)
    ])
    expect(sdpLine(answer, 'a=setup:')).toBe('a=setup:passive')
    expect(sdpLine(answer, 'm=audio')).toBe(`m=audio 9 UDP/TLS/RTP/SAVPF ${APP_OPUS_PAYLOAD_TYPE}`)
    expect(answer).toMatch(/a=msid:\S+ \S+/)

    // The renegotiation keeps everything the connection depends on, in a newer session version.
    for (const kept of ['a=ice-ufrag:', 'a=ice-pwd:', 'a=fingerprint:', 'a=mid:', 'a=ssrc:']) {
      expect(sdpLine(renegotiation, kept)).toBe(sdpLine(answer, kept))
    }
    const [answerSession, answerVersion] = sdpLine(answer, 'o=')?.split(' ').slice(1, 3) ?? []
    const [renegSession, renegVersion] = sdpLine(renegotiation, 'o=')?.split(' ').slice(1, 3) ?? []
    expect(renegSession).toBe(answerSession)
    expect(Number(renegVersion)).toBeGreaterThan(Number(answerVersion))

    const localAnswer = await business.applyCallerAnswer(answer, renegotiation)
    expect(localAnswer.type).toBe('answer')
    expect(business.pc.signalingState).toBe('stable')

    const heardByCaller = await customer.waitForAudio({ frequency: 880, toleranceHz: 10 })
    expect(heardByCaller.connected).toBe(true)
    expect(heardByCaller.appAddress).toMatch(/^[\d.]+:\d+$/)
    expect(heardByCaller.level).toBeGreaterThan(-25)
    expect(heardByCaller.firstPacketAt).toBeLessThanOrEqual(Date.now())
    const heardByApp = await business.waitUntilHearing((h) => near(h.frequency, 440, 10))
    expect(heardByApp.level).toBeGreaterThan(-25)
    expect(heardByApp.packetsReceived).toBeGreaterThan(10)

    const logged = JSON.stringify(logger.entries)
    expect(logged).toContain('answered offer')
    expect(logged).not.toMatch(/a=ice-pwd|a=fingerprint|v=0/)
  })

  it('answers a fully gathered offer and keeps working through media updates', async () => {
    const customer = caller({ audio: { mode: 'tone', frequency: 600 } })
    const business = app({ mode: 'tone', frequency: 1000 })

    const offer = await business.createOffer(true)
    expect(offer).toContain('a=candidate')
    const { answer, renegotiation } = await customer.answerOffer(offer)
    await business.applyCallerAnswer(answer, renegotiation)
    await customer.waitForAudio({ frequency: 1000, toleranceHz: 10 })
    await business.waitUntilHearing((h) => near(h.frequency, 600, 10))

    const first = await customer.createMediaUpdate()
    const second = await customer.createMediaUpdate()
    expect([first.version, second.version]).toEqual([1, 2])
    await business.applyOffer(second.sdp)
    const before = customer.stats().packetsReceived
    const heard = await customer.waitForAudio({ minPackets: before + 15, frequency: 1000 })
    expect(heard.state).toBe('connected')
    const after = business.hearing().packetsReceived
    await business.waitUntilHearing(
      (h) => h.packetsReceived >= after + 15 && near(h.frequency, 600)
    )
  })

  it.skipIf(lanAddress === undefined)(
    'is reached from a non-loopback address, as Chromium reaches it',
    async () => {
      const customer = caller({ audio: { mode: 'tone', frequency: 440 } })
      const business = app({ mode: 'tone', frequency: 880 }, { address: lanAddress })
      const offer = await business.createOffer(true)
      expect(candidateAddresses(offer)).toEqual([lanAddress])

      const { answer, renegotiation } = await customer.answerOffer(offer)
      await business.applyCallerAnswer(answer, renegotiation)
      const heard = await customer.waitForAudio({ frequency: 880, toleranceHz: 10 })
      // The caller learned the app's address from its checks: the address Chromium would use.
      expect(heard.appAddress).toMatch(new RegExp(`^${lanAddress?.replaceAll('.', '\\.')}:\\d+$`))
      await business.waitUntilHearing((h) => near(h.frequency, 440, 10))
    }
  )

  it('greets with a tone, then echoes what the app says', async () => {
    const customer = caller({ audio: { mode: 'echo', greetingMs: 600, greetingFrequency: 440 } })
    const business = app({ mode: 'tone', frequency: 660 }, { meterWindowMs: 300 })

    const { answer, renegotiation } = await customer.answerOffer(await business.createOffer(false))
    await business.applyCallerAnswer(answer, renegotiation)

    await business.waitUntilHearing((h) => near(h.frequency, 440))
    const greetingHeardAt = Date.now()
    await business.waitUntilHearing((h) => near(h.frequency, 660))
    // The echo only starts once the greeting is over.
    expect(Date.now() - greetingHeardAt).toBeGreaterThan(150)
    expect(customer.stats().frequency).toBeCloseTo(660, -1)
  })

  it('in silence mode keeps RTP flowing with nothing in it', async () => {
    const customer = caller({ audio: { mode: 'silence' } })
    const business = app()
    const { answer, renegotiation } = await customer.answerOffer(await business.createOffer(false))
    await business.applyCallerAnswer(answer, renegotiation)

    const heard = await business.waitUntilHearing((h) => h.packetsReceived >= 25)
    expect(heard.frequency).toBeNull()
    expect(heard.level).toBeLessThan(-60)
  })

  it('hangs up on close(): state closed, no more audio, idempotent', async () => {
    const customer = caller()
    const business = app()
    const states: string[] = []
    customer.onStateChange((state) => states.push(state))
    const { answer, renegotiation } = await customer.answerOffer(await business.createOffer(false))
    await business.applyCallerAnswer(answer, renegotiation)
    await business.waitUntilHearing((h) => h.packetsReceived >= 10)

    await Promise.all([customer.close(), customer.close()])
    expect(customer.state).toBe('closed')
    expect(states).toEqual(['connecting', 'connected', 'closed'])
    await new Promise((resolve) => setTimeout(resolve, 100))
    const afterClose = business.hearing().packetsReceived
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(business.hearing().packetsReceived).toBe(afterClose)
    await expect(customer.answerOffer('v=0')).rejects.toThrow(/closed/)
  })

  it('rejects an answer in progress when closed, instead of hanging', async () => {
    const customer = caller()
    const business = app()
    const answering = customer.answerOffer(await business.createOffer(false))
    await customer.close()
    await expect(answering).rejects.toThrow(/closed/)
    expect(customer.state).toBe('closed')
  })

  it('notices the app going away by its silence', async () => {
    const customer = caller({ mediaTimeoutMs: 400 })
    const business = app()
    const { answer, renegotiation } = await customer.answerOffer(await business.createOffer(false))
    await business.applyCallerAnswer(answer, renegotiation)
    await customer.waitForAudio({ minPackets: 5 })

    const hungUpAt = Date.now()
    await business.close()
    await customer.waitForState('disconnected', 2000)
    expect(Date.now() - hungUpAt).toBeGreaterThanOrEqual(350)
  })

  it('fails when the app never connects', async () => {
    const customer = caller({ connectTimeoutMs: 300 })
    const business = app()
    // The app sends its offer but never applies the answer, so no check ever reaches the caller.
    await customer.answerOffer(await business.createOffer(false))
    expect(customer.state).toBe('connecting')
    await customer.waitForState('failed', 2000)
    expect(customer.stats().connected).toBe(false)
  })

  it('refuses an offer Meta could not serve, and answers only once', async () => {
    const customer = caller()
    const business = app()
    const offer = await business.createOffer(false)
    const noOpus = offer
      .split('\r\n')
      .filter((line) => !/^a=(rtpmap|fmtp|rtcp-fb):111/.test(line))
      .join('\r\n')
    await expect(customer.answerOffer(noOpus)).rejects.toBeInstanceOf(InvalidOfferError)
    await customer.answerOffer(offer)
    await expect(customer.answerOffer(offer)).rejects.toThrow(/already answered/)
  })
})
