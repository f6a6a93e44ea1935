/**
 * Which ended calls count as missed for the follow-up, and why (issue 16 item 2), read from the
 * registry's one ending table (core/calls/outcomes.ts):
 *
 * | how the call ended                                   | announced reason         |
 * | ---------------------------------------------------- | ------------------------ |
 * | silenced while ringing (do not disturb), then missed | do-not-disturb           |
 * |   or declined by do not disturb's "decline"          | do-not-disturb           |
 * | silenced by the business hours ("quiet"/"decline")   | outside-hours            |
 * | missed, `too-many-ringing` (no desk could ring it)   | all-busy                 |
 * | missed while every desk that would ring was in a call| all-busy                 |
 * | missed, ring deadline passed                         | rang-out                 |
 * | missed, the caller hung up while it rang             | caller-hung-up           |
 * | declined by hand at a desk                           | declined                 |
 * | anything else (answered, failed, quit, ours, tests)  | not announced            |
 *
 * "Every desk that would ring is in a call": the hub's own desk (when it rings here) and each
 * online seat the owner did not leave out, each of them the taker (`answeredByDesk`) of a live
 * call when the call is missed. With no ringing desk at all the call simply rang out.
 */
import type { Call, EndedCall } from '../../../shared/calls'
import type { MissedCall, MissedReason } from '../../../shared/follow-up'
import type { Settings } from '../../../shared/settings'
import type { MissedCalls } from './missed-calls'

export interface DetectionRegistry {
  on(event: 'call', listener: (call: Call) => void): () => void
  on(event: 'ended', listener: (call: EndedCall) => void): () => void
  list(): Call[]
}

export interface DetectionDeps {
  registry: DetectionRegistry
  settings: { get(): Settings }
  /** The names of the desks a call would ring on now (see the table above). */
  ringingDesks: () => readonly string[]
  /** The connected Page: calls of another Page (before a switch) are not followed up. */
  pageId: () => string | undefined
  port: Pick<MissedCalls, 'announce'>
}

/** Why a silenced call rang nowhere: do not disturb when it is on, else the business hours. */
function silencedBy(settings: Settings): MissedReason {
  return settings.doNotDisturb.enabled ? 'do-not-disturb' : 'outside-hours'
}

/** Whether every desk that would ring is the taker of a live call. */
export function everyDeskBusy(ringing: readonly string[], calls: readonly Call[]): boolean {
  if (ringing.length === 0) return false
  const busy = new Set<string>()
  for (const call of calls) {
    if (call.state === 'answering' || call.state === 'connected') {
      if (call.answeredByDesk !== undefined) busy.add(call.answeredByDesk.toLowerCase())
    }
  }
  return ringing.every((desk) => busy.has(desk.toLowerCase()))
}

/** The follow-up reason of an ended call, or undefined when it is not a missed customer call. */
export function missedReasonOf(
  call: EndedCall,
  silenced: MissedReason | undefined,
  allBusy: () => boolean
): MissedReason | undefined {
  if (call.direction !== 'inbound' || call.test === true) return undefined
  if (call.outcome === 'declined') return silenced ?? 'declined'
  if (call.outcome !== 'missed') return undefined
  if (silenced) return silenced
  switch (call.reason) {
    case 'too-many-ringing':
      return 'all-busy'
    case 'ring-timeout':
      return allBusy() ? 'all-busy' : 'rang-out'
    case 'caller-hung-up':
      return allBusy() ? 'all-busy' : 'caller-hung-up'
    default:
      // Quitting, or a desk that picked up and let go: nobody's missed call to follow up.
      return undefined
  }
}

/** Announces each missed call of the connected Page once; returns the function that stops. */
export function detectMissedCalls(deps: DetectionDeps): () => void {
  const { registry, settings } = deps
  /** Calls silenced while they rang, and by what; forgotten when they end. */
  const silenced = new Map<string, MissedReason>()

  const offCall = registry.on('call', (call) => {
    if (call.state !== 'ringing') return
    if (call.silenced === true) silenced.set(call.id, silencedBy(settings.get()))
    else silenced.delete(call.id)
  })
  const offEnded = registry.on('ended', (call) => {
    const quiet = silenced.get(call.id)
    silenced.delete(call.id)
    const pageId = deps.pageId()
    if (pageId !== undefined && call.pageId !== pageId) return
    const reason = missedReasonOf(call, quiet, () =>
      everyDeskBusy(deps.ringingDesks(), registry.list())
    )
    if (reason === undefined) return
    const missed: MissedCall = {
      callId: call.id,
      psid: call.caller.psid,
      name: call.caller.name ?? null,
      at: call.endedAt,
      reason
    }
    deps.port.announce(missed)
  })
  return () => {
    offCall()
    offEnded()
    silenced.clear()
  }
}
