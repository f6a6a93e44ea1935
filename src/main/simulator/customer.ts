/**
 * The customer's side of a call back (docs section 7), played like Meta would relay it: they answer
 * the `calling_optin` request (a `call_permission_reply` webhook), their phone rings for the
 * business's call (`call_status: ringing`), they pick up (`call_status: accepted`, then they talk)
 * or let it ring out. Each step happens on its own after a delay, or only when a test says so.
 */
import type { Logger } from '../core/log'
import type { SimulatedCaller } from './caller'
import type { FakeGraph, WebhookSender } from './platform'

export interface CustomerBehaviour {
  /** How a `calling_optin` request is answered: by itself after a delay, or only when told. */
  permissionReply?: 'approve' | 'reject' | 'manual' | undefined
  permissionReplyDelayMs?: number | undefined
  /** What the customer does when the business calls: pick up or decline after a delay, or wait. */
  incomingCall?: 'pick-up' | 'decline' | 'manual' | undefined
  /** How long the phone rings before the customer picks up or declines. */
  ringMs?: number | undefined
  /** Send `call_status` without the call's `id`, as Meta's own example shows it. */
  callStatusWithoutId?: boolean | undefined
}

export interface DialedCall {
  callId: string
  psid: string
}

export interface CustomerSide {
  /** The customer answers the permission request; resolves once the webhook was delivered. */
  replyToPermissionRequest(
    psid: string,
    response: 'approve' | 'reject',
    options?: { ttlSeconds?: number }
  ): Promise<number[]>
  /** The next call the business places (now, or the one placed last if none came since). */
  nextDial(): Promise<DialedCall>
  /** The customer picks up a business call: `call_status: accepted`, then they talk. */
  pickUp(callId: string): Promise<number[]>
  dispose(): void
}

export interface CustomerDeps {
  graph: FakeGraph
  sender: WebhookSender
  callerOf(callId: string): SimulatedCaller | undefined
  /** Meta's limit for an unanswered call. */
  ringLimitMs: number
  behaviour: CustomerBehaviour
  /** Keeps a delivery counted until the simulator closes. */
  track<T>(work: Promise<T>): Promise<T>
  log: Logger
}

const DEFAULT_REPLY_DELAY_MS = 1_000
const DEFAULT_RING_MS = 1_500

export function startCustomer(deps: CustomerDeps): CustomerSide {
  const { graph, sender, behaviour, log } = deps
  const timers = new Set<NodeJS.Timeout>()
  const dials: DialedCall[] = []
  const waiting: ((call: DialedCall) => void)[] = []

  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      action()
    }, ms)
    // A simulator left running must not hold a process open.
    timer.unref()
    timers.add(timer)
  }

  const ringing = (callId: string): boolean => graph.calls.get(callId)?.state === 'ringing'

  const sendStatus = (callId: string, status: 'ringing' | 'accepted', psid: string) => {
    const delivery = sender.callStatusDelivery({ callId, status, recipientId: psid })
    if (behaviour.callStatusWithoutId) {
      for (const entry of delivery.entry) for (const call of entry.calls ?? []) delete call['id']
    }
    return deps.track(sender.deliver(delivery))
  }

  const replyToPermissionRequest: CustomerSide['replyToPermissionRequest'] = (
    psid,
    response,
    options
  ) => {
    const answer = graph.answerPermissionRequest(psid, response, options)
    log.info('customer answered the permission request', { response })
    return deps.track(
      sender.deliver(
        sender.permissionReplyDelivery({
          psid,
          response,
          expiration_timestamp: answer.expiration_timestamp
        })
      )
    )
  }

  const pickUp = (callId: string): Promise<number[]> => {
    const call = graph.calls.pickUp(callId)
    deps.callerOf(callId)?.startTalking()
    return sendStatus(callId, 'accepted', call.psid)
  }

  const onPermissionRequested = ({ psid }: { psid: string }): void => {
    const reply = behaviour.permissionReply ?? 'manual'
    if (reply === 'manual') return
    later(behaviour.permissionReplyDelayMs ?? DEFAULT_REPLY_DELAY_MS, () => {
      void replyToPermissionRequest(psid, reply).catch((error: unknown) =>
        log.warn('permission reply not delivered', { error: String(error) })
      )
    })
  }

  const onDialed = ({ callId, psid }: { callId: string; psid: string }): void => {
    const dial = { callId, psid }
    const waiter = waiting.shift()
    if (waiter) waiter(dial)
    else dials.push(dial)
    // The phone rings: Meta says so at once, possibly before the business has its call id.
    void sendStatus(callId, 'ringing', psid)
    later(deps.ringLimitMs, () => {
      if (ringing(callId)) graph.calls.terminate(callId, 'timeout')
    })
    const action = behaviour.incomingCall ?? 'manual'
    if (action === 'manual') return
    later(behaviour.ringMs ?? DEFAULT_RING_MS, () => {
      if (!ringing(callId)) return
      if (action === 'decline') graph.calls.hangUp(callId)
      else void pickUp(callId).catch((error: unknown) => log.warn('pick-up failed', { error }))
    })
  }

  graph.on('permissionRequested', onPermissionRequested)
  graph.on('dialed', onDialed)

  return {
    replyToPermissionRequest,
    nextDial: () => {
      const placed = dials.shift()
      if (placed) return Promise.resolve(placed)
      return new Promise((resolve) => waiting.push(resolve))
    },
    pickUp,
    dispose() {
      graph.off('permissionRequested', onPermissionRequested)
      graph.off('dialed', onDialed)
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    }
  }
}
