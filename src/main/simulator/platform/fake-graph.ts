/**
 * `createFakeGraph()`: Meta's Graph API for one Page and one app, on loopback. The app under test
 * is pointed at `url` instead of https://graph.facebook.com; tests and the scenario layer drive
 * the customer's side and inject trouble through the returned handle.
 */
import { EventEmitter } from 'node:events'
import type { AddressInfo } from 'node:net'
import { silentLogger, type Logger } from '../../core/log'
import { CallBook } from './call-book'
import type { FakeGraphEvents } from './events'
import { FaultBook, type FaultMatch, type InjectedError, type RecordedRequest } from './faults'
import { nowSeconds } from './ids'
import { buildApp } from './server'
import type {
  AppMode,
  AppSubscription,
  CallSettingsShape,
  CallSettingsState,
  MediaPeer,
  MetricsReport,
  SdpShape,
  SentMessage,
  SimProfile,
  World
} from './world'

export interface FakeGraphOptions {
  pageId: string
  pageName?: string
  pageAccessToken: string
  appId: string
  appName?: string
  appSecret: string
  /** Default `v26.0`; requests to any other version get a Graph error. */
  apiVersion?: string
  /** People who can call, by PSID; default `DEFAULT_PROFILES`. */
  profiles?: Record<string, SimProfile>
  /** Answers the business's SDP offers; without one, accept and connect fail with code 2. */
  mediaPeer?: MediaPeer
  /** Default 'object' (`{sdp_type, sdp}`, as Meta's sample code reads it). */
  sdpShape?: SdpShape
  /** Default 'data' (`{data: [settings]}`). */
  callSettingsShape?: CallSettingsShape
  /** Starting call settings, merged over: PARTNERS, icon and audio on, video off. */
  callSettings?: Partial<CallSettingsState>
  /** Refuse calls without `appsecret_proof` (the app's "Require App Secret" switch). */
  requireAppsecretProof?: boolean
  /** `connect` needs a granted call permission, as on Meta. Default false, to keep tests short. */
  requireCallPermission?: boolean
  /** Hold each `action: connect` reply this long after the call rings (default 0). */
  connectReplyDelayMs?: number
  /** What `/debug_token` says the Page token may do; default every permission the app needs. */
  tokenScopes?: string[]
  /** Unix seconds the Page token expires (0, the default: never). */
  tokenExpiresAt?: number
  /** Default 'live'. */
  appMode?: AppMode
  /** An unanswered call ends after this long; default 60 000 (Meta's limit), 0 for never. */
  ringTimeoutMs?: number
  /** How long the subscription handshake waits for the callback; default 5000. */
  handshakeTimeoutMs?: number
  host?: string
  /** Default 0: any free port. */
  port?: number
  logger?: Logger
}

/** A caller for demos and tests that do not care who calls: the PSID of Meta's own sample. */
export const DEFAULT_PROFILES: Record<string, SimProfile> = {
  '5275811702471834': { first_name: 'Ada', last_name: 'Lovelace' }
}

export interface PermissionAnswer {
  psid: string
  pageId: string
  response: 'approve' | 'reject'
  /** Unix seconds; present when approved. */
  expiration_timestamp?: number
}

export interface FakeGraph {
  /** `http://127.0.0.1:<port>`: give the app this as its Graph host. */
  readonly url: string
  readonly apiVersion: string
  readonly pageId: string
  readonly appId: string
  /** Every request served, oldest first, without credentials. */
  readonly requests: readonly RecordedRequest[]
  clearRequests(): void
  readonly events: EventEmitter<FakeGraphEvents>
  on<K extends keyof FakeGraphEvents>(
    event: K,
    listener: (...args: FakeGraphEvents[K]) => void
  ): void
  off<K extends keyof FakeGraphEvents>(
    event: K,
    listener: (...args: FakeGraphEvents[K]) => void
  ): void
  /** Resolves with the next occurrence of `event`. */
  next<K extends keyof FakeGraphEvents>(event: K): Promise<FakeGraphEvents[K][0]>
  /**
   * Calls, as Meta sees them, and the customer's side of each (ring, pick up, hang up, fail);
   * `terminate(id, 'timeout')` ends a ringing call as Meta's own ring limit does.
   */
  readonly calls: Pick<
    CallBook,
    'get' | 'list' | 'ring' | 'pickUp' | 'hangUp' | 'fail' | 'terminate'
  >
  failNext(match: FaultMatch, error: InjectedError, times?: number): void
  delay(match: FaultMatch, ms: number): () => void
  clearFaults(): void
  /** From now on every use of the Page token gets code 190 (subcode 463). */
  expireToken(): void
  /** A fresh Page token (reconnecting the Page); also ends an `expireToken()`. */
  setPageAccessToken(token: string): void
  setMediaPeer(peer: MediaPeer | undefined): void
  setSdpShape(shape: SdpShape): void
  setCallSettingsShape(shape: CallSettingsShape): void
  readonly callSettings: CallSettingsState
  readonly subscriptions: readonly AppSubscription[]
  readonly pageSubscribedFields: readonly string[]
  readonly messages: readonly SentMessage[]
  /** Closed: Meta refuses a `RESPONSE` to this person (10/2018278); open by default. */
  setMessagingWindow(psid: string, open: boolean): void
  readonly metrics: readonly MetricsReport[]
  addProfile(psid: string, profile: SimProfile): void
  /** Onboarding's trouble, on purpose: what the Page token may do (`/debug_token` scopes). */
  setTokenScopes(scopes: readonly string[]): void
  /** Unix seconds the Page token expires, as `/debug_token` reports it; 0: never. */
  setTokenExpiry(expiresAt: number): void
  /** Development mode: only people with a role on the app could call (not enforced here). */
  setAppMode(mode: AppMode): void
  /** Changes the Page's call settings as the owner would in Meta's tools (ring target, audio...). */
  updateCallSettings(patch: Partial<CallSettingsState>): void
  /** The Page's subscription to the app, as Meta holds it; [] unsubscribes it. */
  setPageSubscribedFields(fields: readonly string[]): void
  /** The person answers a `calling_optin` request; feed the result to `permissionReplyDelivery`. */
  answerPermissionRequest(
    psid: string,
    response: 'approve' | 'reject',
    options?: { ttlSeconds?: number }
  ): PermissionAnswer
  /** Why Meta would not ring this app for the Page's calls, in words; empty when it would. */
  callDeliveryBlockers(): string[]
  /**
   * false: Graph stops listening, so requests to it are refused (ECONNREFUSED) as when the
   * internet is down; true: it listens again on the same address.
   */
  setReachable(reachable: boolean): Promise<void>
  close(): Promise<void>
}

/** What a Page token made for this app usually carries (docs/messenger-calling.md §4). */
export const DEFAULT_TOKEN_SCOPES: readonly string[] = [
  'pages_show_list',
  'pages_messaging',
  'pages_manage_metadata',
  'public_profile'
]

/** A granted permission lasts 7 days unless said otherwise. */
const PERMISSION_TTL_SECONDS = 7 * 24 * 3600

function createWorld(options: FakeGraphOptions, events: EventEmitter<FakeGraphEvents>): World {
  return {
    pageId: options.pageId,
    pageName: options.pageName ?? 'Simulated Page',
    appId: options.appId,
    appName: options.appName ?? 'Messenger Softphone',
    apiVersion: options.apiVersion ?? 'v26.0',
    baseUrl: '',
    credentials: {
      pageAccessToken: options.pageAccessToken,
      appId: options.appId,
      appSecret: options.appSecret,
      requireAppsecretProof: options.requireAppsecretProof ?? false,
      pageTokenExpiredAt: undefined
    },
    profiles: new Map(Object.entries(options.profiles ?? DEFAULT_PROFILES)),
    calls: new CallBook(events, options.ringTimeoutMs ?? 60_000),
    events,
    mediaPeer: options.mediaPeer,
    sdpShape: options.sdpShape ?? 'object',
    callSettingsShape: options.callSettingsShape ?? 'data',
    callSettings: {
      call_routing: { ring_target: 'PARTNERS' },
      icon_enabled: true,
      audio_enabled: true,
      video_enabled: false,
      ...options.callSettings
    },
    subscriptions: new Map(),
    pageSubscribedFields: [],
    permissions: new Map(),
    requireCallPermission: options.requireCallPermission ?? false,
    connectReplyDelayMs: options.connectReplyDelayMs ?? 0,
    pageToken: {
      scopes: [...(options.tokenScopes ?? DEFAULT_TOKEN_SCOPES)],
      expiresAt: options.tokenExpiresAt ?? 0
    },
    appMode: options.appMode ?? 'live',
    messages: [],
    closedWindows: new Set(),
    metrics: [],
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? 5000,
    logger: options.logger ?? silentLogger
  }
}

function blockers(world: World): string[] {
  const out: string[] = []
  const page = world.subscriptions.get('page')
  if (!page?.fields.includes('calls'))
    out.push("The app is not subscribed to the Page object's calls field.")
  if (!world.pageSubscribedFields.includes('calls'))
    out.push('The Page is not subscribed to the calls field of the app.')
  if (world.callSettings.call_routing.ring_target !== 'PARTNERS')
    out.push("Call routing rings Meta's own apps (ring_target META), not partner apps.")
  if (!world.callSettings.audio_enabled) out.push('Audio calls are turned off for the Page.')
  return out
}

export async function createFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const events = new EventEmitter<FakeGraphEvents>()
  const world = createWorld(options, events)
  const faults = new FaultBook()
  const requests: RecordedRequest[] = []
  const closing = new AbortController()
  const app = buildApp({ world, faults, requests, closing: closing.signal })
  const host = options.host ?? '127.0.0.1'
  const server = app.listen(options.port ?? 0, host)
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  world.baseUrl = `http://${host}:${port}`
  world.logger.info('fake graph listening', { url: world.baseUrl })

  const handle: FakeGraph = {
    url: world.baseUrl,
    apiVersion: world.apiVersion,
    pageId: world.pageId,
    appId: world.appId,
    requests,
    clearRequests: () => void requests.splice(0),
    events,
    // Node's typed emitter cannot match a listener to a generic event name; the signatures above
    // are what callers see, so the casts below cannot let a wrong listener in.
    on: (event, listener) => void events.on(event, listener as never),
    off: (event, listener) => void events.off(event, listener as never),
    next: (event) =>
      new Promise((resolve) => events.once(event, ((value: never) => resolve(value)) as never)),
    calls: world.calls,
    failNext: (match, error, times) => faults.failNext(match, error, times),
    delay: (match, ms) => faults.delay(match, ms),
    clearFaults: () => faults.clear(),
    expireToken: () => {
      world.credentials.pageTokenExpiredAt = new Date()
    },
    setPageAccessToken: (token) => {
      world.credentials.pageAccessToken = token
      world.credentials.pageTokenExpiredAt = undefined
    },
    setMediaPeer: (peer) => {
      world.mediaPeer = peer
    },
    setSdpShape: (shape) => {
      world.sdpShape = shape
    },
    setCallSettingsShape: (shape) => {
      world.callSettingsShape = shape
    },
    get callSettings() {
      return world.callSettings
    },
    get subscriptions() {
      return [...world.subscriptions.values()]
    },
    get pageSubscribedFields() {
      return world.pageSubscribedFields
    },
    messages: world.messages,
    setMessagingWindow: (psid, open) => void world.closedWindows[open ? 'delete' : 'add'](psid),
    metrics: world.metrics,
    addProfile: (psid, profile) => void world.profiles.set(psid, profile),
    setTokenScopes: (scopes) => {
      world.pageToken = { ...world.pageToken, scopes: [...scopes] }
    },
    setTokenExpiry: (expiresAt) => {
      world.pageToken = { ...world.pageToken, expiresAt }
    },
    setAppMode: (mode) => {
      world.appMode = mode
    },
    updateCallSettings: (patch) => {
      world.callSettings = { ...world.callSettings, ...patch }
    },
    setPageSubscribedFields: (fields) => {
      world.pageSubscribedFields = [...new Set(fields)]
    },
    answerPermissionRequest: (psid, response, answerOptions = {}) => {
      const state = world.permissions.get(psid) ?? { requests: [] }
      world.permissions.set(psid, state)
      if (response === 'reject') {
        delete state.grantedUntil
        return { psid, pageId: world.pageId, response }
      }
      state.grantedUntil = nowSeconds() + (answerOptions.ttlSeconds ?? PERMISSION_TTL_SECONDS)
      return { psid, pageId: world.pageId, response, expiration_timestamp: state.grantedUntil }
    },
    callDeliveryBlockers: () => blockers(world),
    setReachable: async (reachable) => {
      if (closing.signal.aborted || reachable === server.listening) return
      if (!reachable) return stopListening()
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve()
        })
      })
    },
    close: async () => {
      if (closing.signal.aborted) return
      closing.abort()
      world.calls.dispose()
      await stopListening()
    }
  }
  return handle

  function stopListening(): Promise<void> {
    if (!server.listening) return Promise.resolve()
    return new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
}
