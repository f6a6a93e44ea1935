/**
 * The quality report after a call: the answering desk reads its final getStats() figures just
 * before the connection closes and sends them for the call's history entry; a desk that never
 * answered sends nothing.
 */
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { toQualityReport } from '../../../src/renderer/src/media/quality-report'
import { readQuality } from '../../../src/renderer/src/media/stats'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { answering, connected, ended, ringing } from '../support/calls'
import { useStoreFixture } from '../support/store-fixture'

const fixture = useStoreFixture()
const { emitCall } = fixture

const STATS = {
  pair: { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.0424 },
  inbound: {
    type: 'inbound-rtp',
    kind: 'audio',
    packetsReceived: 990,
    packetsLost: 10,
    jitter: 0.00345
  }
}

/** A call this desk answered and talks on, with the connection's stats set to STATS. */
async function talking(callId: string) {
  const store = useCallStore()
  await store.init()
  const call = ringing(callId)
  await emitCall(call)
  await store.answer(callId)
  await emitCall(connected(call, 'desk-1'))
  const pc = fixture.media.lastPeer()
  pc.stats = new Map(Object.entries(STATS))
  return { store, call, pc }
}

describe('the quality report after a call', () => {
  it('sends the final figures when this desk hangs up, read before the connection closed', async () => {
    const { store, pc } = await talking('c_1')
    await store.hangUp('c_1')
    await flushPromises()

    expect(fixture.service.requests('reportCallQuality')).toEqual([
      {
        callId: 'c_1',
        rttMs: 42.4,
        jitterMs: 3.5,
        lossPercent: 1,
        packetsReceived: 990,
        packetsLost: 10
      }
    ])
    expect(pc.log.indexOf('getStats')).toBeLessThan(pc.log.indexOf('close'))
  })

  it('sends them when the caller hangs up too', async () => {
    const { call } = await talking('c_1')
    await emitCall(ended(call, { outcome: 'completed', reason: 'caller-hung-up' }))
    expect(fixture.service.requests('reportCallQuality').map((r) => r.callId)).toEqual(['c_1'])
  })

  it('sends nothing for a call that rang out or that another desk answered', async () => {
    const store = useCallStore()
    await store.init()
    const missed = ringing('c_missed')
    await emitCall(missed)
    await emitCall(ended(missed, { outcome: 'missed', reason: 'ring-timeout' }))
    const taken = ringing('c_taken')
    await emitCall(taken)
    await emitCall(answering(taken, 'desk-2'))
    await emitCall(ended(taken, { outcome: 'completed', reason: 'caller-hung-up' }))

    expect(fixture.media.peers.length).toBeGreaterThan(0)
    expect(fixture.service.requests('reportCallQuality')).toEqual([])
  })

  it('is best effort: a refused report leaves nothing on screen', async () => {
    fixture.service.fail('reportCallQuality', new Error('This call is not in the history.'))
    const { store } = await talking('c_1')
    await store.hangUp('c_1')
    await flushPromises()
    expect(fixture.service.requests('reportCallQuality')).toHaveLength(1)
    expect(store.notices).toEqual([])
  })
})

describe('toQualityReport', () => {
  it('rounds, and clips a glitchy reading into the accepted ranges instead of losing the report', () => {
    const quality = readQuality(new Map() as unknown as RTCStatsReport)
    expect(toQualityReport('c_1', quality)).toEqual({
      callId: 'c_1',
      packetsReceived: 0,
      packetsLost: 0
    })
    expect(
      toQualityReport('c_1', {
        ...quality,
        rttMs: 90_000,
        jitterMs: -2,
        lossPercent: 1 / 3,
        packetsReceived: 12.4,
        packetsLost: 2e9
      })
    ).toEqual({
      callId: 'c_1',
      rttMs: 60_000,
      jitterMs: 0,
      lossPercent: 0.33,
      packetsReceived: 12,
      packetsLost: 1_000_000_000
    })
  })
})
