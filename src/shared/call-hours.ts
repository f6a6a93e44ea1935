/**
 * Business hours <-> Meta's `call_hours` (the Page's `messenger_call_settings`). Meta counts times
 * as "HHMM" and holidays as one entry per date with start and end times; the app keeps "HH:MM"
 * and date ranges. Shapes and sources: docs/graph-call-settings.md.
 */
import { WEEKDAYS, type BusinessHours, type Weekday } from './business-hours'

export type MetaWeeklyHours = {
  day_of_week: string
  open_time: string
  close_time: string
}

export type MetaHoliday = {
  date: string
  start_time: string
  end_time: string
}

export type MetaCallHours = {
  timezone_id: string
  weekly_operating_hours: MetaWeeklyHours[]
  holiday_schedule: MetaHoliday[]
}

const DAY = 24 * 60 * 60_000

function toHHMM(time: string): string {
  return time.replace(':', '')
}

function fromHHMM(time: string): string {
  return `${time.slice(0, 2)}:${time.slice(2, 4)}`
}

function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
}

// Type aliases, not interfaces: they fit the loose zod object types of shared/graph.ts.

/** The `call_hours` object the app writes for `hours` (a holiday closes its whole day). */
export function toCallHours(hours: BusinessHours): MetaCallHours {
  const dates = new Set(hours.holidays.flatMap((h) => datesBetween(h.from, h.to)))
  return {
    timezone_id: hours.timeZone,
    weekly_operating_hours: WEEKDAYS.flatMap((day) =>
      [...hours.weekly[day]]
        .sort((a, b) => a.open.localeCompare(b.open))
        .map((r) => ({ day_of_week: day, open_time: toHHMM(r.open), close_time: toHHMM(r.close) }))
    ),
    holiday_schedule: [...dates]
      .sort()
      .map((date) => ({ date, start_time: '0000', end_time: '2359' }))
  }
}

/** The Page's `call_hours` as business hours; consecutive holiday dates become one range. */
export function fromCallHours(meta: {
  timezone_id?: string
  weekly_operating_hours?: MetaWeeklyHours[]
  holiday_schedule?: MetaHoliday[]
}): BusinessHours | null {
  if (!meta.timezone_id) return null
  const weekly = Object.fromEntries(
    WEEKDAYS.map((d) => [d, [] as BusinessHours['weekly'][Weekday]])
  )
  for (const w of meta.weekly_operating_hours ?? []) {
    const day = w.day_of_week.toUpperCase() as Weekday
    weekly[day]?.push({ open: fromHHMM(w.open_time), close: fromHHMM(w.close_time) })
  }
  for (const ranges of Object.values(weekly)) ranges.sort((a, b) => a.open.localeCompare(b.open))
  const holidays: BusinessHours['holidays'] = []
  for (const date of [...new Set((meta.holiday_schedule ?? []).map((h) => h.date))].sort()) {
    const last = holidays[holidays.length - 1]
    if (last && nextDate(last.to) === date) last.to = date
    else holidays.push({ from: date, to: date })
  }
  return { timeZone: meta.timezone_id, weekly: weekly as BusinessHours['weekly'], holidays }
}

/** Whether two sets of hours publish the same `call_hours` (order and range splits aside). */
export function sameCallHours(a: BusinessHours | null, b: BusinessHours | null): boolean {
  if (!a || !b) return a === b
  return JSON.stringify(toCallHours(a)) === JSON.stringify(toCallHours(b))
}
