import { useI18n } from 'vue-i18n'
import type { Caller, CallOutcome } from '../../../shared/calls'
import { nameOfCaller } from '../../../shared/caller-name'
import { formatCallTime } from './format'

/** The words every call view shares, in the desk's language: who called, how it ended, when. */
export function useCallWords() {
  const { t, locale } = useI18n()
  return {
    /** `test`: a call of the built-in test line, named as the test caller. */
    callerName: (caller: Caller, test?: boolean): string =>
      nameOfCaller((key) => t(key), caller, test),
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
