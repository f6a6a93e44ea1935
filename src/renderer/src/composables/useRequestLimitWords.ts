import { useI18n } from 'vue-i18n'
import { periodSeconds, remainingUses, type PermissionLimit } from '../../../shared/callback'

/**
 * What Meta's limit on permission requests leaves, in the desk's language: "1 of 2 requests left
 * today.", or when none are left, when asking is possible again. The core words the same limit
 * for its own refusals (describeLimit); this one is the panel's note.
 */
export function useRequestLimitWords(): (limit: PermissionLimit, now?: number) => string {
  const { t, locale } = useI18n()

  /** "today" for a day-long window, "this week" for a week, else the hours or "in this period". */
  function period(iso: string | undefined): string {
    const seconds = periodSeconds(iso)
    if (seconds === 86_400) return t('history.callBack.period.day')
    if (seconds === 604_800) return t('history.callBack.period.week')
    if (seconds !== undefined && seconds > 0 && seconds % 3600 === 0) {
      return t('history.callBack.period.hours', { hours: seconds / 3600 })
    }
    return t('history.callBack.period.other')
  }

  /** "…at 14:05" today, "…on 3 Apr, 14:05" another day. */
  function askAgain(resetsAt: number, now: number): string {
    const date = new Date(resetsAt)
    const time = date.toLocaleTimeString(locale.value, { timeStyle: 'short' })
    if (new Date(now).toDateString() === date.toDateString()) {
      return t('history.callBack.askAgainAt', { time })
    }
    const day = date.toLocaleDateString(locale.value, { day: 'numeric', month: 'short' })
    return t('history.callBack.askAgainOn', { day, time })
  }

  return (limit, now = Date.now()) => {
    const left = remainingUses(limit)
    const max = limit.maxAllowed
    if (left > 0) {
      const within = period(limit.period)
      return max === 1
        ? t('history.callBack.requestsLeftOfOne', { left, period: within })
        : t('history.callBack.requestsLeft', { left, max, period: within })
    }
    return limit.resetsAt === undefined
      ? t('history.callBack.noRequestsLeft', { period: period(limit.period), max })
      : askAgain(limit.resetsAt, now)
  }
}
