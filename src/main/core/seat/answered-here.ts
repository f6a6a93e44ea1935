/**
 * Which of this seat's own clients answered (or placed) a call. The hub knows the seat as one
 * client, so its calls name the seat's link as `answeredBy`; each window of the seat must instead
 * see its own id on the call it answered and "answered elsewhere" on the others.
 */
import type { Call } from '../../../shared/calls'

/** Calls remembered at most; far more than a desk has live or recently ended. */
const KEPT = 500

export class AnsweredHere {
  private readonly byCall = new Map<string, string>()
  /**
   * The seat link's client ids at the hub (from the hub's hellos), one per connection: a call
   * answered before the link dropped, or before the hub restarted, still names an earlier one.
   */
  private readonly hubClientIds = new Set<string>()
  /** Calls answered here that the hub has not yet said ended. */
  private readonly live = new Set<string>()

  /** Set before the accept is sent: the hub's "answering" event can arrive before its reply. */
  claim(callId: string, localClientId: string): void {
    this.byCall.delete(callId)
    this.byCall.set(callId, localClientId)
    if (this.byCall.size > KEPT) {
      const oldest = this.byCall.keys().next().value
      if (oldest !== undefined) this.byCall.delete(oldest)
    }
  }

  /** The accept or the call failed: another desk (or nobody) answered it. */
  release(callId: string, localClientId: string): void {
    if (this.byCall.get(callId) === localClientId) this.byCall.delete(callId)
  }

  knowHubClient(id: string): void {
    this.hubClientIds.add(id)
    if (this.hubClientIds.size > KEPT) {
      const oldest = this.hubClientIds.values().next().value
      if (oldest !== undefined) this.hubClientIds.delete(oldest)
    }
  }

  /** The call as this seat's clients see it. */
  localView(call: Call): Call {
    const local = this.here(call)
    return local === undefined ? call : ({ ...call, answeredBy: local } as Call)
  }

  /**
   * Follows each call as the hub last told it: the ones answered (or placed) here and not ended
   * are this desk's live calls, known also while the hub cannot be reached (media goes on then).
   */
  follow(call: Call): void {
    if (call.state !== 'ended' && this.here(call) !== undefined) this.live.add(call.id)
    else this.live.delete(call.id)
  }

  /** The hub no longer knows these calls (it restarted without them): none of them goes on. */
  keepOnly(callIds: readonly string[]): void {
    for (const id of this.live) if (!callIds.includes(id)) this.live.delete(id)
  }

  /** The calls answered here that have not ended, as last heard. */
  liveHere(): string[] {
    return [...this.live]
  }

  /** The local client that answered this call, when it was answered here. */
  private here(call: Call): string | undefined {
    const local = this.byCall.get(call.id)
    const answeredBy = 'answeredBy' in call ? call.answeredBy : undefined
    if (local === undefined || answeredBy === undefined) return undefined
    if (this.hubClientIds.size > 0 && !this.hubClientIds.has(answeredBy)) return undefined
    return local
  }
}
