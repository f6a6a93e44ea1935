import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  callStatus,
  connect,
  expectRefusal,
  mediaUpdate,
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

describe('CallRegistry: media_update', () => {
  it('passes on only versions higher than any seen: 1, 3, 2 gives 1 and 3', () => {
    const { registry, offers, calls } = withCall('connected')
    registry.handleEvent(mediaUpdate('c1', 1), PAGE)
    registry.handleEvent(mediaUpdate('c1', 3), PAGE)
    registry.handleEvent(mediaUpdate('c1', 2), PAGE)
    registry.handleEvent(mediaUpdate('c1', 3), PAGE)
    expect(offers).toEqual([
      { callId: 'c1', version: 1, sdp: 'v=0 sdp 1' },
      { callId: 'c1', version: 3, sdp: 'v=0 sdp 3' }
    ])
    expect(calls).toEqual([])
  })

  it('takes version 0 first, and reads the SDP from either field shape', () => {
    const { registry, offers } = withCall('answering')
    registry.handleEvent(mediaUpdate('c1', 0, { sdp_type: 'offer', sdp: 'v=0 as object' }), PAGE)
    registry.handleEvent(mediaUpdate('c1', 1, 'v=0 as text'), PAGE)
    expect(offers.map((o) => [o.version, o.sdp])).toEqual([
      [0, 'v=0 as object'],
      [1, 'v=0 as text']
    ])
  })

  it('tracks versions per call', () => {
    const { registry, offers } = recordingRegistry()
    registry.handleEvent(connect('a'), PAGE)
    registry.handleEvent(connect('b'), PAGE)
    registry.handleEvent(mediaUpdate('a', 5), PAGE)
    registry.handleEvent(mediaUpdate('b', 1), PAGE)
    expect(offers.map((o) => [o.callId, o.version])).toEqual([
      ['a', 5],
      ['b', 1]
    ])
  })

  it('ignores media updates for unknown and ended calls', () => {
    const { registry, offers } = withCall('connected')
    expect(registry.handleEvent(mediaUpdate('nobody', 1), PAGE)).toBeUndefined()
    registry.handleEvent(terminate('c1'), PAGE)
    registry.handleEvent(mediaUpdate('c1', 1), PAGE)
    expect(offers).toEqual([])
  })
})

describe('CallRegistry: outbound calls', () => {
  const outbound = {
    callId: 'o1',
    pageId: PAGE,
    psid: PSID,
    startedAt: T0,
    clientId: 'desk-a'
  }

  it('registers an outbound call as answering, without ringing anybody', () => {
    const { registry, calls } = recordingRegistry()
    const call = registry.registerOutbound(outbound)
    expect(call).toEqual({
      id: 'o1',
      pageId: PAGE,
      direction: 'outbound',
      caller: { psid: PSID },
      startedAt: T0,
      state: 'answering',
      answeredBy: 'desk-a'
    })
    expect(calls).toEqual([call])
    expect(vi.getTimerCount()).toBe(0)
    expectRefusal(
      () => registry.registerOutbound(outbound),
      'conflict',
      'This call is already in progress.'
    )
  })

  it('call_status ringing marks the ringing once; accepted connects; terminate completes', () => {
    const { registry, calls, ended } = recordingRegistry()
    registry.registerOutbound(outbound)
    registry.handleEvent(
      connect('o1', { from: PAGE, to: PSID, call_direction: 'business_initiated' })
    )
    registry.handleEvent(callStatus('o1', 'ringing'), PAGE)
    registry.handleEvent(callStatus('o1', 'ringing'), PAGE)
    vi.advanceTimersByTime(4_000)
    registry.handleEvent(callStatus('o1', 'accepted'), PAGE)
    registry.handleEvent(callStatus('o1', 'accepted'), PAGE)
    vi.advanceTimersByTime(60_000)
    registry.handleEvent(terminate('o1'), PAGE)
    expect(calls.map((c) => c.state)).toEqual(['answering', 'answering', 'connected', 'ended'])
    expect(calls[1]).toMatchObject({ customerRingingAt: T0 })
    expect(calls[2]).toMatchObject({ connectedAt: T0 + 4_000, answeredBy: 'desk-a' })
    expect(calls[2]).not.toHaveProperty('customerRingingAt')
    expect(ended).toEqual([
      expect.objectContaining({
        direction: 'outbound',
        outcome: 'completed',
        reason: 'caller-hung-up',
        connectedAt: T0 + 4_000,
        endedAt: T0 + 64_000
      })
    ])
  })

  it('ends a call the customer never accepted as no-answer, not missed', () => {
    const { registry, ended } = recordingRegistry()
    registry.registerOutbound(outbound)
    registry.handleEvent(callStatus('o1', 'ringing'), PAGE)
    registry.handleEvent(terminate('o1'), PAGE)
    expect(ended).toEqual([expect.objectContaining({ outcome: 'no-answer', reason: 'no-answer' })])
  })

  // "Missed" is for customers who called in: a call we placed and gave up on is no-answer too.
  it('ends an outbound call we hang up, or quit on, before pick-up as no-answer', () => {
    const { registry, ended } = recordingRegistry()
    registry.registerOutbound(outbound)
    registry.registerOutbound({ ...outbound, callId: 'o2' })
    registry.hangUp('o1')
    registry.markEnded('o1')
    registry.endAllLive()
    expect(ended).toEqual([
      expect.objectContaining({ id: 'o1', outcome: 'no-answer', reason: 'we-hung-up' }),
      expect.objectContaining({ id: 'o2', outcome: 'no-answer', reason: 'shutdown' })
    ])
  })

  it('ignores a business-initiated connect for a call not placed here', () => {
    const { registry, calls } = recordingRegistry()
    const event = connect('elsewhere', {
      from: PAGE,
      to: PSID,
      call_direction: 'business_initiated'
    })
    expect(registry.handleEvent(event, PAGE)).toBeUndefined()
    expect(calls).toEqual([])
    expect(registry.get('elsewhere')).toBeUndefined()
  })

  it('ignores call_status for inbound and unknown calls', () => {
    const { registry, calls } = withCall('answering')
    registry.handleEvent(callStatus('c1', 'accepted'), PAGE)
    expect(registry.handleEvent(callStatus('nobody', 'accepted'), PAGE)).toBeUndefined()
    expect(calls).toEqual([])
    expect(registry.get('c1')?.state).toBe('answering')
  })
})
