/**
 * What the fake platform reports as things happen, so the scenario layer can answer like Meta
 * (deliver a `terminate` webhook after a call ends, a `call_status` after an outbound call rings).
 */
import type { SimCall, EndSummary } from './call-book'

export type EndedBy = 'business' | 'user' | 'timeout' | 'failure'

export interface FakeGraphEvents {
  /** A user-initiated call started ringing (`ring()`); the connect webhook is the scenario's job. */
  ringing: [{ callId: string; psid: string }]
  /** The business placed a call (`action: connect`). */
  dialed: [{ callId: string; psid: string; offer: string }]
  /** The business accepted with an offer and got the media peer's answer. */
  accepted: [{ callId: string; offer: string; answer: string; renegotiation?: string }]
  /** The user picked up a business-initiated call. */
  pickedUp: [{ callId: string }]
  rejected: [{ callId: string }]
  /**
   * Every ending (reject, hang-up on either side, ring timeout, failure): Meta sends a `terminate`
   * webhook for each, so this is the one event the scenario layer needs for that.
   */
  terminated: [{ callId: string; by: EndedBy; call: SimCall; summary: EndSummary }]
  /** A `calling_optin` template was sent to this person. */
  permissionRequested: [{ psid: string; messageId: string }]
  /** `POST /{app-id}/subscriptions` passed its verification handshake. */
  subscribed: [{ object: string; callbackUrl: string; fields: string[] }]
  callMetrics: [{ callId: string; metrics: unknown }]
}
