/**
 * What the core told its clients during a scenario: every `callUpdated` and `historyAdded`, kept
 * per call, with waits for a call to reach a state. Subscribed before the first call is placed,
 * so no event can slip past between placing a call and waiting for it to ring.
 */
import type { Call, CallState, HistoryRecord } from '../../../shared/calls'
import type { CoreClient } from './types'

interface Waiter {
  callId: string
  test: (call: Call) => boolean
  resolve: (call: Call) => void
}

export class CallWatch {
  private readonly updates = new Map<string, Call[]>()
  private readonly records = new Map<string, HistoryRecord[]>()
  private readonly waiters = new Set<Waiter>()
  private readonly historyWaiters = new Set<{ callId: string; resolve: () => void }>()
  private readonly unsubscribe: (() => void)[]

  constructor(core: Pick<CoreClient, 'on'>) {
    this.unsubscribe = [
      core.on('callUpdated', (call) => this.onCall(call)),
      core.on('historyAdded', (record) => this.onRecord(record))
    ]
  }

  /** Every update of the call seen so far, oldest first. */
  updatesOf(callId: string): Call[] {
    return [...(this.updates.get(callId) ?? [])]
  }

  latest(callId: string): Call | undefined {
    return this.updates.get(callId)?.at(-1)
  }

  /** The states the call went through, a repeated state (a caller's name arriving) shown once. */
  statesOf(callId: string): CallState[] {
    const states: CallState[] = []
    for (const call of this.updates.get(callId) ?? []) {
      if (states.at(-1) !== call.state) states.push(call.state)
    }
    return states
  }

  historyOf(callId: string): HistoryRecord[] {
    return [...(this.records.get(callId) ?? [])]
  }

  /** Resolves with the first update (already seen or still to come) that passes `test`. */
  until(
    callId: string,
    test: (call: Call) => boolean,
    timeoutMs: number,
    what = 'the expected state'
  ): Promise<Call> {
    const seen = this.updates.get(callId)?.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        callId,
        test,
        resolve: (call) => {
          clearTimeout(timer)
          this.waiters.delete(waiter)
          resolve(call)
        }
      }
      const timer = setTimeout(() => {
        this.waiters.delete(waiter)
        const last = this.latest(callId)
        reject(
          new Error(
            `The core did not show ${what} within ${timeoutMs} ms (last seen: ${last ? describeCall(last) : 'nothing'})`
          )
        )
      }, timeoutMs)
      this.waiters.add(waiter)
    })
  }

  /** Resolves when the call reaches `state`. */
  untilState(callId: string, state: CallState, timeoutMs: number): Promise<Call> {
    return this.until(callId, (call) => call.state === state, timeoutMs, `the call ${state}`)
  }

  /** Resolves with the call's history record once the core has announced it. */
  async untilHistory(callId: string, timeoutMs: number): Promise<HistoryRecord> {
    const existing = this.records.get(callId)?.at(-1)
    if (existing) return existing
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        callId,
        resolve: () => {
          clearTimeout(timer)
          this.historyWaiters.delete(waiter)
          resolve()
        }
      }
      const timer = setTimeout(() => {
        this.historyWaiters.delete(waiter)
        reject(new Error(`The core wrote no history record for the call within ${timeoutMs} ms`))
      }, timeoutMs)
      this.historyWaiters.add(waiter)
    })
    const record = this.records.get(callId)?.at(-1)
    if (!record) throw new Error('history record vanished')
    return record
  }

  close(): void {
    for (const off of this.unsubscribe.splice(0)) off()
    this.waiters.clear()
    this.historyWaiters.clear()
  }

  private onCall(call: Call): void {
    const list = this.updates.get(call.id) ?? []
    list.push(call)
    this.updates.set(call.id, list)
    for (const waiter of [...this.waiters]) {
      if (waiter.callId === call.id && waiter.test(call)) waiter.resolve(call)
    }
  }

  private onRecord(record: HistoryRecord): void {
    const list = this.records.get(record.callId) ?? []
    list.push(record)
    this.records.set(record.callId, list)
    for (const waiter of [...this.historyWaiters]) {
      if (waiter.callId === record.callId) waiter.resolve()
    }
  }
}

/** "ended (completed, caller-hung-up)" or "ringing". */
export function describeCall(call: Call): string {
  return call.state === 'ended' ? `ended (${call.outcome}, ${call.reason})` : call.state
}
