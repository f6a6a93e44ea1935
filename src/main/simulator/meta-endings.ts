/**
 * How a call ends in the simulator, as on Meta: every ending in the fake Graph (business terminate
 * or reject, the caller hanging up, the ring limit, a media failure) is followed by a signed
 * `terminate` webhook with Meta's status and times; a call's ending is known once it went out.
 */
import type { Logger } from '../core/log'
import type { EndSummary, EndedBy, FakeGraph, WebhookSender } from './platform'

/** A call's end as Meta saw it, once its `terminate` webhook has been delivered. */
export interface SimEnding {
  callId: string
  by: EndedBy
  summary: EndSummary
  /** HTTP status of each delivery of the terminate webhook (0: no answer). */
  webhookStatuses: number[]
}

export interface MetaEndingsOptions {
  graph: Pick<FakeGraph, 'on'>
  sender: Pick<WebhookSender, 'deliver' | 'terminateDelivery'>
  /** The call ended in the fake Graph (its webhook is on its way). */
  onEnded: (callId: string) => void
  /** Keeps the delivery in flight until it settles, so closing waits for it. */
  track: <T>(work: Promise<T>) => Promise<T>
  log: Logger
}

/** Resolves when the call has ended in the fake Graph and its terminate webhook went out. */
export type WhenEnded = (callId: string) => Promise<SimEnding>

export function deliverEndings(options: MetaEndingsOptions): WhenEnded {
  const { graph, sender, log } = options
  const endings = new Map<
    string,
    { promise: Promise<SimEnding>; resolve: (e: SimEnding) => void }
  >()

  const endingOf = (callId: string) => {
    let entry = endings.get(callId)
    if (!entry) {
      let resolve: (ending: SimEnding) => void = () => undefined
      const promise = new Promise<SimEnding>((done) => (resolve = done))
      entry = { promise, resolve }
      endings.set(callId, entry)
    }
    return entry
  }

  graph.on('terminated', ({ callId, by, summary }) => {
    options.onEnded(callId)
    const delivery = sender
      .deliver(sender.terminateDelivery({ callId, ...summary }))
      .then((webhookStatuses) => {
        log.info('call ended', { callId, by, status: summary.status, webhookStatuses })
        endingOf(callId).resolve({ callId, by, summary, webhookStatuses })
      })
    void options.track(delivery)
  })

  return (callId) => endingOf(callId).promise
}
