/**
 * Where the Page's published hours differ from the app's, as Meta would read both (`call_hours`):
 * which weekdays, whether the time zone, whether the holidays. The Settings editor words it.
 */
import { WEEKDAYS, type BusinessHours, type Weekday } from './business-hours'
import { toCallHours } from './call-hours'

export interface HoursDifference {
  days: Weekday[]
  timeZone: boolean
  holidays: boolean
}

export function hoursDifference(app: BusinessHours, page: BusinessHours): HoursDifference {
  const mine = toCallHours(app)
  const theirs = toCallHours(page)
  const dayOf = (hours: typeof mine, day: Weekday): string =>
    JSON.stringify(hours.weekly_operating_hours.filter((w) => w.day_of_week === day))
  return {
    days: WEEKDAYS.filter((day) => dayOf(mine, day) !== dayOf(theirs, day)),
    timeZone: mine.timezone_id !== theirs.timezone_id,
    holidays: JSON.stringify(mine.holiday_schedule) !== JSON.stringify(theirs.holiday_schedule)
  }
}
