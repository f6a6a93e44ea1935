import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TimerApi } from '../../../../src/main/core/calls'
import { CallRegistry } from '../../../../src/main/core/calls'
import { connect, PAGE, PSID, recordingRegistry, T0, terminate, useFakeClock } from './fixtures'

beforeEach(useFakeClock)
afterEach(() => {
  vi.useRealTimers()
})

describe('CallRegistry: ringing', () => {
  it('rings a connect, with the Page from `to` and the caller from `from`', () => {
    const { registry, calls } = recordingRegistry()
    const call = registry.handleEvent(connect('c1'), PAGE)
    const expected = {
      id: 'c1',
      pageId: PAGE,
      direction: 'inbound',
      caller: { psid: PSID },
      startedAt: T0,
      state: 'ringing',
      ringDeadline: T0 + 50_000
    }
    expect(call).toEqual(expected)
    expect(calls).toEqual([expected])
    expect(registry.get('c1')).toEqual(expected)
    expect(registry.list()).toEqual([expected])
  })

  it('rings once for the same connect delivered twice', () => {
    const { registry, calls } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(2_000)
    const again = registry.handleEvent(connect('c1', { timestamp: T0 / 1000 }), PAGE)
    expect(calls).toHaveLength(1)
    expect(again).toBe(calls[0])
    expect(registry.list()).toHaveLength(1)
  })

  it('stops ringing 50 s after the webhook timestamp, as missed ring-timeout, once', () => {
    const { registry, ended, states } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(49_999)
    expect(registry.get('c1')?.state).toBe('ringing')
    vi.advanceTimersByTime(1)
    expect(states()).toEqual(['ringing', 'ended'])
    expect(ended).toEqual([
      expect.objectContaining({
        id: 'c1',
        outcome: 'missed',
        reason: 'ring-timeout',
        endedAt: T0 + 50_000
      })
    ])
    expect(ended[0]).not.toHaveProperty('answeredBy')
    vi.advanceTimersByTime(60_000)
    expect(ended).toHaveLength(1)
  })

  it('counts the deadline from the timestamp: a connect stamped 45 s ago rings for 5 s', () => {
    const { registry, ended } = recordingRegistry()
    const call = registry.handleEvent(connect('c1', { timestamp: T0 / 1000 - 45 }), PAGE)
    expect(call).toMatchObject({
      state: 'ringing',
      ringDeadline: T0 + 5_000,
      startedAt: T0 - 45_000
    })
    vi.advanceTimersByTime(4_999)
    expect(ended).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(ended).toEqual([
      expect.objectContaining({ reason: 'ring-timeout', endedAt: T0 + 5_000 })
    ])
  })

  it('honours a ringTimeoutMs override', () => {
    const { registry, ended } = recordingRegistry({ ringTimeoutMs: 20_000 })
    expect(registry.handleEvent(connect('c1'), PAGE)).toMatchObject({ ringDeadline: T0 + 20_000 })
    vi.advanceTimersByTime(19_999)
    expect(ended).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(ended).toHaveLength(1)
  })

  it('rejects a ring timeout that is not a positive duration', () => {
    expect(() => new CallRegistry({ ringTimeoutMs: 0 })).toThrow(RangeError)
    expect(() => new CallRegistry({ ringTimeoutMs: Number.NaN })).toThrow(RangeError)
    expect(() => new CallRegistry({ tombstoneMs: -1 })).toThrow(RangeError)
  })

  it('never rings a connect that arrives past its deadline: it is missed at once', () => {
    const { registry, calls, ended } = recordingRegistry()
    const late = connect('c1', { timestamp: T0 / 1000 - 55 })
    const call = registry.handleEvent(late, PAGE)
    expect(calls.map((c) => c.state)).toEqual(['ended'])
    expect(call).toEqual({
      id: 'c1',
      pageId: PAGE,
      direction: 'inbound',
      caller: { psid: PSID },
      startedAt: T0 - 55_000,
      state: 'ended',
      outcome: 'missed',
      reason: 'ring-timeout',
      endedAt: T0
    })
    expect(ended).toEqual([call])
    expect(vi.getTimerCount()).toBe(0)
    // A retry of the same late connect changes nothing.
    registry.handleEvent(late, PAGE)
    expect(calls).toHaveLength(1)
    expect(ended).toHaveLength(1)
  })

  it('rings no longer than the full timeout when Meta stamps a time ahead of our clock', () => {
    const { registry } = recordingRegistry()
    const call = registry.handleEvent(connect('c1', { timestamp: T0 / 1000 + 30 }), PAGE)
    expect(call).toMatchObject({ state: 'ringing', ringDeadline: T0 + 50_000 })
  })

  it('does not end an answering call when the ring deadline passes', () => {
    const { registry, ended } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    registry.beginAnswer('c1', 'desk-a')
    vi.advanceTimersByTime(120_000)
    expect(registry.get('c1')?.state).toBe('answering')
    expect(ended).toHaveLength(0)
  })

  it('ignores a deadline timer that fires late, after the call was answered', () => {
    // Timers whose clear does nothing, as when a callback was already queued when it was cleared.
    const callbacks: (() => void)[] = []
    const timers: TimerApi = {
      setTimeout: (cb) => callbacks.push(cb),
      clearTimeout: () => undefined
    }
    const { registry, ended } = recordingRegistry({ timers })
    registry.handleEvent(connect('c1'), PAGE)
    registry.beginAnswer('c1', 'desk-a')
    vi.setSystemTime(T0 + 50_000)
    callbacks[0]?.()
    expect(registry.get('c1')?.state).toBe('answering')
    expect(ended).toHaveLength(0)
  })

  it('uses the injected clock and timers', () => {
    let now = T0 + 10_000
    const scheduled: { callback: () => void; ms: number }[] = []
    const timers: TimerApi = {
      setTimeout: (callback, ms) => scheduled.push({ callback, ms }),
      clearTimeout: () => undefined
    }
    const { registry, ended } = recordingRegistry({ now: () => now, timers })
    registry.handleEvent(connect('c1', { timestamp: T0 / 1000 }), PAGE)
    expect(scheduled.map((s) => s.ms)).toEqual([40_000])
    now = T0 + 50_000
    scheduled[0]?.callback()
    expect(ended).toEqual([
      expect.objectContaining({ reason: 'ring-timeout', endedAt: T0 + 50_000 })
    ])
  })
})

describe('CallRegistry: tombstones', () => {
  it('keeps an ended call for the tombstone time, then forgets it', () => {
    const { registry } = recordingRegistry({ tombstoneMs: 60_000 })
    registry.handleEvent(connect('c1'), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    expect(registry.list()).toEqual([])
    expect(registry.list({ includeEnded: true }).map((c) => c.id)).toEqual(['c1'])
    vi.advanceTimersByTime(59_999)
    expect(registry.get('c1')?.state).toBe('ended')
    vi.advanceTimersByTime(1)
    expect(registry.get('c1')).toBeUndefined()
    expect(registry.list({ includeEnded: true })).toEqual([])
  })

  it('keeps tombstones 10 minutes by default, ignoring late duplicates meanwhile', () => {
    const { registry, calls } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    vi.advanceTimersByTime(9 * 60_000)
    registry.handleEvent(connect('c1', { timestamp: T0 / 1000 }), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    expect(calls.map((c) => c.state)).toEqual(['ringing', 'ended'])
    vi.advanceTimersByTime(60_000)
    expect(registry.get('c1')).toBeUndefined()
  })

  it('lists live calls oldest first', () => {
    const { registry } = recordingRegistry()
    registry.handleEvent(connect('new', { timestamp: T0 / 1000 - 1 }), PAGE)
    registry.handleEvent(connect('old', { timestamp: T0 / 1000 - 10 }), PAGE)
    expect(registry.list().map((c) => c.id)).toEqual(['old', 'new'])
  })
})

describe('CallRegistry: dispose', () => {
  it('clears the ring timers, the listeners, and ignores later events', () => {
    const { registry, calls } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    expect(vi.getTimerCount()).toBe(1)
    registry.dispose()
    expect(vi.getTimerCount()).toBe(0)
    expect(registry.handleEvent(connect('c2'), PAGE)).toBeUndefined()
    vi.advanceTimersByTime(60_000)
    expect(calls).toHaveLength(1)
    expect(registry.list({ includeEnded: true })).toEqual([])
  })
})
