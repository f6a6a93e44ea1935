/**
 * Business hours: when the Page takes calls. The owner's weekly opening hours (several ranges a
 * day), holidays (date ranges) and the IANA time zone they are read in. Pure: `openAt` and
 * `nextOpening` work in the hours' own time zone through Intl, so a DST change moves the instants
 * and not the wall-clock times.
 */
import { z } from 'zod'

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY'
] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Wall-clock time "HH:MM", 00:00 to 23:59. */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30')
/** Calendar date "YYYY-MM-DD" in the hours' time zone. */
const CalendarDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-12-25')

function isTimeZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id })
    return true
  } catch {
    return false
  }
}

export const OpeningRange = z
  .object({ open: ClockTime, close: ClockTime })
  .refine((r) => r.open < r.close, { message: 'must close after it opens' })
export type OpeningRange = z.infer<typeof OpeningRange>

export const Holiday = z
  .object({ from: CalendarDate, to: CalendarDate })
  .refine((h) => h.from <= h.to, { message: 'must end on or after its first day' })
export type Holiday = z.infer<typeof Holiday>

export const BusinessHours = z.object({
  timeZone: z.string().refine(isTimeZone, { message: 'must be a time zone like Europe/Paris' }),
  weekly: z.object(
    Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(OpeningRange).max(2)])) as Record<
      Weekday,
      z.ZodArray<typeof OpeningRange>
    >
  ),
  holidays: z.array(Holiday).max(20)
})
export type BusinessHours = z.infer<typeof BusinessHours>

/** What the app shows: its saved hours, the Page's as Meta reads them back, and whether they differ. */
export interface BusinessHoursView {
  saved: BusinessHours | null
  page: BusinessHours | null
  differs: boolean
  /** Why the Page's hours could not be read (a sentence), when they could not. */
  pageError?: string
}

interface LocalDay {
  year: number
  month: number
  day: number
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Far enough to cross any run of holidays Meta accepts (20 entries) and a full week. */
const SEARCH_DAYS = 400

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall clock in `timeZone` at `ms`, as a UTC-based timestamp (same fields, no offset). */
function wallClock(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!
  )
}

/** The instant a wall-clock time in `timeZone` happens (a time skipped by DST moves forward). */
function instantOf(timeZone: string, wall: number): number {
  let guess = wall - (wallClock(timeZone, wall) - wall)
  guess = wall - (wallClock(timeZone, guess) - guess)
  return guess
}

function dateKey(d: LocalDay): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
}

function weekdayOf(d: LocalDay): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7]!
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

function isHoliday(hours: BusinessHours, d: LocalDay): boolean {
  const key = dateKey(d)
  return hours.holidays.some((h) => h.from <= key && key <= h.to)
}

function toMs(instant: Date | number): number {
  return typeof instant === 'number' ? instant : instant.getTime()
}

/** Whether the Page takes calls at `instant`. */
export function openAt(hours: BusinessHours, instant: Date | number): boolean {
  const wall = new Date(wallClock(hours.timeZone, toMs(instant)))
  const today = {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate()
  }
  if (isHoliday(hours, today)) return false
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes()
  return hours.weekly[weekdayOf(today)].some(
    (r) => minutesOf(r.open) <= minute && minute < minutesOf(r.close)
  )
}

/** The first instant at or after `instant` when the Page takes calls; null when it never opens. */
export function nextOpening(hours: BusinessHours, instant: Date | number): Date | null {
  const from = toMs(instant)
  if (openAt(hours, from)) return new Date(from)
  const startWall = wallClock(hours.timeZone, from)
  const startDay = Date.UTC(
    new Date(startWall).getUTCFullYear(),
    new Date(startWall).getUTCMonth(),
    new Date(startWall).getUTCDate()
  )
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const midnight = new Date(startDay + offset * DAY)
    const day = {
      year: midnight.getUTCFullYear(),
      month: midnight.getUTCMonth() + 1,
      day: midnight.getUTCDate()
    }
    if (isHoliday(hours, day)) continue
    const opens = hours.weekly[weekdayOf(day)].map((r) => minutesOf(r.open)).sort((a, b) => a - b)
    for (const minute of opens) {
      const at = instantOf(hours.timeZone, midnight.getTime() + minute * MINUTE)
      if (at > from) return new Date(at)
    }
  }
  return null
}

/**
 * When the opening range `instant` falls in ends (the latest close among overlapping ranges);
 * null when the Page is closed at `instant`.
 */
export function openUntil(hours: BusinessHours, instant: Date | number): Date | null {
  const wall = new Date(wallClock(hours.timeZone, toMs(instant)))
  const today = {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate()
  }
  if (isHoliday(hours, today)) return null
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes()
  const closes = hours.weekly[weekdayOf(today)]
    .filter((r) => minutesOf(r.open) <= minute && minute < minutesOf(r.close))
    .map((r) => minutesOf(r.close))
  if (closes.length === 0) return null
  const midnight = Date.UTC(today.year, today.month - 1, today.day)
  return new Date(instantOf(hours.timeZone, midnight + Math.max(...closes) * MINUTE))
}
