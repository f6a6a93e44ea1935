/**
 * The headless desk answering as the renderer does, with a simulated caller behind a stand-in
 * service API: what `accept` receives, the order it applies descriptions in, media offers, hang-up.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AcceptResult, MediaOffer, SoftphoneApi } from '../../../../src/shared/api'
import { SimulatedCaller } from '../../../../src/main/simulator/caller'
import {
  HeadlessClient,
  near,
  type MediaOfferSource
} from '../../../../src/main/simulator/client/headless-client'

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((peer) => peer.close()))
})

/** `accept` answered by a simulated caller, optionally held until released. */
function callerApi(caller: SimulatedCaller) {
  const accepted: { callId: string; sdp: string }[] = []
  const hungUp: string[] = []
  let answered = false
  let hold: Promise<void> | undefined
  let release = (): void => undefined
  const api: Pick<SoftphoneApi, 'accept' | 'hangUp'> = {
    async accept({ callId, sdp }): Promise<AcceptResult> {
      accepted.push({ callId, sdp })
      const answer = await caller.answerOffer(sdp)
      answered = true
      await hold
      return answer
    },
    async hangUp({ callId }) {
      hungUp.push(callId)
    }
  }
  return {
    api,
    accepted,
    hungUp,
    answered: () => answered,
    holdAccept: () => {
      hold = new Promise((resolve) => (release = resolve))
    },
    release: () => release()
  }
}

function offers(): MediaOfferSource & { emit(offer: MediaOffer): void } {
  const listeners = new Set<(offer: MediaOffer) => void>()
  return {
    on: (_event, listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit: (offer) => listeners.forEach((listener) => listener(offer))
  }
}

function peers() {
  const caller = new SimulatedCaller({ audio: { mode: 'tone', frequency: 500 } })
  const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 900 } })
  open.push(caller, desk)
  return { caller, desk }
}

describe('HeadlessClient', () => {
  it('accepts with a candidate-less Opus offer at once and talks both ways', async () => {
    const { caller, desk } = peers()
    const service = callerApi(caller)
    const result = await desk.answer(service.api, 'c_1')
    expect(service.accepted).toHaveLength(1)
    const sent = service.accepted[0]?.sdp ?? ''
    expect(sent).toBe(desk.offerSent)
    expect(sent).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 111/m)
    expect(sent).not.toMatch(/a=candidate/)
    expect(result.renegotiation).toBeDefined()
    // The renegotiation offer was answered locally: the desk is stable again.
    expect(desk.pc.signalingState).toBe('stable')
    await caller.waitForAudio({ frequency: 900 })
    await desk.waitUntilHearing((h) => h.packetsReceived > 10 && near(h.frequency, 500))
    expect(desk.callId).toBe('c_1')
  })

  it("applies its own call's media offers in order, after Meta's answer, and no one else's", async () => {
    const { caller, desk } = peers()
    const service = callerApi(caller)
    const source = offers()
    desk.followMediaOffers(source)
    service.holdAccept()
    const answering = desk.answer(service.api, 'c_2')
    await expect.poll(() => service.answered()).toBe(true)
    // A media offer racing the accept response must wait for the answer to be applied.
    const early = await caller.createMediaUpdate()
    source.emit({ callId: 'c_2', version: early.version, sdp: early.sdp })
    source.emit({ callId: 'c_other', version: 9, sdp: early.sdp })
    service.release()
    await answering
    await expect.poll(() => desk.mediaOffersApplied).toEqual([1])
    expect(desk.mediaOfferErrors).toEqual([])
    const later = await caller.createMediaUpdate()
    await desk.handleMediaOffer({ callId: 'c_2', version: later.version, sdp: later.sdp })
    expect(desk.mediaOffersApplied).toEqual([1, 2])
    expect(desk.pc.signalingState).toBe('stable')
    await caller.waitForAudio({ frequency: 900 })
  })

  it('hangs up through the API and closes its media even if the API refuses', async () => {
    const { caller, desk } = peers()
    const service = callerApi(caller)
    await expect(desk.hangUp(service.api)).rejects.toThrow(/not answered/)
    await desk.answer(service.api, 'c_3')
    await desk.hangUp(service.api)
    expect(service.hungUp).toEqual(['c_3'])
    expect(desk.pc.connectionState).toBe('closed')

    const refusing = new HeadlessClient()
    open.push(refusing)
    await expect(
      refusing.answer({ accept: () => Promise.reject(new Error('Reconnect the Page')) }, 'c_4')
    ).rejects.toThrow('Reconnect the Page')
  })
})
