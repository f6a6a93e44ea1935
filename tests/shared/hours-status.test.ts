import { describe, expect, it } from 'vitest'
import type { BusinessHours } from '../../src/shared/business-hours'
import { openUntil } from '../../src/shared/business-hours'
import { hoursDifference } from '../../src/shared/hours-difference'
import { nextHoursChange, outsideHoursStatus } from '../../src/shared/hours-status'

const nineToFive = [{ open: '09:00', close: '17:00' }]
const madrid: BusinessHours = {
  timeZone: 'Europe/Madrid',
  weekly: {
    MONDAY: nineToFive,
    TUESDAY: nineToFive,
    WEDNESDAY: nineToFive,
    THURSDAY: nineToFive,
    FRIDAY: [
      { open: '09:00', close: '13:00' },
      { open: '12:00', close: '14:00' }
    ],
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: [{ from: '2026-12-24', to: '2026-12-25' }]
}
// Saturday 5 December 2026, 12:00 in Madrid (UTC+1): closed until Monday 7th, 09:00 (08:00 UTC).
const SATURDAY_NOON = Date.parse('2026-12-05T11:00:00Z')
const MONDAY_NINE = Date.parse('2026-12-07T08:00:00Z')

describe('outsideHoursStatus', () => {
  it('says calls are quiet or declined while closed, and when the hours open next', () => {
    expect(outsideHoursStatus({ schedule: madrid, outside: 'quiet' }, SATURDAY_NOON)).toEqual({
      calls: 'quiet',
      opensAt: MONDAY_NINE,
      timeZone: 'Europe/Madrid'
    })
    expect(outsideHoursStatus({ schedule: madrid, outside: 'decline' }, SATURDAY_NOON)).toEqual(
      expect.objectContaining({ calls: 'decline' })
    )
  })

  it('says nothing while open, when calls ring as usual, or without hours', () => {
    expect(outsideHoursStatus({ schedule: madrid, outside: 'quiet' }, MONDAY_NINE)).toBeUndefined()
    expect(outsideHoursStatus({ schedule: madrid, outside: 'ring' }, SATURDAY_NOON)).toBeUndefined()
    expect(outsideHoursStatus({ outside: 'decline' }, SATURDAY_NOON)).toBeUndefined()
  })

  it('has no next opening for hours that never open', () => {
    const never = { ...madrid, weekly: { ...madrid.weekly, ...emptyWeek() } }
    expect(outsideHoursStatus({ schedule: never, outside: 'quiet' }, SATURDAY_NOON)?.opensAt).toBe(
      null
    )
  })
})

function emptyWeek(): BusinessHours['weekly'] {
  return {
    MONDAY: [],
    TUESDAY: [],
    WEDNESDAY: [],
    THURSDAY: [],
    FRIDAY: [],
    SATURDAY: [],
    SUNDAY: []
  }
}

describe('openUntil and nextHoursChange', () => {
  it('closes at the end of the range now is in (the later of overlapping ranges)', () => {
    expect(openUntil(madrid, Date.parse('2026-12-07T10:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T16:00:00.000Z'
    )
    // Friday 11 December, 12:30: both ranges hold it; open until 14:00.
    expect(openUntil(madrid, Date.parse('2026-12-11T11:30:00Z'))?.toISOString()).toBe(
      '2026-12-11T13:00:00.000Z'
    )
    expect(openUntil(madrid, SATURDAY_NOON)).toBeNull()
  })

  it('is the next opening while closed, the closing while open', () => {
    const hours = { schedule: madrid, outside: 'quiet' as const }
    expect(nextHoursChange(hours, SATURDAY_NOON)).toBe(MONDAY_NINE)
    expect(nextHoursChange(hours, MONDAY_NINE)).toBe(Date.parse('2026-12-07T16:00:00Z'))
    expect(nextHoursChange({ outside: 'quiet' }, SATURDAY_NOON)).toBeNull()
  })
})

describe('hoursDifference', () => {
  it('names the days, the time zone and the holidays that differ', () => {
    const page: BusinessHours = {
      timeZone: 'Europe/Lisbon',
      weekly: { ...madrid.weekly, MONDAY: [], SATURDAY: [{ open: '10:00', close: '12:00' }] },
      holidays: []
    }
    expect(hoursDifference(madrid, page)).toEqual({
      days: ['MONDAY', 'SATURDAY'],
      timeZone: true,
      holidays: true
    })
  })

  it('finds none between the same hours written in another order', () => {
    const reordered: BusinessHours = {
      ...madrid,
      weekly: { ...madrid.weekly, FRIDAY: [...madrid.weekly.FRIDAY].reverse() }
    }
    expect(hoursDifference(madrid, reordered)).toEqual({
      days: [],
      timeZone: false,
      holidays: false
    })
  })
})
