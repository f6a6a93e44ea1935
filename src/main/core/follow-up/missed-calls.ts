/**
 * The follow-up port (issue 16): the one place a missed call is announced, and what became of the
 * reply to it. Detection (./missed-call-detection) announces; the reply (./missed-reply) and the
 * To call back list (./call-back-tasks) listen. Neither listener reaches into the other: they meet
 * here, over the types in src/shared/follow-up.ts.
 *
 * A call is announced at most once per call id, whatever Meta's retries or a restart replay: the
 * ids already announced are asked of `announced` (persisted by the reply state, see
 * ./missed-reply-state) besides the ids this run has seen.
 */
import type { MissedCall, ReplyOutcome } from '../../../shared/follow-up'
import type { Logger } from '../log'
import { silentLogger } from '../log'
import { TypedEmitter } from '../shared/typed-emitter'

export type MissedCallListener = (missed: MissedCall) => void
export type ReplyOutcomeListener = (callId: string, psid: string, outcome: ReplyOutcome) => void

/** What a follow-up consumer (the To call back list, a test) subscribes to. */
export interface FollowUpPort {
  /** Once per missed call id. Returns the function that unsubscribes. */
  onMissedCall(listener: MissedCallListener): () => void
  /** Once per announced call, after the reply was sent, refused or skipped. */
  onReplyOutcome(listener: ReplyOutcomeListener): () => void
}

interface FollowUpEvents {
  missed: MissedCall
  outcome: { callId: string; psid: string; outcome: ReplyOutcome }
}

export interface MissedCallsOptions {
  /** Whether a previous run announced this call already (the persisted record). */
  announcedBefore?: ((callId: string) => boolean) | undefined
  logger?: Logger | undefined
}

/** Calls this run remembers having announced; older ones fall to `announcedBefore`. */
const REMEMBERED_IDS = 1_000

export class MissedCalls implements FollowUpPort {
  private readonly emitter: TypedEmitter<FollowUpEvents>
  private readonly announced = new Set<string>()
  private readonly announcedBefore: (callId: string) => boolean

  constructor(options: MissedCallsOptions = {}) {
    const log = (options.logger ?? silentLogger).child('follow-up')
    this.emitter = new TypedEmitter((error, event) =>
      log.error('a follow-up listener failed', { event, error: String(error) })
    )
    this.announcedBefore = options.announcedBefore ?? (() => false)
  }

  onMissedCall(listener: MissedCallListener): () => void {
    return this.emitter.on('missed', listener)
  }

  onReplyOutcome(listener: ReplyOutcomeListener): () => void {
    return this.emitter.on('outcome', ({ callId, psid, outcome }) =>
      listener(callId, psid, outcome)
    )
  }

  /** Announces a missed call; false (and nothing emitted) when this call was announced before. */
  announce(missed: MissedCall): boolean {
    if (this.announced.has(missed.callId) || this.announcedBefore(missed.callId)) return false
    this.announced.add(missed.callId)
    if (this.announced.size > REMEMBERED_IDS) {
      const oldest = this.announced.values().next().value
      if (oldest !== undefined) this.announced.delete(oldest)
    }
    this.emitter.emit('missed', missed)
    return true
  }

  /** Tells every listener what became of the reply to an announced call. */
  reportOutcome(callId: string, psid: string, outcome: ReplyOutcome): void {
    this.emitter.emit('outcome', { callId, psid, outcome })
  }

  dispose(): void {
    this.emitter.clear()
    this.announced.clear()
  }
}
