import { useI18n } from 'vue-i18n'
import type { Caller, CallOutcome } from '../../../shared/calls'
import { formatCallTime } from './format'

/** The words every call view shares, in the desk's language: who called, how it ended, when. */
export function useCallWords() {
  const { t, locale } = useI18n()
  return {
    callerName: (caller: Caller): string => caller.name?.trim() || t('calls.unknownCaller'),
    outcome: (outcome: CallOutcome): string =>
      ({
        completed: t('calls.outcome.completed'),
        missed: t('calls.outcome.missed'),
        'no-answer': t('calls.outcome.noAnswer'),
        declined: t('calls.outcome.declined'),
        failed: t('calls.outcome.failed')
      })[outcome],
    callTime: (ms: number, now?: number): string => formatCallTime(ms, now, locale.value)
  }
}
