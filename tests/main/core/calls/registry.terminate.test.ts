import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EndedCall } from '../../../../src/shared/calls'
import { toHistoryRecord } from '../../../../src/shared/calls'
import { toStored } from '../../../../src/main/core/history/record'
import {
  connect,
  expectRefusal,
  PAGE,
  PSID,
  recordingRegistry,
  T0,
  terminate,
  useFakeClock,
  withCall
} from './fixtures'

beforeEach(useFakeClock)
afterEach(() => {
  vi.useRealTimers()
})

describe('CallRegistry: terminate webhook outcomes', () => {
  it('ringing -> missed, caller-hung-up, and the ring timer is gone', () => {
    const { registry, calls, ended } = withCall('ringing')
    vi.advanceTimersByTime(3_000)
    const call = registry.handleEvent(terminate('c1'), PAGE)
    expect(call).toEqual({
      id: 'c1',
      pageId: PAGE,
      direction: 'inbound',
      caller: { psid: PSID },
      startedAt: T0,
      state: 'ended',
      outcome: 'missed',
      reason: 'caller-hung-up',
      endedAt: T0 + 3_000
    })
    expect(calls).toEqual([call])
    expect(ended).toEqual([call])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stamps the end with the delivery time the webhook server passes', () => {
    const { registry } = withCall('ringing')
    const call = registry.handleEvent(terminate('c1'), PAGE, T0 + 1_234)
    expect(call).toMatchObject({ endedAt: T0 + 1_234 })
  })

  it('answering -> missed, caller-hung-up: the caller gave up while we were accepting', () => {
    const { registry, ended } = withCall('answering')
    registry.handleEvent(terminate('c1'), PAGE)
    expect(ended).toEqual([
      expect.objectContaining({ outcome: 'missed', reason: 'caller-hung-up', answeredBy: 'desk-a' })
    ])
    expect(ended[0]).not.toHaveProperty('connectedAt')
    // The accept then comes back: connecting is refused with a sentence for the user.
    expectRefusal(
      () => registry.markConnected('c1'),
      'conflict',
      'The caller hung up before the call was answered.'
    )
  })

  it('answering -> missed even when Meta says Failed: it never connected', () => {
    const { registry, ended } = withCall('answering')
    registry.handleEvent(terminate('c1', { status: 'Failed' }), PAGE)
    expect(ended).toEqual([
      expect.objectContaining({ outcome: 'missed', reason: 'caller-hung-up' })
    ])
  })

  it('answering, after we hung up -> missed, we-hung-up', () => {
    const { registry, ended } = withCall('answering')
    registry.hangUp('c1')
    registry.handleEvent(terminate('c1'), PAGE)
    expect(ended).toEqual([expect.objectContaining({ outcome: 'missed', reason: 'we-hung-up' })])
  })

  it('connected, Completed -> completed, caller-hung-up, keeping who answered and when', () => {
    const { registry, ended } = withCall('connected')
    vi.advanceTimersByTime(120_000)
    registry.handleEvent(terminate('c1', { status: 'Completed', duration: 120 }), PAGE)
    expect(ended).toEqual([
      expect.objectContaining({
        state: 'ended',
        outcome: 'completed',
        reason: 'caller-hung-up',
        answeredBy: 'desk-a',
        connectedAt: T0,
        endedAt: T0 + 120_000
      })
    ])
  })

  it('connected, after we hung up -> completed, we-hung-up', () => {
    const { registry, ended } = withCall('connected')
    registry.hangUp('c1')
    registry.handleEvent(terminate('c1'), PAGE)
    expect(ended).toEqual([expect.objectContaining({ outcome: 'completed', reason: 'we-hung-up' })])
  })

  it.each(['Failed', 'failed'])('connected, status %s -> failed, meta-failed', (status) => {
    const { registry, ended } = withCall('connected')
    registry.hangUp('c1')
    registry.handleEvent(terminate('c1', { status }), PAGE)
    expect(ended).toEqual([expect.objectContaining({ outcome: 'failed', reason: 'meta-failed' })])
  })

  it('ends a call once when its terminate is delivered twice', () => {
    const { registry, calls, ended } = withCall('connected')
    const first = registry.handleEvent(terminate('c1'), PAGE)
    const second = registry.handleEvent(terminate('c1', { status: 'Failed' }), PAGE)
    expect(second).toBe(first)
    expect(calls).toHaveLength(1)
    expect(ended).toHaveLength(1)
  })
})

describe('CallRegistry: terminate before its connect', () => {
  it('records a missed call with what the terminate says, and emits ended once', () => {
    const { registry, calls, ended } = recordingRegistry()
    const call = registry.handleEvent(
      terminate('c1', { start_time: T0 / 1000 - 20, timestamp: T0 / 1000 - 5 }),
      PAGE
    )
    const expected: EndedCall = {
      id: 'c1',
      pageId: PAGE,
      direction: 'inbound',
      caller: { psid: '' },
      startedAt: T0 - 20_000,
      state: 'ended',
      outcome: 'missed',
      reason: 'caller-hung-up',
      endedAt: T0
    }
    expect(call).toEqual(expected)
    expect(calls).toEqual([expected])
    expect(ended).toEqual([expected])
    expect(registry.list()).toEqual([])
  })

  it('falls back to the terminate timestamp and its own from/to when the rest is missing', () => {
    const { registry } = recordingRegistry()
    const call = registry.handleEvent(terminate('c1', { from: 'psid-9', to: 'page-9' }))
    expect(call).toMatchObject({ pageId: 'page-9', caller: { psid: 'psid-9' }, startedAt: T0 })
  })

  it('lets the late connect fill in the caller without ringing it again', () => {
    const { registry, calls, ended } = recordingRegistry()
    registry.handleEvent(terminate('c1'), PAGE)
    vi.advanceTimersByTime(1_000)
    const filled = registry.handleEvent(connect('c1', { timestamp: T0 / 1000 - 10 }), PAGE)
    expect(filled).toMatchObject({
      state: 'ended',
      outcome: 'missed',
      reason: 'caller-hung-up',
      caller: { psid: PSID },
      pageId: PAGE,
      startedAt: T0 - 10_000
    })
    expect(calls.map((c) => c.state)).toEqual(['ended', 'ended'])
    expect(ended).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
    // A second copy of that connect has nothing left to add.
    registry.handleEvent(connect('c1', { timestamp: T0 / 1000 - 10 }), PAGE)
    expect(calls).toHaveLength(2)
  })

  it('keeps caller info the terminate already had when the connect arrives', () => {
    const { registry } = recordingRegistry()
    registry.handleEvent(terminate('c1', { from: 'psid-from-terminate' }), PAGE)
    const filled = registry.handleEvent(connect('c1'), PAGE)
    expect(filled).toMatchObject({ caller: { psid: 'psid-from-terminate' } })
  })
})

describe('CallRegistry: fractional webhook timestamps', () => {
  // The webhook schema takes Unix seconds with decimals ("1671644824.1234"); history keeps whole
  // ms only, so a start time left fractional would make the call's record fail to save.
  it('keeps start times in whole ms, so every ending is storable in history', () => {
    const { registry, ended } = recordingRegistry()
    registry.handleEvent(connect('c1', { timestamp: T0 / 1000 + 0.1234 }), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    registry.handleEvent(terminate('c2', { start_time: '1775044800.0005' }), PAGE)
    registry.handleEvent(connect('c2', { timestamp: T0 / 1000 - 0.0005 }), PAGE)
    const calls = [...ended, registry.get('c2')!]
    expect(calls.map((call) => call.startedAt)).toEqual([T0 + 123, T0 + 1, T0])
    for (const call of calls) {
      if (call.state !== 'ended') throw new Error('expected an ended call')
      expect(() => toStored(toHistoryRecord(call))).not.toThrow()
    }
  })
})
