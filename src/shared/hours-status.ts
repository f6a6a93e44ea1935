/**
 * What every desk says while calls are kept quiet or declined outside the business hours, and
 * when that changes next. Pure: the core asks it (with its clock) and publishes the answer in its
 * status, so the tray and every window word the same thing (issue 16, item 1).
 */
import { nextOpening, openAt, openUntil } from './business-hours'
import type { Settings } from './settings'

export interface OutsideHoursStatus {
  /** quiet: calls ring out without ringing any desk; decline: Meta is told no at once. */
  calls: 'quiet' | 'decline'
  /** When the hours open next (ms since the epoch); null: no opening hours at all. */
  opensAt: number | null
  /** The hours' own time zone: the owner reads the next opening on that wall clock. */
  timeZone: string
}

/** Undefined while the hours are open, or when calls outside them ring as usual. */
export function outsideHoursStatus(
  hours: Settings['hours'],
  now: number
): OutsideHoursStatus | undefined {
  const { schedule, outside } = hours
  if (outside === 'ring' || schedule === undefined || openAt(schedule, now)) return undefined
  return {
    calls: outside,
    opensAt: nextOpening(schedule, now)?.getTime() ?? null,
    timeZone: schedule.timeZone
  }
}

/** The next instant the hours open or close after `now`; null when they never change. */
export function nextHoursChange(hours: Settings['hours'], now: number): number | null {
  const { schedule } = hours
  if (schedule === undefined) return null
  const change = openAt(schedule, now) ? openUntil(schedule, now) : nextOpening(schedule, now)
  return change?.getTime() ?? null
}
