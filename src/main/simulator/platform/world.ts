/**
 * The fake platform's state, shared by every route: the Page, the app, people, calls, settings and
 * subscriptions. Routes change it; the `FakeGraph` handle exposes it to tests and scenarios.
 */
import type { EventEmitter } from 'node:events'
import type { Logger } from '../../core/log'
import type { Credentials, TokenKind } from './auth'
import type { CallBook } from './call-book'
import type { FakeGraphEvents } from './events'
import type { Params } from './params'

export interface SimProfile {
  first_name: string
  last_name: string
  /** Omitted: a PNG served by the fake server itself. `null`: the person has no photo. */
  profile_pic?: string | null
}

/** Meta's media side of a call; the werift `SimulatedCaller` plugs in here. */
export interface MediaPeer {
  answer(callId: string, offerSdp: string): Promise<{ answer: string; renegotiation?: string }>
}

/**
 * How `sdp_response`/`sdp_renegotiation` come back from `accept`: Meta's text shows plain strings,
 * its sample code reads `{sdp_type, sdp}` objects. The app must take both.
 */
export type SdpShape = 'string' | 'object'

/** `messenger_call_settings` arrives bare or inside `data[]`; the app must take both. */
export type CallSettingsShape = 'data' | 'bare'

export type RingTarget = 'PARTNERS' | 'META'

export interface CallSettingsState {
  call_routing: { ring_target: RingTarget }
  icon_enabled: boolean
  audio_enabled: boolean
  video_enabled: boolean
  call_hours?: Record<string, unknown>
  holiday_schedule?: unknown[]
}

export interface AppSubscription {
  object: string
  callback_url: string
  verify_token: string
  fields: string[]
  include_values: boolean
  active: boolean
}

export interface PermissionState {
  /** Unix seconds until which the person allows calls from the Page. */
  grantedUntil?: number
  /** Unix seconds of each `calling_optin` request, for the 2-per-24-h limit. */
  requests: number[]
}

export interface SentMessage {
  messageId: string
  psid: string
  message: Record<string, unknown>
  at: number
  /** `RESPONSE`, `UPDATE`, `MESSAGE_TAG` as sent; absent when the request gave none. */
  messagingType?: string | undefined
}

export interface MetricsReport {
  callId: string
  metrics: unknown
  at: number
}

/** What Meta knows about the Page token, beyond the token itself (see `/debug_token`). */
export interface PageTokenFacts {
  scopes: string[]
  /** Unix seconds; 0: it never expires (a Page token made from a long-lived user token). */
  expiresAt: number
}

export type AppMode = 'live' | 'development'

export interface World {
  pageId: string
  pageName: string
  appId: string
  appName: string
  apiVersion: string
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  baseUrl: string
  credentials: Credentials
  profiles: Map<string, SimProfile>
  calls: CallBook
  events: EventEmitter<FakeGraphEvents>
  mediaPeer: MediaPeer | undefined
  sdpShape: SdpShape
  callSettingsShape: CallSettingsShape
  callSettings: CallSettingsState
  subscriptions: Map<string, AppSubscription>
  pageSubscribedFields: string[]
  permissions: Map<string, PermissionState>
  requireCallPermission: boolean
  /**
   * How long `action: connect` holds its reply after the call rings: Meta's webhooks for the call
   * (`call_status: ringing`) may then reach the app before the call id does.
   */
  connectReplyDelayMs: number
  pageToken: PageTokenFacts
  appMode: AppMode
  messages: SentMessage[]
  /** People whose 24-hour messaging window is closed: a `RESPONSE` to them is refused. */
  closedWindows: Set<string>
  metrics: MetricsReport[]
  handshakeTimeoutMs: number
  logger: Logger
}

export interface RouteContext {
  world: World
  params: Params
  method: string
  /** The first path component after the version: a Page, app or person id. */
  nodeId: string
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE'
  /** The edge after the node id (`calls`), or null for the node itself. */
  edge: string | null
  /** Which node the id must name; `any` lets the handler decide (profiles, the Page, the app). */
  node: 'page' | 'app' | 'any'
  token: TokenKind | ((ctx: RouteContext) => TokenKind)
  handle(ctx: RouteContext): unknown
}

/** A granted call permission that has not run out. */
export function hasCallPermission(world: World, psid: string, now: number): boolean {
  const until = world.permissions.get(psid)?.grantedUntil
  return until !== undefined && until > now
}
