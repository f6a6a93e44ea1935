/**
 * The hours being edited in Settings: what a fresh editor suggests, the times a range may start
 * and end at, and the first problem with the draft (as a catalogue key and its words).
 */
import { BusinessHours, WEEKDAYS, type Weekday } from '../../../../../shared/business-hours'

const QUARTERS = Array.from({ length: 96 }, (_, i) => {
  const minutes = i * 15
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
})
/** A range opens on a quarter hour. */
export const OPEN_TIMES = QUARTERS
/** And closes on one, or at 23:59, the end of the day as Meta counts it. */
export const CLOSE_TIMES = [...QUARTERS.slice(1), '23:59']

/** The choices for one time select: the list, plus the current value when it is off the list. */
export function timeChoices(list: readonly string[], current: string): string[] {
  return list.includes(current) ? [...list] : [...list, current].sort()
}

/** The computer's own time zone, which the hours start in. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Monday to Friday, 9 to 5, in the computer's time zone. */
export function suggestedHours(timeZone = systemTimeZone()): BusinessHours {
  const weekly = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      day === 'SATURDAY' || day === 'SUNDAY' ? [] : [{ open: '09:00', close: '17:00' }]
    ])
  ) as BusinessHours['weekly']
  return { timeZone, weekly, holidays: [] }
}

/** An editable copy (the editor changes it in place); JSON, since a reactive proxy will not clone. */
export function copyHours(hours: BusinessHours): BusinessHours {
  return JSON.parse(JSON.stringify(hours)) as BusinessHours
}

export type DraftProblem =
  | { kind: 'range'; day: Weekday }
  | { kind: 'holiday'; number: number }
  | { kind: 'tooMany' }
  | { kind: 'timeZone'; zone: string }

/** The first thing the schema refuses in `draft`, or the hours to save. */
export function checkDraft(
  draft: BusinessHours
): { hours: BusinessHours } | { problem: DraftProblem } {
  const parsed = BusinessHours.safeParse(draft)
  if (parsed.success) return { hours: parsed.data }
  const path = parsed.error.issues[0]?.path ?? []
  if (path[0] === 'weekly') return { problem: { kind: 'range', day: path[1] as Weekday } }
  if (path[0] === 'holidays' && typeof path[1] === 'number') {
    return { problem: { kind: 'holiday', number: path[1] + 1 } }
  }
  if (path[0] === 'holidays') return { problem: { kind: 'tooMany' } }
  return { problem: { kind: 'timeZone', zone: draft.timeZone } }
}
