/**
 * The call as every layer sees it: registry, UI and history share this one union and one outcome
 * table, so "missed" means the same thing on the toast, in the tray badge and in history.
 */
import type { Words } from './words'

import type { MissedReason, ReplyOutcome } from './follow-up'

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const
export type CallDirection = (typeof CALL_DIRECTIONS)[number]

/**
 * - `completed`: ended after it was connected;
 * - `missed`: an incoming call never answered (the caller hung up while it rang, or the ring
 *   deadline passed). Only these count in the missed-calls badge;
 * - `no-answer`: an outgoing call the customer never picked up (or we gave up on first);
 * - `declined`: we rejected it;
 * - `failed`: Meta reported `Failed` after accept, or accept or media failed.
 */
export const CALL_OUTCOMES = ['completed', 'missed', 'no-answer', 'declined', 'failed'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

export interface Caller {
  psid: string
  name?: string | undefined
  /** A data URL fetched in main: the short-lived Graph photo URL never reaches a UI. */
  photo?: string | undefined
}

interface CallBase {
  id: string
  pageId: string
  direction: CallDirection
  caller: Caller
  /** When the call started from the caller's side (webhook `timestamp`), ms since the epoch. */
  startedAt: number
  /** Rung by the built-in test line (the simulator), not by a customer. Absent on real calls. */
  test?: true | undefined
  /**
   * A test call only: the desk that started it (the service's desk key), the one desk it rings on
   * and the only one told about it. Absent on real calls, which ring on every desk.
   */
  testDesk?: string | undefined
}

export interface RingingCall extends CallBase {
  state: 'ringing'
  /** Ringing stops here (ms since the epoch), some seconds before Meta gives up on the call. */
  ringDeadline: number
  /**
   * Do not disturb: no desk rings, toasts or notifies for this call; it rings out (ending as
   * missed) or is being declined, and is in history either way. Absent when the call rings.
   */
  silenced?: true | undefined
}

export interface AnsweringCall extends CallBase {
  state: 'answering'
  /** The client that won the race to answer; every other client shows "Answered elsewhere". */
  answeredBy: string
  /** The name of that client's desk ("Front desk"), for "Answered by Front desk" and history. */
  answeredByDesk?: string | undefined
  /** Outbound only: when the customer's phone started ringing (`call_status: ringing`), ms. */
  customerRingingAt?: number | undefined
}

export interface ConnectedCall extends CallBase {
  state: 'connected'
  answeredBy: string
  answeredByDesk?: string | undefined
  connectedAt: number
}

/**
 * Who or what ended a call, for the sentence the user reads. `too-many-ringing`: recorded without
 * ringing, as many calls as the settings allow were ringing already; `no-answer`: an outbound call
 * the customer never accepted (declined, ignored, or unreachable).
 */
export const END_REASONS = [
  'caller-hung-up',
  'we-hung-up',
  'declined',
  'ring-timeout',
  'too-many-ringing',
  'no-answer',
  'meta-failed',
  'accept-failed',
  'media-failed',
  'shutdown'
] as const
export type EndReason = (typeof END_REASONS)[number]

export interface EndedCall extends CallBase {
  state: 'ended'
  outcome: CallOutcome
  reason: EndReason
  endedAt: number
  answeredBy?: string | undefined
  answeredByDesk?: string | undefined
  connectedAt?: number | undefined
  /** A sentence for the user when something went wrong; absent for ordinary endings. */
  error?: string | undefined
  /** `error` as words, for each window to say in its own language (./words.ts). */
  errorWords?: Words | undefined
}

export type Call = RingingCall | AnsweringCall | ConnectedCall | EndedCall
export type CallState = Call['state']

/** Compile-time proof that a switch handled every member of a union. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`)
}

/** A ringing call no Do not disturb silenced: one that rings on the desks. */
export type AudibleCall = RingingCall & { silenced?: undefined }

/**
 * Whether a call rings on the desks: ringing and not silenced by Do not disturb. The one test for
 * the ringtone, the toast, the notifications and the tray, so a silenced call rings nowhere.
 */
export function ringsHere(call: Call): call is AudibleCall {
  return call.state === 'ringing' && call.silenced !== true
}

export function isLive(call: Call): boolean {
  switch (call.state) {
    case 'ringing':
    case 'answering':
    case 'connected':
      return true
    case 'ended':
      return false
    default:
      return assertNever(call)
  }
}

/** Seconds the call was connected, 0 when it never was. */
export function talkSeconds(call: EndedCall): number {
  return call.connectedAt === undefined
    ? 0
    : Math.max(0, Math.round((call.endedAt - call.connectedAt) / 1000))
}

/** How the UI names a caller whose profile gave no name: never the PSID, an internal id. */
export const UNKNOWN_CALLER_LABEL = 'Messenger caller'

export function callerLabel(caller: Caller): string {
  return caller.name?.trim() || UNKNOWN_CALLER_LABEL
}

/**
 * A call's media figures as the desk that took it read them from `getStats()` when it ended: what
 * history shows, and what may go to Meta's call_metrics. Each figure is absent when not measured.
 */
export interface CallQualityReport {
  /** Round-trip time to Meta's media server, ms. */
  rttMs?: number | undefined
  /** Inbound jitter, ms. */
  jitterMs?: number | undefined
  /** Inbound packets lost, percent of expected. */
  lossPercent?: number | undefined
  packetsReceived?: number | undefined
  packetsLost?: number | undefined
  /** When the core took the report, ms since the epoch. */
  reportedAt: number
  /** When Meta accepted the figures (`call_metrics`); absent when they were not sent. */
  sentToMetaAt?: number | undefined
}

/** One line of the call history: what a call was, after it ended. */
export interface HistoryRecord {
  callId: string
  pageId: string
  direction: CallDirection
  caller: Caller
  startedAt: number
  connectedAt?: number | undefined
  endedAt: number
  durationSeconds: number
  outcome: CallOutcome
  reason: EndReason
  error?: string | undefined
  errorWords?: Words | undefined
  /** The call's quality figures, once the desk that took it has reported them. */
  quality?: CallQualityReport | undefined
  /** A call of the built-in test line (the call's own `test`); absent on real calls. */
  test?: true | undefined
  /** The name of the desk that answered (or placed) the call; absent when no desk took it. */
  answeredByDesk?: string | undefined
  /** A missed call's follow-up: why it counts as missed, and what became of the reply. */
  followUp?: CallFollowUp | undefined
}

/** What history keeps of a missed call's follow-up (issue 16 item 2). */
export interface CallFollowUp {
  reason: MissedReason
  /** Absent until the reply was sent, refused or skipped. */
  reply?: ReplyOutcome | undefined
}

export function toHistoryRecord(call: EndedCall): HistoryRecord {
  return {
    callId: call.id,
    pageId: call.pageId,
    direction: call.direction,
    caller: call.caller,
    startedAt: call.startedAt,
    connectedAt: call.connectedAt,
    endedAt: call.endedAt,
    durationSeconds: talkSeconds(call),
    outcome: call.outcome,
    reason: call.reason,
    error: call.error,
    ...(call.errorWords ? { errorWords: call.errorWords } : {}),
    ...(call.test ? { test: true as const } : {}),
    ...(call.answeredByDesk !== undefined ? { answeredByDesk: call.answeredByDesk } : {})
  }
}
