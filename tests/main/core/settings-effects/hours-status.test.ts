/**
 * The business hours in the core's status: while calls are quiet or declined outside the hours,
 * the status says so and when the hours open, for the owner and for seats; a one-shot timer
 * publishes the status again when the hours open or close, and a settings change does at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WEEKDAYS, type BusinessHours } from '../../../../src/shared/business-hours'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import type { CoreStatus } from '../../../../src/shared/api'
import { statusFor } from '../../../../src/main/core/service/client-views'
import { seatStatus } from '../../../../src/main/core/seat/seat-status'
import { followHoursStatus } from '../../../../src/main/core/settings-effects/hours-status'
import { startCoreWithTestLine, type CoreUnderTest } from '../support/test-line-core'

const nineToFive: BusinessHours = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(
    WEEKDAYS.map((day) => [day, [{ open: '09:00', close: '17:00' }]])
  ) as BusinessHours['weekly'],
  holidays: []
}
// Monday 7 December 2026, 08:00 UTC: an hour before opening.
const EIGHT = Date.parse('2026-12-07T08:00:00Z')
const NINE = EIGHT + 3_600_000
const FIVE = Date.parse('2026-12-07T17:00:00Z')

function fakeSettings(hours: Settings['hours']) {
  let current = { ...defaultSettings(), hours }
  const listeners = new Set<(s: Settings) => void>()
  return {
    get: () => current,
    onChange(listener: (s: Settings) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(next: Settings['hours']) {
      current = { ...current, hours: next }
      for (const listener of listeners) listener(current)
    }
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('followHoursStatus', () => {
  it('says quiet until the opening, then nothing, then quiet again at the closing', () => {
    vi.useFakeTimers({ now: EIGHT })
    const settings = fakeSettings({ schedule: nineToFive, outside: 'quiet' })
    const onChange = vi.fn()
    const hours = followHoursStatus({ settings, onChange })
    expect(hours.current()).toEqual({ calls: 'quiet', opensAt: NINE, timeZone: 'UTC' })

    vi.advanceTimersByTime(NINE - EIGHT - 1)
    expect(onChange).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(hours.current()).toBeUndefined()

    vi.advanceTimersByTime(FIVE - NINE)
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(hours.current()).toMatchObject({ calls: 'quiet', opensAt: NINE + 86_400_000 })
    hours.dispose()
    vi.advanceTimersByTime(86_400_000)
    expect(onChange).toHaveBeenCalledTimes(2)
  })

  it('publishes a change of the hours at once, and sets no timer when calls ring anyway', () => {
    vi.useFakeTimers({ now: EIGHT })
    const settings = fakeSettings({ schedule: nineToFive, outside: 'ring' })
    const onChange = vi.fn()
    const hours = followHoursStatus({ settings, onChange })
    expect(hours.current()).toBeUndefined()
    expect(vi.getTimerCount()).toBe(0)

    settings.set({ schedule: nineToFive, outside: 'decline' })
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(hours.current()).toMatchObject({ calls: 'decline', opensAt: NINE })
    expect(vi.getTimerCount()).toBe(1)
    hours.dispose()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('the status of every desk', () => {
  let running: CoreUnderTest | undefined
  afterEach(async () => {
    await running?.close()
    running = undefined
  })

  it('carries the hours from the core to the owner, to seats and to a seat desk’s own status', async () => {
    const closed = { ...nineToFive, weekly: { ...nineToFive.weekly, ...closedWeek() } }
    running = await startCoreWithTestLine({ hours: { schedule: closed, outside: 'quiet' } })
    const { core, settings } = running
    const heard: CoreStatus[] = []
    core.service.attach({
      id: 'ui',
      send: (m) => void (m.event === 'status' && heard.push(m.payload))
    })
    const hours = { calls: 'quiet', opensAt: null, timeZone: 'UTC' }
    expect(core.status().hours).toEqual(hours)
    const forSeat = statusFor(core.status(), { id: 'seat', role: 'seat', deskName: 'Front' })
    expect(forSeat.hours).toEqual(hours)
    const seat = seatStatus(
      { name: 'Hub', link: { state: 'online' }, queuedHangUps: [], pastHistory: false },
      forSeat,
      { settings: [] }
    )
    expect(seat.hours).toEqual(hours)

    await settings.update({ hours: { outside: 'ring' } })
    expect(heard.at(-1)?.hours).toBeUndefined()
  })
})

function closedWeek(): BusinessHours['weekly'] {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [day, [] as BusinessHours['weekly'][typeof day]])
  ) as BusinessHours['weekly']
}
