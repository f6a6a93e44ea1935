/**
 * The simulator's "Meta platform": a fake Graph API server and a signed webhook sender.
 * Plain Node; the app under test only ever meets it over HTTP.
 */
export { createFakeGraph, DEFAULT_PROFILES, DEFAULT_TOKEN_SCOPES } from './fake-graph'
export type { FakeGraph, FakeGraphOptions, PermissionAnswer } from './fake-graph'
export { createWebhookSender } from './webhook-sender'
export type {
  DeliverAllOptions,
  DeliverOptions,
  DeliveryAttempt,
  SignatureMode,
  WebhookSender,
  WebhookSenderOptions
} from './webhook-sender'
export { batch, batchCalls, deliveryBuilders } from './payloads'
export type {
  CallStatusParams,
  ConnectParams,
  Delivery,
  DeliveryBuilders,
  DeliveryEntry,
  MediaUpdateParams,
  MessageParams,
  PermissionReplyParams,
  TerminateParams
} from './payloads'
export type { FakeGraphEvents, EndedBy } from './events'
export { endSummary } from './call-book'
export type { EndSummary, SimCall, SimCallState, SimDirection } from './call-book'
export type {
  AppMode,
  CallSettingsShape,
  CallSettingsState,
  MediaPeer,
  RingTarget,
  SdpShape,
  SimProfile
} from './world'
export type { FaultMatch, InjectedError, RecordedRequest } from './faults'
export { appsecretProof } from './auth'
export { signatureSha256 } from './sign'
export { newCallId } from './ids'
