/**
 * Places business-initiated calls and keeps their webhooks in order. Meta may deliver the
 * `connect` (business_initiated) and `call_status: ringing` of a call we place BEFORE the
 * `action: connect` POST has returned its id: the registry would not know the id yet and drop
 * them. So while a placement is in flight, every call event for an id the registry does not know
 * (and that may be ours) waits here; once the POST answers, the call is registered and its
 * waiting events are applied in arrival order, and the rest go on to the registry as usual.
 *
 * `call_status` without an `id` (Meta's own example has none) is matched by `recipient_id`: to the
 * live outbound call to that person, or to the placement in flight for them. One placement per
 * person at a time keeps that match unambiguous.
 *
 * A POST that failed (timed out, say) while Meta did start the call would leave a customer's
 * phone ringing for nobody: when waiting events show such a call, it is terminated.
 */
import type { Call } from '../../../shared/calls'
import type { CallEvent } from '../../../shared/webhook'
import type { CallRegistry } from '../calls'
import type { ConnectResult } from '../graph'
import type { Logger } from '../log'
import { wordedError } from '../../../shared/words-english'

export interface DialerDeps {
  registry: Pick<CallRegistry, 'handleEvent' | 'registerOutbound' | 'get' | 'list'>
  /** Graph's `action: connect`. */
  connect(psid: string, offerSdp: string): Promise<ConnectResult>
  /** Graph's `action: terminate`, for a call Meta started although our request failed. */
  terminate(callId: string): Promise<void>
  now?: (() => number) | undefined
  logger: Logger
}

/** What the webhook router needs of the dialer. */
export type OutboundInbox = Pick<OutboundDialer, 'handleEvent' | 'placementInFlight' | 'disowns'>

export interface Placement {
  psid: string
  pageId: string
  clientId: string
  /** The name of the client's desk, kept on the call as `answeredByDesk`. */
  deskName?: string | undefined
  offerSdp: string
}

interface Waiting {
  event: CallEvent
  pageId: string | undefined
  receivedAt: number
}

/** Ids known not to be ours (or abandoned) are remembered this far back, to drop their echoes. */
const FORGOTTEN_IDS_KEPT = 200

export class OutboundDialer {
  private readonly inFlight = new Set<string>()
  private waiting: Waiting[] = []
  /** Outbound calls that are not this desk's (placed elsewhere, or orphaned): their events go. */
  private readonly notOurs = new Set<string>()
  private readonly log: Logger
  private readonly now: () => number

  constructor(private readonly deps: DialerDeps) {
    this.log = deps.logger.child('dialer')
    this.now = deps.now ?? Date.now
  }

  /** Is a connect POST awaiting its call id? Unknown-id events may be its call's, then. */
  placementInFlight(): boolean {
    return this.inFlight.size > 0
  }

  /** An outbound call not placed here (or abandoned): its later events are the dialer's to drop. */
  disowns(callId: string): boolean {
    return this.notOurs.has(callId)
  }

  /**
   * The outbound side's events (routeWebhookEvents picks them): applied to the registry, held
   * while they may be the placement's, or dropped when the call is not ours.
   */
  handleEvent(raw: CallEvent, pageId: string | undefined, receivedAt: number): void {
    const event = this.withId(raw)
    if (event.id !== undefined && this.notOurs.has(event.id)) {
      this.log.debug('event for an outbound call not placed here dropped', { callId: event.id })
      return
    }
    if (this.inFlight.size > 0 && this.mayBeAwaited(event)) {
      this.waiting.push({ event, pageId, receivedAt })
      return
    }
    this.apply({ event, pageId, receivedAt })
  }

  /** POSTs the connect; the call is registered (as `answering`) before this resolves. */
  async place(placement: Placement): Promise<ConnectResult> {
    const { psid } = placement
    if (this.inFlight.has(psid) || this.liveCallTo(psid)) {
      throw wordedError('conflict', 'callBack.inProgress')
    }
    this.inFlight.add(psid)
    const startedAt = this.now()
    let result: ConnectResult
    try {
      result = await this.deps.connect(psid, placement.offerSdp)
    } catch (error) {
      this.inFlight.delete(psid)
      this.abandon(psid)
      this.release()
      throw error
    }
    this.inFlight.delete(psid)
    try {
      this.deps.registry.registerOutbound({
        callId: result.callId,
        pageId: placement.pageId,
        psid,
        startedAt,
        clientId: placement.clientId,
        deskName: placement.deskName
      })
      this.claim(result.callId, psid)
    } finally {
      // Whatever happened, nothing may stay parked once no placement is in flight.
      this.release()
    }
    return result
  }

  /** Drops anything still waiting (shutdown). */
  dispose(): void {
    this.waiting = []
    this.inFlight.clear()
  }

  /** `call_status` without an id gets the id of the live outbound call to its recipient. */
  private withId(event: CallEvent): CallEvent {
    if (event.event !== 'call_status' || event.id !== undefined) return event
    const recipient = event.recipient_id
    const call = recipient === undefined ? undefined : this.liveCallTo(recipient)
    return call ? { ...event, id: call.id } : event
  }

  private liveCallTo(psid: string): Call | undefined {
    return this.deps.registry
      .list()
      .find((call) => call.direction === 'outbound' && call.caller.psid === psid)
  }

  /** Could this event be about the call whose id the POST has not told us yet? */
  private mayBeAwaited(event: CallEvent): boolean {
    if (event.event === 'call_status' && event.id === undefined) {
      return event.recipient_id !== undefined && this.inFlight.has(event.recipient_id)
    }
    if (event.event === 'connect' && event.call_direction === 'user_initiated') return false
    return event.id !== undefined && this.deps.registry.get(event.id) === undefined
  }

  /** The POST gave the id: the events that were waiting for it are applied, in arrival order. */
  private claim(callId: string, psid: string): void {
    const kept: Waiting[] = []
    for (const item of this.waiting) {
      const { event } = item
      const idless = event.event === 'call_status' && event.id === undefined
      if (event.id === callId) this.apply(item)
      else if (idless && event.recipient_id === psid)
        this.apply({ ...item, event: { ...event, id: callId } })
      else kept.push(item)
    }
    this.waiting = kept
  }

  /**
   * The POST failed. A waiting event that shows a call to this person means Meta started it
   * anyway: it is ended, and its later events are dropped.
   */
  private abandon(psid: string): void {
    const orphans = new Set<string>()
    for (const { event } of this.waiting) {
      if (event.id === undefined) continue
      const toPsid =
        (event.event === 'call_status' && event.recipient_id === psid) ||
        (event.event === 'connect' &&
          event.call_direction === 'business_initiated' &&
          event.to === psid)
      if (toPsid) orphans.add(event.id)
    }
    this.waiting = this.waiting.filter(({ event }) => {
      const idless = event.event === 'call_status' && event.id === undefined
      if (idless) return event.recipient_id !== psid
      return event.id === undefined || !orphans.has(event.id)
    })
    for (const callId of orphans) {
      this.forget(callId)
      this.log.warn('ending a call Meta started although the request failed', { callId })
      void this.deps
        .terminate(callId)
        .catch((error: unknown) =>
          this.log.warn('could not end the orphaned call', { callId, error: String(error) })
        )
    }
  }

  /** With nothing in flight, whatever still waits was not ours: it goes on as it would have. */
  private release(): void {
    if (this.inFlight.size > 0) return
    const rest = this.waiting
    this.waiting = []
    // Outbound calls we did not place: their terminate must not become a "missed" inbound call.
    for (const { event } of rest) {
      if (event.id !== undefined && isOutboundOnly(event)) this.forget(event.id)
    }
    for (const item of rest) {
      if (item.event.id !== undefined && this.notOurs.has(item.event.id)) continue
      this.apply(item)
    }
  }

  private apply({ event, pageId, receivedAt }: Waiting): void {
    const callId = event.id
    if (callId === undefined) {
      this.log.debug('call_status matched no outbound call')
      return
    }
    if (isOutboundOnly(event) && this.deps.registry.get(callId) === undefined) {
      // Someone else's outbound call on this Page: its terminate must not look like a missed call.
      this.forget(callId)
    }
    this.deps.registry.handleEvent(event, pageId, receivedAt)
  }

  private forget(callId: string): void {
    this.notOurs.add(callId)
    if (this.notOurs.size > FORGOTTEN_IDS_KEPT) {
      const oldest = this.notOurs.values().next().value
      if (oldest !== undefined) this.notOurs.delete(oldest)
    }
  }
}

/** Events only an outbound call has. */
function isOutboundOnly(event: CallEvent): boolean {
  return (
    event.event === 'call_status' ||
    (event.event === 'connect' && event.call_direction === 'business_initiated')
  )
}
