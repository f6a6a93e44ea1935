/**
 * Words the UI puts on the contract's plain values. They live here, not in src/shared: the core
 * sends codes (an outcome, a setting's key) and each UI says them its own way.
 */
import type { PinnableSetting } from '../../shared/api'
import type { CallOutcome } from '../../shared/calls'

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  completed: 'Answered',
  missed: 'Missed',
  'no-answer': 'No answer',
  declined: 'Declined',
  failed: 'Failed'
}

/** Each setting the environment can fix, named as the Settings section names it. */
export const PINNED_SETTING_LABELS: Record<PinnableSetting, string> = {
  page: 'Facebook Page and app',
  ringTimeoutSeconds: 'Ring for',
  tunnel: 'Public address',
  graph: 'Graph API',
  webhook: 'Webhook listener'
}
