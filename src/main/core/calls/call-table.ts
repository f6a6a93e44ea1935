/**
 * The registry's storage: one entry per call id, the bookkeeping that is not part of the shared
 * `Call` snapshot (ring timer, "we hung up", media version, tombstone expiry), and the one place
 * where a snapshot is published. Both the webhook handlers and the transition methods change calls
 * only through here, so every change is frozen, logged and emitted the same way.
 */
import type { MediaOffer } from '../../../shared/api'
import type { Call, EndedCall } from '../../../shared/calls'
import type { Logger } from '../log'
import { callNotFound } from './errors'
import type { Ending, LiveCall } from './outcomes'
import { freeze, toEnded } from './snapshots'
import { TypedEmitter } from '../shared/typed-emitter'
import type { Words } from '../../../shared/words'

export interface CallRegistryEvents {
  /** Every change of every call, including the first (ringing) and the last (ended). */
  call: Call
  /** Exactly once per call id (within the tombstone time): the history store listens here. */
  ended: EndedCall
  /** Meta's mid-call SDP, only when its version is higher than any seen for the call. */
  mediaOffer: MediaOffer
}

export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface Entry {
  call: Call
  /** The ring deadline timer, while ringing. */
  timer: unknown
  /** `hangUp()` was called: the terminate that follows is ours, not the caller's. */
  weHungUp: boolean
  /** Highest `media_update` version passed on; -1 before the first. */
  mediaVersion: number
  /** Made from a terminate that beat its connect: the late connect may still fill in the caller. */
  provisional: boolean
  /** When an ended call is forgotten (local clock); undefined while it is live. */
  forgetAt: number | undefined
}

export interface CallTableSettings {
  tombstoneMs: number
  now: () => number
  timers: TimerApi
  log: Logger
}

const PRUNE_INTERVAL_MS = 1_000

export class CallTable {
  readonly emitter: TypedEmitter<CallRegistryEvents>
  private readonly entries = new Map<string, Entry>()
  /** Ids of the calls ringing now, kept as they are published: counting them must stay cheap. */
  private readonly ringing = new Set<string>()
  private nextPruneAt = 0

  constructor(private readonly settings: CallTableSettings) {
    this.emitter = new TypedEmitter((error, event) =>
      settings.log.error('a call listener failed', { event, error })
    )
  }

  now(): number {
    return this.settings.now()
  }

  /** The entry, unless it is a tombstone past its time (pruning runs lazily, at most once a second). */
  find(callId: string): Entry | undefined {
    const entry = this.entries.get(callId)
    if (entry?.forgetAt !== undefined && entry.forgetAt <= this.now()) {
      this.entries.delete(callId)
      return undefined
    }
    return entry
  }

  /** The entry, or the not-found refusal a transition method throws. */
  require(callId: string): Entry {
    this.prune()
    const entry = this.find(callId)
    if (!entry) throw callNotFound(callId)
    return entry
  }

  all(): Entry[] {
    const now = this.now()
    return [...this.entries.values()].filter(
      (entry) => entry.forgetAt === undefined || entry.forgetAt > now
    )
  }

  /**
   * Stores a new live call without publishing it: the caller sets up its timer first, so a
   * listener that acts on the first emission already finds the call complete.
   */
  create(call: LiveCall): Entry {
    return this.store(call, false)
  }

  /** Stores and publishes a call that was already over when we first heard of it. */
  createEnded(call: EndedCall, provisional: boolean): EndedCall {
    return this.settle(this.store(call, provisional), call)
  }

  /** How many calls are ringing now. */
  ringingCount(): number {
    return this.ringing.size
  }

  publish<C extends Call>(entry: Entry, call: C): C {
    entry.call = freeze(call)
    if (call.state === 'ringing') this.ringing.add(call.id)
    else this.ringing.delete(call.id)
    this.settings.log.debug('call updated', {
      callId: call.id,
      state: call.state,
      ...(call.state === 'ended' ? { outcome: call.outcome, reason: call.reason } : {})
    })
    this.emitter.emit('call', call)
    return call
  }

  /** Ends a live call: stops its ring, starts its tombstone, emits `call` then `ended`. */
  finish(
    entry: Entry,
    call: LiveCall,
    ending: Ending,
    endedAt: number,
    error?: string | Words
  ): EndedCall {
    this.stopRinging(entry)
    return this.settle(entry, toEnded(call, ending, endedAt, error))
  }

  startRinging(entry: Entry, ms: number, onDeadline: () => void): void {
    this.stopRinging(entry)
    // Timer "ring deadline" (once per ringing call).
    entry.timer = this.settings.timers.setTimeout(() => {
      entry.timer = undefined
      onDeadline()
    }, ms)
  }

  stopRinging(entry: Entry): void {
    if (entry.timer === undefined) return
    this.settings.timers.clearTimeout(entry.timer)
    entry.timer = undefined
  }

  /** Forgets ended calls past their tombstone time; cheap, as there are only ever a few calls. */
  prune(): void {
    const now = this.now()
    // Forgetting tombstones a second late is harmless; scanning every call on every event under a
    // burst of deliveries is not (the webhook benchmark showed it in the ack latency).
    if (now < this.nextPruneAt) return
    this.nextPruneAt = now + PRUNE_INTERVAL_MS
    for (const [id, entry] of this.entries) {
      if (entry.forgetAt !== undefined && entry.forgetAt <= now) this.entries.delete(id)
    }
  }

  /** Stops every timer and listener and forgets every call. */
  clear(): void {
    for (const entry of this.entries.values()) this.stopRinging(entry)
    this.entries.clear()
    this.ringing.clear()
    this.emitter.clear()
  }

  private store(call: Call, provisional: boolean): Entry {
    const entry: Entry = {
      call,
      timer: undefined,
      weHungUp: false,
      mediaVersion: -1,
      provisional,
      forgetAt: undefined
    }
    this.entries.set(call.id, entry)
    return entry
  }

  private settle(entry: Entry, ended: EndedCall): EndedCall {
    entry.forgetAt = this.now() + this.settings.tombstoneMs
    this.publish(entry, ended)
    this.emitter.emit('ended', ended)
    return ended
  }
}
