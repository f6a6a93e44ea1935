/** "0:42", "12:05", "1:02:09" */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}

/** Coarsest first: "2 hours ago" rather than "135 minutes ago". */
const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000]
]

/**
 * "5 minutes ago", "2 hours ago", "yesterday", "3 days ago" ("hace 5 minutos"...) in `locale`;
 * under a minute `justNow`, the catalogue's word, since Intl has none for it. English unless the
 * desk's language is given (useAgo does).
 */
export function formatAgo(at: number, now: number, locale = 'en', justNow = 'just now'): string {
  const elapsed = Math.max(0, now - at)
  for (const [unit, ms] of AGO_UNITS) {
    if (elapsed >= ms) {
      const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
      return relative.format(-Math.floor(elapsed / ms), unit)
    }
  }
  return justNow
}

/** "42 ms" */
export function formatMilliseconds(ms: number, locale?: string): string {
  const style = { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 } as const
  return new Intl.NumberFormat(locale, style).format(ms)
}

/** "0.3%" in English, "0,3 %" in Spanish: one decimal, for figures such as packet loss. */
export function formatPercent(percent: number, locale?: string): string {
  const style = { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 } as const
  return new Intl.NumberFormat(locale, style).format(percent / 100)
}

/** "16,100" in English, "16.100" in Spanish. */
export function formatCount(count: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(count)
}

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate()

/** "Today" / "Hoy", "Yesterday" / "Ayer": the locale's own word, capitalised to open the line. */
function dayWord(offset: 0 | -1, locale: string | undefined): string {
  const word = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(offset, 'day')
  return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1)
}

/**
 * The one way the app writes when something happened: "Today 09:31", "Yesterday 17:02", then the
 * date and time ("3 Apr 2026, 14:05"), in the user's locale (`undefined`) unless one is given (the
 * desk's language, from vue-i18n).
 */
export function formatCallTime(ms: number, now: number = Date.now(), locale?: string): string {
  const when = new Date(ms)
  const time = when.toLocaleTimeString(locale, { timeStyle: 'short' })
  const today = new Date(now)
  if (sameDay(when, today)) return `${dayWord(0, locale)} ${time}`
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)
  if (sameDay(when, yesterday)) return `${dayWord(-1, locale)} ${time}`
  return when.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}

const SIX_DAYS_MS = 6 * 86_400_000

/**
 * "Monday 9:00 AM" in `timeZone`, where the owner set the hours; a date too ("Dec 28, 9:00 AM")
 * when the opening is a week or more away (after holidays), where a day name would mislead.
 */
export function formatOpening(ms: number, timeZone: string, locale: string, now = Date.now()) {
  return new Intl.DateTimeFormat(locale, {
    ...(ms - now < SIX_DAYS_MS ? { weekday: 'long' } : { month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    timeZone
  }).format(ms)
}
