/**
 * The call registry: one state machine per call id (ringing -> answering -> connected -> ended,
 * the union in src/shared/calls.ts). The webhook server feeds it parsed `CallEvent`s (handled in
 * ./webhook-events); the service layer calls the transition methods below around Graph requests
 * and forwards what the registry emits to the UIs. It knows nothing about HTTP, Graph or windows.
 *
 * Meta retries deliveries, so an event can arrive twice and out of order. An ended call therefore
 * stays known for `tombstoneMs` (a tombstone), so that a late duplicate of its connect or
 * terminate is recognised and ignored instead of ringing again. How each ending maps to an
 * outcome and a reason is the table in ./outcomes.
 */
import type {
  AnsweringCall,
  Call,
  Caller,
  CallOutcome,
  ConnectedCall,
  EndedCall,
  EndReason,
  RingingCall
} from '../../../shared/calls'
import type { CallEvent } from '../../../shared/webhook'
import type { Logger } from '../log'
import { silentLogger } from '../log'
import type { CallRegistryEvents, TimerApi } from './call-table'
import { CallTable } from './call-table'
import { callConflict } from './errors'
import {
  ACCEPT_FAILED,
  DECLINED,
  endingOnMarkEnded,
  endingOnShutdown,
  MEDIA_FAILED,
  RING_TIMEOUT
} from './outcomes'
import { coreOf, takenBy } from './snapshots'
import type { Listener } from '../shared/typed-emitter'
import { applyCallEvent } from './webhook-events'
import type { Words } from '../../../shared/words'

export type { CallRegistryEvents, TimerApi } from './call-table'

/** Meta gives up after 60 s; ringing stops ~10 s earlier so a late click does not race that. */
export const DEFAULT_RING_TIMEOUT_MS = 50_000
/** Long enough to outlast Meta's retries of a delivery; short enough to stay a handful of calls. */
export const DEFAULT_TOMBSTONE_MS = 10 * 60_000

export interface CallRegistryOptions {
  ringTimeoutMs?: number | undefined
  tombstoneMs?: number | undefined
  /** Milliseconds since the epoch; tests inject a fake clock. */
  now?: (() => number) | undefined
  timers?: TimerApi | undefined
  logger?: Logger | undefined
  /**
   * At most this many calls ring at once (asked at each connect, so a setting applies at once);
   * a connect beyond it is recorded as missed, reason `too-many-ringing`, and never rings.
   * Default: no limit.
   */
  maxRinging?: (() => number) | undefined
  /**
   * Asked once as an inbound call starts ringing: true marks it `silenced` (Do not disturb), so no
   * UI rings for it from its very first snapshot.
   */
  silence?: ((call: RingingCall) => boolean) | undefined
}

export interface OutboundCallInput {
  callId: string
  pageId: string
  psid: string
  /** Ms since the epoch. */
  startedAt: number
  /** The client that placed the call. */
  clientId: string
  /** The name of that client's desk, kept as `answeredByDesk`. */
  deskName?: string | undefined
}

export type CallerInfo = Partial<Pick<Caller, 'name' | 'photo'>>

const nodeTimers: TimerApi = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0])
}

function checkDuration(value: number, name: string, min: number): number {
  if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be >= ${min} ms`)
  return value
}

export class CallRegistry {
  private readonly table: CallTable
  private ringTimeoutMs: number
  private readonly silence: ((call: RingingCall) => boolean) | undefined
  private readonly maxRinging: () => number
  private readonly log: Logger
  private disposed = false

  constructor(options: CallRegistryOptions = {}) {
    this.ringTimeoutMs = checkDuration(
      options.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS,
      'ringTimeoutMs',
      1
    )
    this.silence = options.silence
    this.maxRinging = options.maxRinging ?? (() => Infinity)
    this.log = options.logger ?? silentLogger
    this.table = new CallTable({
      tombstoneMs: checkDuration(options.tombstoneMs ?? DEFAULT_TOMBSTONE_MS, 'tombstoneMs', 0),
      now: options.now ?? Date.now,
      timers: options.timers ?? nodeTimers,
      log: this.log
    })
  }

  on<K extends keyof CallRegistryEvents>(
    event: K,
    listener: Listener<CallRegistryEvents[K]>
  ): () => void {
    return this.table.emitter.on(event, listener)
  }

  /**
   * Applies one webhook event. `pageId` is the delivery entry's id; `receivedAt` (default: now)
   * stamps the end a terminate reports. Returns the call as it now stands, or undefined when the
   * event was about a call the registry does not know and did not create.
   */
  handleEvent(
    event: CallEvent,
    pageId?: string,
    receivedAt?: number,
    origin: { test?: boolean; testDesk?: string | undefined } = {}
  ): Call | undefined {
    if (this.disposed) return undefined
    this.table.prune()
    return applyCallEvent(event, {
      table: this.table,
      log: this.log,
      ringTimeoutMs: this.ringTimeoutMs,
      maxRinging: this.maxRinging(),
      silence: this.silence,
      pageId,
      at: receivedAt ?? this.table.now(),
      test: origin.test === true,
      testDesk: origin.testDesk
    })
  }

  /** The ring timeout of calls that start ringing from now on; ringing ones keep their deadline. */
  setRingTimeout(ms: number): void {
    this.ringTimeoutMs = checkDuration(ms, 'ringTimeoutMs', 1)
  }

  /**
   * Silences a ringing call (Do not disturb switched on while it rings), or lets it ring again.
   * Re-emits `call` when that changes something; a call no longer ringing is left as it is.
   */
  setSilenced(callId: string, silenced: boolean): Call {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state !== 'ringing' || (call.silenced === true) === silenced) return call
    const { silenced: _was, ...rest } = call
    return this.table.publish(entry, silenced ? { ...rest, silenced: true } : rest)
  }

  /** An outbound call we placed: it waits in 'answering' for the customer, and never rings. */
  registerOutbound(input: OutboundCallInput): AnsweringCall {
    this.table.prune()
    const existing = this.table.find(input.callId)
    if (existing) throw callConflict(existing.call, input.clientId)
    const call: AnsweringCall = {
      id: input.callId,
      pageId: input.pageId,
      direction: 'outbound',
      caller: { psid: input.psid },
      startedAt: input.startedAt,
      state: 'answering',
      ...takenBy({ answeredBy: input.clientId, answeredByDesk: input.deskName })
    }
    return this.table.publish(this.table.create(call), call)
  }

  /**
   * ringing -> answering. The first client wins; any later attempt is a conflict. `deskName` (the
   * answering client's desk) is what the other desks and history show.
   */
  beginAnswer(callId: string, clientId: string, deskName?: string): AnsweringCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state !== 'ringing') throw callConflict(call, clientId)
    const now = this.table.now()
    // The deadline timer may not have run yet on a busy loop: a click after it loses anyway.
    if (now >= call.ringDeadline) {
      throw callConflict(this.table.finish(entry, call, RING_TIMEOUT, now))
    }
    this.table.stopRinging(entry)
    return this.table.publish(entry, {
      ...coreOf(call),
      state: 'answering',
      ...takenBy({ answeredBy: clientId, answeredByDesk: deskName })
    })
  }

  /** answering -> connected, once Graph accepted. Repeating it on a connected call is a no-op. */
  markConnected(callId: string): ConnectedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state === 'connected') return call
    if (call.state !== 'answering') throw callConflict(call)
    return this.table.publish(entry, {
      ...coreOf(call),
      state: 'connected',
      ...takenBy(call),
      connectedAt: this.table.now()
    })
  }

  /** answering -> ended (failed, accept-failed); `sentence` is what the user reads. */
  answerFailed(callId: string, sentence: string | Words): EndedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state !== 'answering') throw callConflict(call)
    return this.table.finish(entry, call, ACCEPT_FAILED, this.table.now(), sentence)
  }

  /** ringing -> ended (declined). */
  decline(callId: string): EndedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state !== 'ringing') throw callConflict(call)
    return this.table.finish(entry, call, DECLINED, this.table.now())
  }

  /**
   * Notes that we asked Graph to end an answering or connected call. The state does not change
   * (nothing is emitted): the terminate webhook, or `markEnded`, finishes the call as 'we-hung-up'.
   */
  hangUp(callId: string): AnsweringCall | ConnectedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state !== 'answering' && call.state !== 'connected') throw callConflict(call)
    entry.weHungUp = true
    return call
  }

  /**
   * Ends a call we hung up once Graph confirmed, without waiting for the webhook. Already ended
   * (the webhook won the race) is fine and returns the ended call.
   */
  markEnded(callId: string): EndedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state === 'ended') return call
    if (call.state === 'ringing') throw callConflict(call)
    return this.table.finish(entry, call, endingOnMarkEnded(call), this.table.now())
  }

  /** answering/connected -> ended (failed, media-failed); `sentence` is what the user reads. */
  mediaFailed(callId: string, sentence: string | Words): EndedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state !== 'answering' && call.state !== 'connected') throw callConflict(call)
    return this.table.finish(entry, call, MEDIA_FAILED, this.table.now(), sentence)
  }

  /** Ends a live call with an outcome and reason chosen by the caller (shutdown, admin actions). */
  endLocally(
    callId: string,
    outcome: CallOutcome,
    reason: EndReason,
    error?: string | Words
  ): EndedCall {
    const entry = this.table.require(callId)
    const call = entry.call
    if (call.state === 'ended') throw callConflict(call)
    return this.table.finish(entry, call, { outcome, reason }, this.table.now(), error)
  }

  /**
   * Makes a call live again that was connected when a previous run died (core/journal restores
   * it), so a desk's hang up and Meta's terminate still find it. A call already known is left.
   */
  restore(call: ConnectedCall): ConnectedCall | undefined {
    if (this.disposed) return undefined
    this.table.prune()
    if (this.table.find(call.id)) return undefined
    return this.table.publish(this.table.create(call), call)
  }

  /** Ends every live call (on quit): connected ones completed, the others missed. */
  endAllLive(reason: EndReason = 'shutdown'): EndedCall[] {
    const ended: EndedCall[] = []
    for (const entry of this.table.all()) {
      const call = entry.call
      if (call.state === 'ended') continue
      ended.push(this.table.finish(entry, call, endingOnShutdown(call, reason), this.table.now()))
    }
    return ended
  }

  /**
   * Merges the caller's profile (it arrives after the connect) and re-emits `call`. Works on
   * ended calls too, so a short missed call still gets its name; `ended` is not re-emitted.
   * Nothing is emitted when nothing changed.
   */
  updateCaller(callId: string, info: CallerInfo): Call {
    const entry = this.table.require(callId)
    const call = entry.call
    const name = info.name ?? call.caller.name
    const photo = info.photo ?? call.caller.photo
    if (name === call.caller.name && photo === call.caller.photo) return call
    return this.table.publish(entry, { ...call, caller: { ...call.caller, name, photo } })
  }

  /** A live call, or an ended one still kept as a tombstone. */
  get(callId: string): Call | undefined {
    this.table.prune()
    return this.table.find(callId)?.call
  }

  /** Live calls, oldest first; with `includeEnded`, also the recently ended ones. */
  list(options: { includeEnded?: boolean } = {}): Call[] {
    this.table.prune()
    return this.table
      .all()
      .map((entry) => entry.call)
      .filter((call) => options.includeEnded === true || call.state !== 'ended')
      .sort((a, b) => a.startedAt - b.startedAt)
  }

  /** Stops every timer and listener; later events are ignored. Emits nothing. */
  dispose(): void {
    this.disposed = true
    this.table.clear()
  }
}
