/**
 * The Messenger simulator, assembled: Meta's Graph endpoints (the fake Graph), Meta's signed webhook
 * deliveries to the core, and one simulated caller (werift) per accepted call. Scenarios, the
 * integration tests, `npm run sim` and the in-app "Test call" (echo mode) all use this one module;
 * the core only ever meets it over HTTP, as the Graph host it was configured with.
 *
 * Like Meta, every ending in the fake Graph (business terminate or reject, the caller hanging up,
 * the ring limit, a media failure) is followed by a signed `terminate` webhook with Meta's status
 * and times. Meta's ring limit is counted from the call's `timestamp` (when the customer pressed
 * "call"), so a call placed with an older timestamp expires sooner on both sides.
 */
import { silentLogger, type Logger } from '../core/log'
import type { CallerAudio, SimulatedCaller } from './caller'
import { startCustomer, type CustomerBehaviour, type CustomerSide } from './customer'
import { deliverEndings, type SimEnding } from './meta-endings'
import { createMetaMedia } from './meta-media'
import {
  DEFAULT_PROFILES,
  createFakeGraph,
  createWebhookSender,
  newCallId,
  type DeliverOptions,
  type FakeGraph,
  type SdpShape,
  type SimProfile,
  type WebhookSender
} from './platform'

/** Meta gives up on an unanswered call after 60 s. */
export const META_RING_LIMIT_MS = 60_000

/** The PSID of Meta's own sample, and a second person for calls that overlap. */
export const FIRST_PSID = '5275811702471834'
export const SECOND_PSID = '5275811702471835'

/** Two people who can call; their photos are served by the fake Graph. */
export const SIM_PROFILES: Record<string, SimProfile> = {
  ...DEFAULT_PROFILES,
  [SECOND_PSID]: { first_name: 'Grace', last_name: 'Hopper' }
}

export const DEFAULT_CALLER_AUDIO: CallerAudio = { mode: 'tone', frequency: 440 }

export interface SimulatorOptions {
  pageId: string
  pageAccessToken: string
  appId: string
  appSecret: string
  /** The core's local webhook URL; may come later (`setWebhookUrl`) when the core starts second. */
  webhookUrl?: string | undefined
  /** Port of the fake Graph on 127.0.0.1; 0 (default) takes a free one. */
  graphPort?: number | undefined
  apiVersion?: string | undefined
  /** What every caller says unless `placeCall` says otherwise; a 440 Hz tone by default. */
  callerAudio?: CallerAudio | undefined
  /** How `accept` returns its SDP: Meta's sample objects (default) or plain strings. */
  sdpShape?: SdpShape | undefined
  /** Refuse Graph calls without a valid `appsecret_proof`, as "Require App Secret" does. */
  requireAppsecretProof?: boolean | undefined
  /** Meta's limit for an unanswered call, from its timestamp; default 60 s. */
  metaRingLimitMs?: number | undefined
  profiles?: Record<string, SimProfile> | undefined
  /** `connect` needs a granted call permission, as on Meta (default: not checked). */
  requireCallPermission?: boolean | undefined
  /** Hold each `action: connect` reply this long, so the call's webhooks overtake it. */
  connectReplyDelayMs?: number | undefined
  /** The customer's side of a call back; by default they act only when a test says so. */
  customer?: CustomerBehaviour | undefined
  logger?: Logger | undefined
}

export interface PlaceCallOptions {
  /** Who calls; the first simulated person by default. */
  psid?: string | undefined
  /** Unix seconds when the customer pressed "call"; default now. */
  timestamp?: number | undefined
  /** What this caller says. */
  audio?: CallerAudio | undefined
}

export interface MediaUpdateOptions {
  /** Overrides the version Meta would number it with (to send an old one late). */
  version?: number | undefined
  shape?: 'object' | 'string' | undefined
}

export interface Simulator {
  /** `http://127.0.0.1:<port>`: the Graph host the core must use. */
  readonly graphUrl: string
  readonly graph: FakeGraph
  readonly sender: WebhookSender
  setWebhookUrl(url: string): void
  /** The customer presses "call": it rings in the fake Graph only (no webhook yet). */
  ring(options?: PlaceCallOptions): string
  /** Meta's signed `connect` webhook for a call that rings; statuses of each copy sent. */
  deliverConnect(callId: string, options?: DeliverOptions): Promise<number[]>
  /** `ring` and `deliverConnect`; throws when the core did not take the webhook. */
  placeCall(options?: PlaceCallOptions): Promise<string>
  /** The simulated caller of an accepted call (kept after the call ends, for its measurements). */
  callerOf(callId: string): SimulatedCaller | undefined
  /** The customer hangs up; resolves once the terminate webhook was delivered. */
  hangUpAsCaller(callId: string): Promise<SimEnding>
  /** Meta's ring limit runs out now for a call that still rings. */
  expireRing(callId: string): Promise<SimEnding>
  /** Meta reports the call `Failed` (media lost). */
  failCall(callId: string): Promise<SimEnding>
  /** From now on Graph answers every use of the Page token with code 190 (expired). */
  expireToken(): void
  /** The Page token works again (the owner reconnected the Page). */
  restoreToken(): void
  /** Meta sends new SDP mid-call (`media_update`) from the caller's peer. */
  sendMediaUpdate(
    callId: string,
    options?: MediaUpdateOptions
  ): Promise<{ version: number; statuses: number[] }>
  /** Resolves when the call has ended in the fake Graph and its terminate webhook went out. */
  whenEnded(callId: string): Promise<SimEnding>
  /** The customer of a call back: permission replies, the business's calls ringing and picked up. */
  readonly customer: CustomerSide
  close(): Promise<void>
}

interface PlacedCall {
  psid: string
  timestamp: number
  audio: CallerAudio | undefined
  metaTimer: NodeJS.Timeout | undefined
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000)

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const log = (options.logger ?? silentLogger).child('sim')
  const placed = new Map<string, PlacedCall>()
  const inFlight = new Set<Promise<unknown>>()
  const ringLimitMs = options.metaRingLimitMs ?? META_RING_LIMIT_MS
  let closing = false

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work)).catch(() => undefined)
    return work
  }

  const media = createMetaMedia({
    placedAudio: (callId) => placed.get(callId),
    defaultAudio: options.callerAudio ?? DEFAULT_CALLER_AUDIO,
    // Media that never came up is a failed call on Meta's side too.
    onMediaFailed: (callId) => {
      if (graph.calls.get(callId)?.state === 'accepted') graph.calls.fail(callId)
    },
    isClosing: () => closing,
    log
  })

  const graph = await createFakeGraph({
    pageId: options.pageId,
    pageAccessToken: options.pageAccessToken,
    appId: options.appId,
    appSecret: options.appSecret,
    apiVersion: options.apiVersion,
    profiles: options.profiles ?? SIM_PROFILES,
    mediaPeer: media.peer,
    sdpShape: options.sdpShape ?? 'object',
    requireAppsecretProof: options.requireAppsecretProof ?? false,
    requireCallPermission: options.requireCallPermission ?? false,
    connectReplyDelayMs: options.connectReplyDelayMs ?? 0,
    // Meta's limit runs here per call, from the call's timestamp rather than from ring().
    ringTimeoutMs: 0,
    port: options.graphPort ?? 0,
    logger: log
  })
  const sender = createWebhookSender({
    url: options.webhookUrl ?? '',
    appSecret: options.appSecret,
    pageId: options.pageId,
    logger: log
  })

  const whenEnded = deliverEndings({
    graph,
    sender,
    onEnded: (callId) => {
      const call = placed.get(callId)
      if (call) clearTimeout(call.metaTimer)
      media.hangUp(callId)
    },
    track,
    log
  })

  const customer = startCustomer({
    graph,
    sender,
    callerOf: media.callerOf,
    ringLimitMs,
    behaviour: options.customer ?? {},
    track,
    log
  })

  const requireUrl = (): void => {
    if (!sender.url) throw new Error("The simulator does not know the core's webhook URL yet")
  }

  const ring = (callOptions: PlaceCallOptions = {}): string => {
    if (closing) throw new Error('The simulator is closing')
    const psid = callOptions.psid ?? FIRST_PSID
    const timestamp = callOptions.timestamp ?? nowSeconds()
    const callId = newCallId()
    const call: PlacedCall = { psid, timestamp, audio: callOptions.audio, metaTimer: undefined }
    placed.set(callId, call)
    graph.calls.ring(psid, callId)
    call.metaTimer = setTimeout(
      () => {
        if (graph.calls.get(callId)?.state === 'ringing') graph.calls.terminate(callId, 'timeout')
      },
      Math.max(0, timestamp * 1000 + ringLimitMs - Date.now())
    )
    // A simulator left running must not hold a process open for a minute.
    call.metaTimer.unref()
    return callId
  }

  const deliverConnect = (callId: string, deliverOptions?: DeliverOptions): Promise<number[]> => {
    requireUrl()
    const call = placed.get(callId)
    if (!call) throw new Error(`The simulator placed no call ${callId}`)
    const payload = sender.connectDelivery({
      callId,
      from: call.psid,
      to: options.pageId,
      timestamp: call.timestamp
    })
    return track(sender.deliver(payload, deliverOptions))
  }

  return {
    graphUrl: graph.url,
    graph,
    sender,
    setWebhookUrl: (url) => sender.setUrl(url),
    ring,
    deliverConnect,
    async placeCall(callOptions) {
      requireUrl()
      const callId = ring(callOptions)
      const statuses = await deliverConnect(callId)
      const status = statuses[0] ?? 0
      if (status < 200 || status >= 300) {
        throw new Error(
          status === 0
            ? `The core's webhook listener at ${sender.url} did not answer the connect webhook.`
            : `The core refused the connect webhook (HTTP ${status}); does it use the same app secret?`
        )
      }
      return callId
    },
    callerOf: media.callerOf,
    hangUpAsCaller(callId) {
      graph.calls.hangUp(callId)
      return whenEnded(callId)
    },
    expireRing(callId) {
      if (graph.calls.get(callId)?.state !== 'ringing')
        throw new Error(`Call ${callId} is not ringing in the fake Graph`)
      graph.calls.terminate(callId, 'timeout')
      return whenEnded(callId)
    },
    failCall(callId) {
      graph.calls.fail(callId)
      return whenEnded(callId)
    },
    expireToken: () => graph.expireToken(),
    restoreToken: () => graph.setPageAccessToken(options.pageAccessToken),
    async sendMediaUpdate(callId, updateOptions = {}) {
      requireUrl()
      const caller = media.callerOf(callId)
      if (!caller) throw new Error(`Call ${callId} has no media to update`)
      const update = await caller.createMediaUpdate()
      const version = updateOptions.version ?? update.version
      const payload = sender.mediaUpdateDelivery({
        callId,
        version,
        sdp: update.sdp,
        shape: updateOptions.shape
      })
      return { version, statuses: await track(sender.deliver(payload)) }
    },
    whenEnded,
    customer,
    async close() {
      if (closing) return
      closing = true
      customer.dispose()
      for (const call of placed.values()) clearTimeout(call.metaTimer)
      await Promise.allSettled([...inFlight])
      await media.close()
      await graph.close()
    }
  }
}
