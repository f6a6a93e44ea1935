/**
 * Never lose a customer (issue 16 items 2 and 3): what a missed call leaves behind. The reply
 * (src/main/core/follow-up/missed-reply*) decides whether the customer gets the owner's message;
 * the To call back list (src/main/core/follow-up/call-back-tasks*) keeps one task per customer.
 * Both meet here so that neither reaches into the other.
 */

/** Why a call counts as missed for follow-up. */
export type MissedReason =
  'rang-out' | 'caller-hung-up' | 'do-not-disturb' | 'outside-hours' | 'all-busy' | 'declined'

/** A missed incoming call from a customer, as the follow-up sees it. */
export interface MissedCall {
  callId: string
  /** The customer's page-scoped id: used in core only, never shown. */
  psid: string
  /** The customer's name when Meta gave one. */
  name: string | null
  at: number
  reason: MissedReason
}

/**
 * What became of the missed-call reply for one call. A refusal keeps Meta's code as a words key
 * (errors area of the catalogues) so each desk words it in its own language; nothing is retried.
 */
export type ReplyOutcome =
  | { state: 'sent'; at: number; extra: 'none' | 'call-button' | 'permission-request' }
  | { state: 'refused'; at: number; words: string; graphCode?: number | undefined }
  | { state: 'skipped'; at: number; why: 'off' | 'replied-recently' }

/** Whether the customer allowed the business to call back (Meta's call_permission_reply). */
export type CallBackPermission = 'unknown' | 'requested' | 'allowed' | 'declined' | 'expired'
