import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { WEEKDAYS, type OpeningRange, type Weekday } from '../../../shared/business-hours'
import { formatOpening } from './format'

/** Monday 1 January 2024: WEEKDAYS[i] falls on the (1 + i)th. */
const A_MONDAY = Date.UTC(2024, 0, 1)
const DAY_MS = 86_400_000

/**
 * The business hours in the desk's language, through Intl: day names, times of day ("9:00 AM",
 * "9:00"), ranges, and the next opening on the hours' own wall clock ("Mon 9:00 AM"). The
 * formatters are made once a language: an editor writes a few hundred times.
 */
export function useHoursWords() {
  const { t, locale } = useI18n()
  const days = computed(
    () => new Intl.DateTimeFormat(locale.value, { weekday: 'long', timeZone: 'UTC' })
  )
  const times = computed(
    () =>
      new Intl.DateTimeFormat(locale.value, {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC'
      })
  )
  const lists = computed(() => new Intl.ListFormat(locale.value, { type: 'conjunction' }))

  const dayName = (day: Weekday): string =>
    days.value.format(A_MONDAY + WEEKDAYS.indexOf(day) * DAY_MS)

  /** The day opening a line or naming a control: "Lunes" (Spanish writes "lunes" mid-sentence). */
  const dayLabel = (day: Weekday): string => {
    const name = dayName(day)
    return name.charAt(0).toLocaleUpperCase(locale.value) + name.slice(1)
  }

  /** "HH:MM" as the desk's language writes a time of day. */
  const time = (clock: string): string =>
    times.value.format(Date.UTC(1970, 0, 1, Number(clock.slice(0, 2)), Number(clock.slice(3, 5))))

  const ranges = (list: readonly OpeningRange[]): string =>
    list.length === 0
      ? t('hours.page.closed')
      : lists.value.format(list.map((r) => `${time(r.open)}–${time(r.close)}`))

  /** The next opening (see formatOpening). */
  const opening = (ms: number, timeZone: string, now = Date.now()): string =>
    formatOpening(ms, timeZone, locale.value, now)

  return { dayName, dayLabel, time, ranges, opening }
}
