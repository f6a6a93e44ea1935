export { CallRegistry, DEFAULT_RING_TIMEOUT_MS, DEFAULT_TOMBSTONE_MS } from './registry'
export type {
  CallerInfo,
  CallRegistryEvents,
  CallRegistryOptions,
  OutboundCallInput,
  TimerApi
} from './registry'
export { CallStateError, endedSentence } from './errors'
export { endCallsOnStop, END_ON_STOP_MS } from './end-on-stop'
export type { CallStateErrorCode } from './errors'
export type { Ending, LiveCall } from './outcomes'
export { routeWebhookEvents } from './route-webhook-events'
export type { CallBackRoute, OutboundRoute, WebhookRoutes } from './route-webhook-events'
