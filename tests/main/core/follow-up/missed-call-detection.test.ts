import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MissedCall } from '../../../../src/shared/follow-up'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import { CallRegistry } from '../../../../src/main/core/calls'
import { detectMissedCalls } from '../../../../src/main/core/follow-up/missed-call-detection'
import { ringingDeskNames } from '../../../../src/main/core/follow-up'
import { MissedCalls } from '../../../../src/main/core/follow-up/missed-calls'
import { connect, PAGE, terminate, useFakeClock } from '../calls/fixtures'

const RING_MS = 5_000

function setup(options: { settings?: Settings; desks?: string[]; maxRinging?: number } = {}) {
  let settings = options.settings ?? defaultSettings()
  const registry = new CallRegistry({
    ringTimeoutMs: RING_MS,
    maxRinging: () => options.maxRinging ?? Infinity,
    silence: () => settings.doNotDisturb.enabled || settings.hours.outside !== 'ring'
  })
  const port = new MissedCalls()
  const heard: MissedCall[] = []
  port.onMissedCall((missed) => heard.push(missed))
  const stop = detectMissedCalls({
    registry,
    settings: { get: () => settings },
    ringingDesks: () => options.desks ?? ['Front desk'],
    pageId: () => PAGE,
    port
  })
  return {
    registry,
    heard,
    stop,
    setSettings: (next: Settings) => void (settings = next),
    reasons: () => heard.map((missed) => missed.reason)
  }
}

describe('missed-call detection', () => {
  beforeEach(useFakeClock)
  afterEach(() => vi.useRealTimers())

  it('a call that rings out is missed, rang-out, with the customer and the end time', () => {
    const { registry, heard } = setup()
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(RING_MS)
    expect(heard).toEqual([
      { callId: 'c1', psid: 'psid-1', name: null, at: Date.now(), reason: 'rang-out' }
    ])
  })

  it('the caller hanging up while it rings is caller-hung-up', () => {
    const { registry, reasons } = setup()
    registry.handleEvent(connect('c1'), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    expect(reasons()).toEqual(['caller-hung-up'])
  })

  it('do not disturb: rung out quietly, and declined, both do-not-disturb', () => {
    const settings = defaultSettings()
    settings.doNotDisturb.enabled = true
    const { registry, reasons } = setup({ settings })
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(RING_MS)
    registry.handleEvent(connect('c2'), PAGE)
    registry.decline('c2')
    expect(reasons()).toEqual(['do-not-disturb', 'do-not-disturb'])
  })

  it('outside the hours ("quiet" rings out, "decline" declines): outside-hours', () => {
    const settings = defaultSettings()
    settings.hours.outside = 'quiet'
    const { registry, reasons } = setup({ settings })
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(RING_MS)
    registry.handleEvent(connect('c2'), PAGE)
    registry.decline('c2')
    expect(reasons()).toEqual(['outside-hours', 'outside-hours'])
  })

  it('every ringing desk in a call: all-busy; one desk free: rang-out', () => {
    const { registry, reasons } = setup({ desks: ['Front desk', 'Back office'] })
    registry.handleEvent(connect('busy-1'), PAGE)
    registry.beginAnswer('busy-1', 'client-a', 'Front desk')
    registry.markConnected('busy-1')
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(RING_MS)
    expect(reasons()).toEqual(['rang-out'])

    registry.handleEvent(connect('busy-2'), PAGE)
    registry.beginAnswer('busy-2', 'client-b', 'back office')
    registry.handleEvent(connect('c2'), PAGE)
    registry.handleEvent(terminate('c2'), PAGE)
    expect(reasons()).toEqual(['rang-out', 'all-busy'])
  })

  it('no desk rings at all: the call rang out, not all-busy', () => {
    const { registry, reasons } = setup({ desks: [] })
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(RING_MS)
    expect(reasons()).toEqual(['rang-out'])
  })

  it('too many calls ringing at once counts as all-busy', () => {
    const { registry, reasons } = setup({ maxRinging: 1 })
    registry.handleEvent(connect('c1'), PAGE)
    registry.handleEvent(connect('c2', { from: 'psid-2' }), PAGE)
    expect(reasons()).toEqual(['all-busy'])
  })

  it('a desk declining by hand is declined; answered, outbound, test, quit and other Pages are not missed', () => {
    const { registry, reasons } = setup()
    registry.handleEvent(connect('c1'), PAGE)
    registry.decline('c1')
    registry.handleEvent(connect('c2'), PAGE)
    registry.beginAnswer('c2', 'client-a', 'Front desk')
    registry.markConnected('c2')
    registry.handleEvent(terminate('c2'), PAGE)
    registry.handleEvent(connect('c3'), PAGE, undefined, { test: true })
    registry.handleEvent(terminate('c3'), PAGE)
    registry.handleEvent(connect('c4', { to: 'other-page' }), 'other-page')
    registry.handleEvent(terminate('c4'), 'other-page')
    registry.handleEvent(connect('c5'), PAGE)
    registry.endAllLive()
    expect(reasons()).toEqual(['declined'])
  })

  it('a replayed terminate announces nothing more: once per call', () => {
    const { registry, heard } = setup()
    registry.handleEvent(connect('c1'), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    registry.handleEvent(connect('c1'), PAGE)
    expect(heard).toHaveLength(1)
  })

  it('stops when told', () => {
    const { registry, heard, stop } = setup()
    stop()
    registry.handleEvent(connect('c1'), PAGE)
    registry.handleEvent(terminate('c1'), PAGE)
    expect(heard).toEqual([])
  })
})

describe('ringingDeskNames', () => {
  it('the hub desk when it rings, and each online seat the owner did not leave out', () => {
    const settings = defaultSettings()
    settings.desk.name = 'Hub'
    settings.seats.silent = ['quiet room']
    expect(ringingDeskNames(settings, ['Front', 'Quiet Room'])).toEqual(['Hub', 'Front'])
    settings.desk.ringHere = false
    expect(ringingDeskNames(settings, [])).toEqual([])
  })
})
