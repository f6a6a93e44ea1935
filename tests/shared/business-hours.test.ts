import { describe, expect, it } from 'vitest'
import { BusinessHours, nextOpening, openAt, type Weekday } from '../../src/shared/business-hours'

const nineToFive = [{ open: '09:00', close: '17:00' }]
const none: never[] = []

function weekdays(ranges: BusinessHours['weekly'][Weekday]): BusinessHours['weekly'] {
  return {
    MONDAY: ranges,
    TUESDAY: ranges,
    WEDNESDAY: ranges,
    THURSDAY: ranges,
    FRIDAY: ranges,
    SATURDAY: none,
    SUNDAY: none
  }
}

const newYork: BusinessHours = {
  timeZone: 'America/New_York',
  weekly: weekdays(nineToFive),
  holidays: []
}

describe('openAt', () => {
  it('reads the wall clock in the hours time zone, on both sides of a DST change', () => {
    // Friday 6 March 2026 is EST (UTC-5); Monday 9 March is EDT (UTC-4).
    expect(openAt(newYork, Date.parse('2026-03-06T14:30:00Z'))).toBe(true) // 09:30 EST
    expect(openAt(newYork, Date.parse('2026-03-06T13:30:00Z'))).toBe(false) // 08:30 EST
    expect(openAt(newYork, Date.parse('2026-03-09T13:30:00Z'))).toBe(true) // 09:30 EDT
    expect(openAt(newYork, Date.parse('2026-03-09T21:30:00Z'))).toBe(false) // 17:30 EDT
  })

  it('keeps several ranges a day and closes on weekends and holidays', () => {
    const split: BusinessHours = {
      ...newYork,
      weekly: weekdays([
        { open: '09:00', close: '12:00' },
        { open: '14:00', close: '18:00' }
      ]),
      holidays: [{ from: '2026-03-10', to: '2026-03-10' }]
    }
    expect(openAt(split, Date.parse('2026-03-09T17:00:00Z'))).toBe(false) // 13:00 lunch
    expect(openAt(split, Date.parse('2026-03-09T18:30:00Z'))).toBe(true) // 14:30
    expect(openAt(split, Date.parse('2026-03-10T14:00:00Z'))).toBe(false) // holiday
    expect(openAt(split, Date.parse('2026-03-07T15:00:00Z'))).toBe(false) // Saturday
  })
})

describe('nextOpening', () => {
  it('lands on Monday 09:00 local time across the spring-forward weekend', () => {
    // Saturday 7 March 20:00 EST; the clocks go forward on Sunday 8 March.
    expect(nextOpening(newYork, Date.parse('2026-03-08T01:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z'
    )
  })

  it('skips a holiday range and is the instant itself when open', () => {
    const withHoliday = { ...newYork, holidays: [{ from: '2026-03-09', to: '2026-03-10' }] }
    expect(nextOpening(withHoliday, Date.parse('2026-03-08T01:00:00Z'))?.toISOString()).toBe(
      '2026-03-11T13:00:00.000Z'
    )
    expect(nextOpening(newYork, Date.parse('2026-03-09T15:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T15:00:00.000Z'
    )
  })

  it('finds the later range of the same day and says null when never open', () => {
    const split = {
      ...newYork,
      weekly: weekdays([
        { open: '09:00', close: '12:00' },
        { open: '14:00', close: '18:00' }
      ])
    }
    expect(nextOpening(split, Date.parse('2026-03-09T17:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T18:00:00.000Z'
    )
    expect(nextOpening({ ...newYork, weekly: weekdays(none) }, 0)).toBeNull()
  })
})

describe('BusinessHours schema', () => {
  it('accepts good hours and refuses an unknown zone, a backwards range or a backwards holiday', () => {
    expect(BusinessHours.safeParse(newYork).success).toBe(true)
    expect(BusinessHours.safeParse({ ...newYork, timeZone: 'Mars/Base' }).success).toBe(false)
    expect(
      BusinessHours.safeParse({ ...newYork, weekly: weekdays([{ open: '17:00', close: '09:00' }]) })
        .success
    ).toBe(false)
    expect(
      BusinessHours.safeParse({ ...newYork, holidays: [{ from: '2026-12-26', to: '2026-12-25' }] })
        .success
    ).toBe(false)
    expect(
      BusinessHours.safeParse({ ...newYork, weekly: weekdays([{ open: '9:00', close: '17:00' }]) })
        .success
    ).toBe(false)
  })
})
