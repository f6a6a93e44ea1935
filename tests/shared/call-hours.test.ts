import { describe, expect, it } from 'vitest'
import type { BusinessHours } from '../../src/shared/business-hours'
import { fromCallHours, sameCallHours, toCallHours } from '../../src/shared/call-hours'

const hours: BusinessHours = {
  timeZone: 'Europe/Paris',
  weekly: {
    MONDAY: [
      { open: '14:00', close: '18:30' },
      { open: '09:00', close: '12:00' }
    ],
    TUESDAY: [],
    WEDNESDAY: [],
    THURSDAY: [],
    FRIDAY: [{ open: '10:00', close: '16:00' }],
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: [{ from: '2026-12-24', to: '2026-12-26' }]
}

describe('call_hours', () => {
  it("writes Meta's shape: HHMM times, upper-case days, one holiday entry per date", () => {
    expect(toCallHours(hours)).toEqual({
      timezone_id: 'Europe/Paris',
      weekly_operating_hours: [
        { day_of_week: 'MONDAY', open_time: '0900', close_time: '1200' },
        { day_of_week: 'MONDAY', open_time: '1400', close_time: '1830' },
        { day_of_week: 'FRIDAY', open_time: '1000', close_time: '1600' }
      ],
      holiday_schedule: [
        { date: '2026-12-24', start_time: '0000', end_time: '2359' },
        { date: '2026-12-25', start_time: '0000', end_time: '2359' },
        { date: '2026-12-26', start_time: '0000', end_time: '2359' }
      ]
    })
  })

  it('reads it back into the same hours and tells a difference', () => {
    const back = fromCallHours(toCallHours(hours))
    expect(back?.holidays).toEqual([{ from: '2026-12-24', to: '2026-12-26' }])
    expect(sameCallHours(hours, back)).toBe(true)
    const changed = { ...hours, weekly: { ...hours.weekly, FRIDAY: [] } }
    expect(sameCallHours(hours, changed)).toBe(false)
    expect(sameCallHours(hours, null)).toBe(false)
    expect(fromCallHours({})).toBeNull()
  })
})
