/**
 * The quality report through the assembled core: a desk answers over the real bridge, hangs up,
 * reports its figures, and — only once the owner opted in — the core posts them to the fake Graph's
 * call_metrics. A test call (the built-in simulator's line) is never reported to any Graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HeadlessClient } from '../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../src/main/simulator/scenarios'

let rig: InProcessRig
let watch: CallWatch
const desks: HeadlessClient[] = []

beforeAll(async () => {
  rig = await startInProcessRig({ testCalls: true })
  watch = new CallWatch(rig.client)
})

afterAll(async () => {
  watch?.close()
  await Promise.all(desks.map((desk) => desk.close()))
  await rig?.close()
})

const FIGURES = { rttMs: 31, jitterMs: 4, lossPercent: 1, packetsReceived: 700, packetsLost: 7 }

/** Answers the ringing call through the bridge, hangs up, and reports the figures as the UI does. */
async function answerHangUpAndReport(callId: string): Promise<void> {
  await watch.untilState(callId, 'ringing', 5000)
  const desk = new HeadlessClient()
  desks.push(desk)
  await desk.answer(rig.client.api, callId)
  await watch.untilState(callId, 'connected', 5000)
  await desk.hangUp(rig.client.api)
  await rig.client.api.reportCallQuality({ callId, ...FIGURES })
}

const stored = (callId: string) => rig.core.history.get(callId)
const metricsFor = (callId: string) => rig.sim.graph.metrics.filter((m) => m.callId === callId)
/** Every post to call_metrics, accepted or refused. */
const metricsPosts = () => rig.sim.graph.requests.filter((r) => r.path.endsWith('/call_metrics'))

describe('call quality through the core', () => {
  it('keeps the figures with the call, and sends nothing to Meta by default', async () => {
    const callId = await rig.sim.placeCall()
    await answerHangUpAndReport(callId)
    expect(stored(callId)?.quality).toMatchObject(FIGURES)
    const [listed] = await rig.client.api.listHistory({ limit: 1 })
    expect(listed).toMatchObject({ callId, outcome: 'completed', quality: FIGURES })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(metricsPosts()).toEqual([])
  })

  it('posts them to call_metrics once the owner opts in, and notes it on the record', async () => {
    await rig.client.api.updateSettings({ quality: { sendToMeta: true } })
    const callId = await rig.sim.placeCall()
    await answerHangUpAndReport(callId)
    await expect.poll(() => metricsFor(callId).length).toBe(1)
    expect(metricsFor(callId)[0]?.metrics).toMatchObject({
      platform: 'messenger',
      end_call_reason: 'Hangup_Call',
      audio_stats: { round_trip_time_sec: 0.031, jitter_sec: 0.004, packets_received: 700 }
    })
    await expect.poll(() => stored(callId)?.quality?.sentToMetaAt).toBeTypeOf('number')
  })

  it('never reports a test call, even with the option on', async () => {
    const before = metricsPosts().length
    const { callId } = await rig.client.api.startTestCall({})
    // The real simulator names the call before its connect: it rings on this desk only.
    expect(rig.core.registry.get(callId)?.testDesk).toBe('owner')
    await answerHangUpAndReport(callId)
    expect(stored(callId)?.answeredByDesk).toEqual(expect.any(String))
    expect(stored(callId)?.quality).toMatchObject(FIGURES)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(metricsPosts()).toHaveLength(before)
    expect(stored(callId)?.quality?.sentToMetaAt).toBeUndefined()
  })
})
