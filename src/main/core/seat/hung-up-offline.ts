/**
 * Calls this seat hung up while its hub was offline (issue #13, item 8). The seat's audio stopped
 * at once and the hang up waits in the queue (hang-up-queue.ts), so the seat's windows leave the
 * call at once: they are shown it ended here, as the hub will record it. Until the hub's own end
 * of the call arrives, any other news of it (the hub, restarted, restored it live) is shown as
 * that same end, so the call view does not come back. The hub's end is passed on as it is: the
 * hub's history is the one record, this is only what the seat's windows are shown meanwhile.
 */
import type { AnsweringCall, Call, ConnectedCall, EndedCall } from '../../../shared/calls'
import { endingOnMarkEnded } from '../calls/outcomes'
import { toEnded } from '../calls/snapshots'

/** Calls remembered at most; far more than a desk has live at once. */
const KEPT = 500

type TakenCall = AnsweringCall | ConnectedCall

export class HungUpOffline {
  /** The calls some desk took, as the hub last told them: what an end here is made from. */
  private readonly taken = new Map<string, TakenCall>()
  /** The calls hung up here whose end the hub has not told yet. */
  private readonly endedHere = new Map<string, EndedCall>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Follows every call update from the hub; returns the call as this desk's windows see it. */
  shown(call: Call): Call {
    if (call.state === 'ended' || call.state === 'ringing') {
      this.taken.delete(call.id)
      if (call.state === 'ended') this.endedHere.delete(call.id)
      return call
    }
    const ended = this.endedHere.get(call.id)
    if (ended) return ended
    remember(this.taken, call.id, call)
    return call
  }

  /**
   * This desk's hang up of the call is queued: the call's end as shown here from now on, or
   * undefined for a call not taken (as far as the hub last told), which nothing here shows live.
   */
  hungUp(callId: string): EndedCall | undefined {
    const call = this.taken.get(callId)
    if (!call) return undefined
    this.taken.delete(callId)
    const ended = toEnded(call, endingOnMarkEnded(call), this.now())
    remember(this.endedHere, callId, ended)
    return ended
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > KEPT) {
    const oldest = map.keys().next().value
    if (oldest !== undefined) map.delete(oldest)
  }
}
