/**
 * The short road from a webhook delivery to the registry. Customers' calls go straight to the
 * registry; only what may be an outbound call's goes through the call-back dialer, which must see
 * it to hold events that beat its `connect` POST and to drop those of calls placed elsewhere
 * (callback/outbound-dialer). Call-back is optional: without it, everything goes to the registry.
 */
import type { CallEvent, WebhookEvent } from '../../../shared/webhook'
import type { Logger } from '../log'
import type { CallRegistry } from './registry'

/** The dialer as the router sees it (callback/outbound-dialer's `OutboundInbox`). */
export interface OutboundRoute {
  handleEvent(event: CallEvent, pageId: string | undefined, receivedAt: number): void
  /** A connect POST is awaiting its call id. */
  placementInFlight(): boolean
  /** An outbound call not placed here: the dialer drops its events. */
  disowns(callId: string): boolean
}

export type PermissionReplyEvent = Extract<WebhookEvent, { kind: 'call_permission_reply' }>

/** Calling back, as the router sees it (callback/call-back's `CallBack`). */
export interface CallBackRoute {
  readonly outbound: OutboundRoute
  handlePermissionReply(reply: PermissionReplyEvent): void
}

export interface WebhookRoutes {
  registry: Pick<CallRegistry, 'handleEvent' | 'get'>
  /** Absent when the core runs without calling back. */
  callBack?: CallBackRoute | undefined
  /** The connected Page; events for another Page are ignored. */
  pageId: () => string | undefined
  logger: Logger
}

export function routeWebhookEvents(
  events: readonly WebhookEvent[],
  receivedAt: number,
  routes: WebhookRoutes
): void {
  const page = routes.pageId()
  for (const item of events) {
    // One app can serve several Pages; only this Page's calls ring here.
    if (item.pageId && page && item.pageId !== page) {
      routes.logger.warn('ignored an event for another Page', { pageId: item.pageId })
      continue
    }
    if (item.kind === 'call_permission_reply') {
      if (routes.callBack) routes.callBack.handlePermissionReply(item)
      else routes.logger.debug('call permission reply ignored: no call back here')
      continue
    }
    const pageId = item.pageId ?? page
    const outbound = routes.callBack?.outbound
    if (outbound && isOutbound(item.event, outbound, routes.registry)) {
      outbound.handleEvent(item.event, pageId, receivedAt)
    } else {
      routes.registry.handleEvent(item.event, pageId, receivedAt)
    }
  }
}

/** Could this event be an outbound call's (placed here, being placed, or placed elsewhere)? */
function isOutbound(
  event: CallEvent,
  outbound: OutboundRoute,
  registry: WebhookRoutes['registry']
): boolean {
  if (event.event === 'call_status') return true
  if (event.event === 'connect') return event.call_direction === 'business_initiated'
  if (event.id === undefined) return false
  if (outbound.disowns(event.id)) return true
  // The POST has not told its call's id yet: an id nobody knows may be that call's.
  return outbound.placementInFlight() && registry.get(event.id) === undefined
}
