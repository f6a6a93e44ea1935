/**
 * Meta's side of each call: who it is with and where it stands. The Graph routes ask it whether an
 * action is allowed (with Meta's wording when it is not); the scenario layer drives the caller's
 * side (ring, pick up, hang up) and listens for endings to send `terminate` webhooks.
 */
import type { EventEmitter } from 'node:events'
import type { EndedBy, FakeGraphEvents } from './events'
import { invalidParam, type GraphError } from './graph-error'
import { newCallId, nowSeconds } from './ids'

export type SimCallState =
  'ringing' | 'accepted' | 'rejected' | 'terminated' | 'completed' | 'failed'
export type SimDirection = 'user_initiated' | 'business_initiated'
export type BusinessAction = 'accept' | 'reject' | 'terminate'

export interface SimCall {
  id: string
  direction: SimDirection
  psid: string
  state: SimCallState
  /** Unix seconds. */
  createdAt: number
  acceptedAt?: number
  endedAt?: number
  endedBy?: EndedBy
  offer?: string
  answer?: string
  renegotiation?: string
}

/** The fields of the `terminate` webhook for an ended call. */
export interface EndSummary {
  status: 'Completed' | 'Failed'
  start_time: number
  end_time: number
  /** Talk time: 0 for a call that was never answered. */
  duration: number
}

const ALREADY_ACCEPTED = 'Call has already been accepted'
const ALREADY_REJECTED = 'Call has already been rejected'
const ALREADY_TERMINATED = 'Call has already been terminated'

/** Why Meta refuses a business action in a given state (`null`: allowed), in the docs' words. */
const REFUSALS: Record<BusinessAction, Record<SimCallState, string | null>> = {
  accept: {
    ringing: null,
    accepted: ALREADY_ACCEPTED,
    rejected: ALREADY_REJECTED,
    terminated: ALREADY_TERMINATED,
    completed: ALREADY_TERMINATED,
    failed: 'Cannot accept a failed call'
  },
  reject: {
    ringing: null,
    accepted: 'Cannot reject a call that has already been accepted',
    rejected: ALREADY_REJECTED,
    terminated: ALREADY_TERMINATED,
    completed: 'Cannot reject a completed call',
    failed: 'Cannot reject a failed call'
  },
  terminate: {
    // Terminating a business call that still rings cancels it.
    ringing: null,
    accepted: null,
    rejected: ALREADY_REJECTED,
    terminated: ALREADY_TERMINATED,
    completed: 'Cannot terminate a completed call',
    failed: 'Cannot terminate a failed call'
  }
}

export function isLiveState(state: SimCallState): boolean {
  return state === 'ringing' || state === 'accepted'
}

export function endSummary(call: SimCall): EndSummary {
  const end = call.endedAt ?? nowSeconds()
  const start = call.acceptedAt ?? call.createdAt
  return {
    status: call.state === 'failed' ? 'Failed' : 'Completed',
    start_time: start,
    end_time: end,
    duration: call.acceptedAt === undefined ? 0 : Math.max(0, end - call.acceptedAt)
  }
}

export class CallBook {
  private readonly calls = new Map<string, SimCall>()
  private readonly ringTimers = new Map<string, NodeJS.Timeout>()
  /** Accepts waiting on the media peer: a second accept must not start another answer. */
  private readonly accepting = new Set<string>()

  constructor(
    private readonly events: EventEmitter<FakeGraphEvents>,
    /** Meta gives up on an unanswered call after 60 s; 0 turns the timer off. */
    private readonly ringTimeoutMs: number
  ) {}

  get(callId: string): SimCall | undefined {
    return this.calls.get(callId)
  }

  list(): SimCall[] {
    return [...this.calls.values()]
  }

  /** A customer presses "call": a user-initiated call rings (send the connect webhook yourself). */
  ring(psid: string, callId: string = newCallId()): SimCall {
    if (this.calls.has(callId)) throw new Error(`call ${callId} already exists`)
    const call: SimCall = {
      id: callId,
      direction: 'user_initiated',
      psid,
      state: 'ringing',
      createdAt: nowSeconds()
    }
    this.calls.set(callId, call)
    this.startRingTimer(call)
    this.events.emit('ringing', { callId, psid })
    return call
  }

  /** The business placed a call that now rings on the customer's phone. */
  dialed(callId: string, psid: string, offer: string, answer: string): SimCall {
    const call: SimCall = {
      id: callId,
      direction: 'business_initiated',
      psid,
      state: 'ringing',
      createdAt: nowSeconds(),
      offer,
      answer
    }
    this.calls.set(callId, call)
    this.startRingTimer(call)
    this.events.emit('dialed', { callId, psid, offer })
    return call
  }

  /** The Graph error for a business action on this call, or undefined when Meta would allow it. */
  refusal(call: SimCall, action: BusinessAction): GraphError | undefined {
    if (action !== 'terminate' && call.direction === 'business_initiated')
      return invalidParam(`Cannot ${action} a business-initiated call`)
    if (action === 'accept' && this.accepting.has(call.id)) return invalidParam(ALREADY_ACCEPTED)
    const reason = REFUSALS[action][call.state]
    return reason === null ? undefined : invalidParam(reason)
  }

  /** Marks an accept in progress, so a second one is refused while the media peer answers. */
  beginAccept(callId: string): void {
    this.accepting.add(callId)
  }

  endAccept(callId: string): void {
    this.accepting.delete(callId)
  }

  accepted(call: SimCall, offer: string, answer: string, renegotiation?: string): void {
    this.stopRingTimer(call.id)
    Object.assign(call, {
      state: 'accepted',
      acceptedAt: nowSeconds(),
      offer,
      answer,
      renegotiation
    })
    this.events.emit('accepted', {
      callId: call.id,
      offer,
      answer,
      ...(renegotiation === undefined ? {} : { renegotiation })
    })
  }

  /** The customer answers a business-initiated call. */
  pickUp(callId: string): SimCall {
    const call = this.live(callId)
    if (call.direction !== 'business_initiated' || call.state !== 'ringing')
      throw new Error(`call ${callId} is not a ringing business-initiated call`)
    this.stopRingTimer(callId)
    call.state = 'accepted'
    call.acceptedAt = nowSeconds()
    this.events.emit('pickedUp', { callId })
    return call
  }

  rejected(call: SimCall): void {
    this.events.emit('rejected', { callId: call.id })
    this.end(call, 'rejected', 'business')
  }

  /** Ends a live call: `completed` once it was accepted, `terminated` while it still rang. */
  terminate(callId: string, by: EndedBy): SimCall {
    const call = this.live(callId)
    this.end(call, call.state === 'accepted' ? 'completed' : 'terminated', by)
    return call
  }

  /** The customer hangs up (or declines a business call). */
  hangUp(callId: string): SimCall {
    return this.terminate(callId, 'user')
  }

  /** Meta reports the call as `Failed` (media never connected, network loss). */
  fail(callId: string): SimCall {
    const call = this.live(callId)
    this.end(call, 'failed', 'failure')
    return call
  }

  dispose(): void {
    for (const timer of this.ringTimers.values()) clearTimeout(timer)
    this.ringTimers.clear()
  }

  private live(callId: string): SimCall {
    const call = this.calls.get(callId)
    if (!call) throw new Error(`unknown call ${callId}`)
    if (!isLiveState(call.state)) throw new Error(`call ${callId} already ended (${call.state})`)
    return call
  }

  private end(call: SimCall, state: SimCallState, by: EndedBy): void {
    this.stopRingTimer(call.id)
    call.state = state
    call.endedAt = nowSeconds()
    call.endedBy = by
    this.events.emit('terminated', { callId: call.id, by, call, summary: endSummary(call) })
  }

  private startRingTimer(call: SimCall): void {
    if (this.ringTimeoutMs <= 0) return
    const timer = setTimeout(() => {
      this.ringTimers.delete(call.id)
      if (call.state === 'ringing') this.end(call, 'terminated', 'timeout')
    }, this.ringTimeoutMs)
    // A simulator left running must not keep a test process alive for a minute.
    timer.unref()
    this.ringTimers.set(call.id, timer)
  }

  private stopRingTimer(callId: string): void {
    const timer = this.ringTimers.get(callId)
    if (timer) clearTimeout(timer)
    this.ringTimers.delete(callId)
  }
}
