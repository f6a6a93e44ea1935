/**
 * What each `calls` webhook event does to the registry. Meta retries deliveries, so every handler
 * is idempotent and copes with order: a duplicate changes nothing, a terminate may come before its
 * connect, a `media_update` may be overtaken by a newer one. Outcomes follow ./outcomes.
 */
import type { Call, RingingCall } from '../../../shared/calls'
import { assertNever } from '../../../shared/calls'
import type {
  CallEvent,
  CallStatusEvent,
  ConnectEvent,
  MediaUpdateEvent,
  TerminateEvent
} from '../../../shared/webhook'
import { sdpText } from '../../../shared/webhook'
import type { Logger } from '../log'
import type { CallTable, Entry } from './call-table'
import {
  endingOnTerminate,
  HUNG_UP_BEFORE_CONNECT,
  RING_TIMEOUT,
  TOO_MANY_RINGING,
  TOO_MANY_RINGING_WORDS
} from './outcomes'
import type { CallCore, Parties } from './snapshots'
import { connectParties, coreOf, endedFrom, takenBy } from './snapshots'

export interface EventContext {
  table: CallTable
  log: Logger
  ringTimeoutMs: number
  /** At most this many calls ring at once; a connect beyond it is recorded as missed. */
  maxRinging: number
  /** Do not disturb: whether a call that starts ringing is `silenced` (see CallRegistryOptions). */
  silence?: ((call: RingingCall) => boolean) | undefined
  /** The delivery entry's id, when the webhook had one. */
  pageId: string | undefined
  /** When the delivery arrived (ms); stamps the end a terminate reports. */
  at: number
  /** The delivery came from the built-in test line: calls it starts are marked `test`. */
  test?: boolean | undefined
  /** A test call's desk (see `testDesk` in shared/calls): the one desk it rings on. */
  testDesk?: string | undefined
}

/**
 * Meta's Unix seconds as whole ms: the schema accepts fractional seconds ("1671644824.1234"), and
 * history stores whole ms only, so an unrounded time would keep the call out of history.
 */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000)
}

export function applyCallEvent(event: CallEvent, context: EventContext): Call | undefined {
  switch (event.event) {
    case 'connect':
      return onConnect(event, context)
    case 'terminate':
      return onTerminate(event, context)
    case 'media_update':
      return onMediaUpdate(event, context)
    case 'call_status':
      return onCallStatus(event, context)
    default:
      return assertNever(event)
  }
}

function onConnect(
  event: ConnectEvent,
  { table, log, ringTimeoutMs, maxRinging, silence, test, testDesk }: EventContext
) {
  const parties = connectParties(event)
  const existing = table.find(event.id)
  if (existing) return fillFromLateConnect(existing, event, parties, table, log)
  if (parties.direction === 'outbound') {
    // Outbound calls are created by registerOutbound; this one was placed elsewhere.
    log.debug('connect for an outbound call not placed here ignored', { callId: event.id })
    return undefined
  }
  const now = table.now()
  const startedAt = secondsToMs(event.timestamp)
  // Counted from Meta's timestamp, so a delivery retried for 45 s rings 5 s only; capped at a
  // full ring from now in case Meta's clock runs ahead of ours.
  const ringDeadline = Math.min(startedAt + ringTimeoutMs, now + ringTimeoutMs)
  const core = {
    id: event.id,
    pageId: parties.pageId,
    direction: parties.direction,
    caller: { psid: parties.psid },
    startedAt,
    ...(test ? { test: true as const } : {}),
    ...(test && testDesk !== undefined ? { testDesk } : {})
  }
  if (ringDeadline <= now) {
    log.info('connect arrived past its ring deadline', { callId: event.id })
    return table.createEnded(endedFrom(core, RING_TIMEOUT, now), false)
  }
  if (table.ringingCount() >= maxRinging) {
    // A flood of calls (or of forged-looking but signed connects) must not bury the desks in
    // toasts, nor grow without bound: the rest are recorded, unrung.
    log.warn('too many calls ringing: recorded as missed without ringing', {
      callId: event.id,
      ringing: table.ringingCount()
    })
    return table.createEnded(
      endedFrom(core, TOO_MANY_RINGING, now, { error: TOO_MANY_RINGING_WORDS }),
      false
    )
  }
  const ring: RingingCall = { ...core, state: 'ringing', ringDeadline }
  const ringing: RingingCall = silence?.(ring) ? { ...ring, silenced: true } : ring
  const entry = table.create(ringing)
  table.startRinging(entry, ringDeadline - now, () => {
    const call = entry.call
    // Only a ringing call times out: once answering, the accept is in flight and Graph decides.
    if (call.state === 'ringing') table.finish(entry, call, RING_TIMEOUT, table.now())
  })
  return table.publish(entry, ringing)
}

/** A connect for a known call never rings again; it only completes a record made from a terminate. */
function fillFromLateConnect(
  entry: Entry,
  event: ConnectEvent,
  parties: Parties,
  table: CallTable,
  log: Logger
): Call {
  const call = entry.call
  if (!entry.provisional || call.state !== 'ended') {
    log.debug('duplicate connect ignored', { callId: event.id })
    return call
  }
  entry.provisional = false
  return table.publish(entry, {
    ...call,
    pageId: call.pageId || parties.pageId,
    direction: parties.direction,
    caller: call.caller.psid ? call.caller : { ...call.caller, psid: parties.psid },
    startedAt: secondsToMs(event.timestamp)
  })
}

function onTerminate(event: TerminateEvent, { table, log, pageId, at }: EventContext): Call {
  const entry = table.find(event.id)
  if (!entry) {
    log.info('terminate before its connect: recorded as missed', { callId: event.id })
    return table.createEnded(
      endedFrom(terminateCore(event, pageId), HUNG_UP_BEFORE_CONNECT, at),
      true
    )
  }
  const call = entry.call
  if (call.state === 'ended') {
    log.debug('terminate for an ended call ignored', { callId: event.id })
    return call
  }
  return table.finish(entry, call, endingOnTerminate(call, event.status, entry.weHungUp), at)
}

/** What a terminate alone tells of a call whose connect we never saw. */
export function terminateCore(event: TerminateEvent, pageId: string | undefined): CallCore {
  return {
    id: event.id,
    pageId: pageId ?? event.to ?? '',
    direction: 'inbound',
    // Unknown until the connect shows up (if it ever does); an empty psid marks it missing.
    caller: { psid: event.from ?? '' },
    startedAt: secondsToMs(event.start_time ?? event.timestamp)
  }
}

function onMediaUpdate(event: MediaUpdateEvent, { table, log }: EventContext): Call | undefined {
  const entry = table.find(event.id)
  if (!entry || entry.call.state === 'ended') {
    log.debug('media_update for no live call ignored', { callId: event.id })
    return entry?.call
  }
  const version = event.session.version
  if (version <= entry.mediaVersion) {
    log.debug('stale media_update ignored', {
      callId: event.id,
      version,
      applied: entry.mediaVersion
    })
    return entry.call
  }
  entry.mediaVersion = version
  const sdp = sdpText(event.session.sdp_renegotiation)
  table.emitter.emit('mediaOffer', { callId: event.id, version, sdp })
  return entry.call
}

/**
 * Outbound only: 'ringing' marks when the customer's phone rang (once), 'accepted' connects the
 * call. An event without an id was matched by the callback dialer before it got here, or is dropped.
 */
function onCallStatus(event: CallStatusEvent, { table, at }: EventContext): Call | undefined {
  const entry = event.id === undefined ? undefined : table.find(event.id)
  if (!entry) return undefined
  const call = entry.call
  if (call.direction !== 'outbound' || call.state !== 'answering') return call
  if (event.call_status === 'ringing') {
    if (call.customerRingingAt !== undefined) return call
    return table.publish(entry, { ...call, customerRingingAt: at })
  }
  return table.publish(entry, {
    ...coreOf(call),
    state: 'connected',
    ...takenBy(call),
    connectedAt: at
  })
}
