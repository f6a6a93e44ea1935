/**
 * Calling a customer back (business-initiated calls, docs section 7): whether the customer allows
 * calls from the Page, what Meta's rate limits leave, and the words for both. Shared by the core,
 * which reads Graph, and the UIs, which show it. Times are ms since the epoch.
 */
import { z } from 'zod'

/** A page-scoped id is digits at Meta; the simulator's are words. Either way: short, no spaces. */
const Psid = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.-]+$/)
/** An SDP offer is a few kB; the cap keeps a hostile client from pushing megabytes to Graph. */
const OfferSdp = z
  .string()
  .min(1)
  .max(64 * 1024)

export const checkCallPermissionRequest = z.object({ psid: Psid }).strict()
export const requestCallPermissionRequest = z.object({ psid: Psid }).strict()
export const sendCallButtonRequest = z.object({ psid: Psid }).strict()
export const placeCallRequest = z.object({ psid: Psid, sdp: OfferSdp }).strict()

/**
 * - `has_permission`: the customer allows calls until `expiresAt`;
 * - `no_permission`: never asked, or the grant ran out without us hearing about it;
 * - `pending`: we asked (`calling_optin`) and no `call_permission_reply` has come yet;
 * - `rejected`: the customer answered the request with "no";
 * - `expired`: the grant has run out;
 * - `unknown`: Graph named a status this app does not know.
 */
export type CallPermissionStatus =
  'has_permission' | 'no_permission' | 'pending' | 'rejected' | 'expired' | 'unknown'

/** The two limited actions Graph reports: asking for permission, and placing the call. */
export type PermissionAction = 'request-permission' | 'start-call'

export interface PermissionLimit {
  action: PermissionAction
  maxAllowed: number
  currentUsage: number
  /** ISO 8601 duration as Graph gives it, e.g. `PT24H`. */
  period?: string | undefined
  /** When the oldest use drops out of the period. */
  resetsAt?: number | undefined
}

export interface CallPermissionInfo {
  psid: string
  status: CallPermissionStatus
  expiresAt?: number | undefined
  /** When we asked, while the request is pending. */
  requestedAt?: number | undefined
  /** A permission request may be sent now. */
  canRequest: boolean
  /** The call may be placed now. */
  canCall: boolean
  limits: PermissionLimit[]
  /** What the state means for the owner, in one sentence. */
  summary: string
  /** Why a request cannot be sent now; absent when it can, or when asking makes no sense. */
  requestBlocked?: string | undefined
  /** Why the call cannot be placed now; absent when it can. */
  callBlocked?: string | undefined
}

/** The `callPermission` event: a customer answered (or we asked), for every UI to update. */
export interface CallPermissionChange {
  psid: string
  status: CallPermissionStatus
  expiresAt?: number | undefined
}

export interface PlaceCallResult {
  callId: string
  /** Meta's SDP answer to our offer. */
  answer: string
  /** Meta's own offer that may follow; answered locally, nothing is sent back. */
  renegotiation?: string | undefined
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/

/** Seconds in an ISO 8601 duration such as `PT24H` or `P1D`; undefined when it is not one. */
export function periodSeconds(period: string | undefined): number | undefined {
  const match = period === undefined ? null : DURATION.exec(period)
  if (!match || period === 'P' || period === 'PT') return undefined
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0))
  return (
    (weeks ?? 0) * 604_800 +
    (days ?? 0) * 86_400 +
    (hours ?? 0) * 3600 +
    (minutes ?? 0) * 60 +
    (seconds ?? 0)
  )
}

/** "today" for a day-long window, "this week" for a week, else "in this period". */
export function periodWords(period: string | undefined): string {
  const seconds = periodSeconds(period)
  if (seconds === 86_400) return 'today'
  if (seconds === 604_800) return 'this week'
  if (seconds !== undefined && seconds % 3600 === 0) return `in these ${seconds / 3600} hours`
  return 'in this period'
}

const SUMMARIES: Record<CallPermissionStatus, (name: string, until: string) => string> = {
  has_permission: (name, until) => `${name} allows calls from your Page${until}.`,
  no_permission: (name) =>
    `${name} has not allowed calls from your Page. Ask in Messenger first; they answer with one tap.`,
  pending: (name) => `Waiting for ${name} to allow calls…`,
  rejected: (name) => `${name} declined calls from your Page.`,
  expired: (name) => `${name}'s permission to call has run out. Ask again in Messenger.`,
  unknown: (name) =>
    `Facebook reported a permission state for ${name} this app does not know; try again later.`
}

/** What a permission state means, as one sentence; `expiresAt` is shown for a grant. */
export function permissionSummary(
  status: CallPermissionStatus,
  name: string,
  expiresAt?: number,
  locale?: string
): string {
  const until =
    status === 'has_permission' && expiresAt !== undefined
      ? ` until ${new Date(expiresAt).toLocaleDateString(locale, { day: 'numeric', month: 'long' })}`
      : ''
  return sentence(SUMMARIES[status](name, until))
}

/** Upper-cases the first letter: names such as "the customer" start sentences too. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function remainingUses(limit: PermissionLimit): number {
  return Math.max(0, limit.maxAllowed - limit.currentUsage)
}

export function limitFor(
  info: Pick<CallPermissionInfo, 'limits'>,
  action: PermissionAction
): PermissionLimit | undefined {
  return info.limits.find((limit) => limit.action === action)
}

const NOUNS: Record<PermissionAction, [string, string]> = {
  'request-permission': ['request', 'requests'],
  'start-call': ['call', 'calls']
}

/**
 * "1 of 2 requests left today", or when none are left "No requests left: you can ask again at
 * 14:05." `formatTime` turns a reset time into words in the reader's locale.
 */
export function describeLimit(limit: PermissionLimit, formatTime: (ms: number) => string): string {
  const remaining = remainingUses(limit)
  const [one, many] = NOUNS[limit.action]
  if (remaining > 0) {
    return `${remaining} of ${limit.maxAllowed} ${limit.maxAllowed === 1 ? one : many} left ${periodWords(limit.period)}.`
  }
  const again = limit.action === 'request-permission' ? 'ask again' : 'call again'
  return limit.resetsAt === undefined
    ? `No ${many} left ${periodWords(limit.period)}; Facebook allows ${limit.maxAllowed}.`
    : `No ${many} left: you can ${again} ${formatTime(limit.resetsAt)}.`
}

/** "at 14:05" today, "on 3 Apr, 14:05" another day: for a reset time in sentences. */
export function formatWhen(ms: number, now = Date.now(), locale?: string): string {
  const date = new Date(ms)
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
  if (new Date(now).toDateString() === date.toDateString()) return `at ${time}`
  const day = date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })
  return `on ${day}, ${time}`
}
