/**
 * The Graph API as this app uses it: the calls API (accept, reject, terminate, connect), the
 * caller's profile, and the onboarding calls that subscribe a Page and check its call settings.
 * Every method throws GraphError; none retries on its own (accept is not safe to repeat blindly).
 */
import type { AcceptResult } from '../../../shared/api'
import {
  AcceptResponse,
  AppSubscriptions,
  CallPermissions,
  CallSettings,
  ConnectResponse,
  PageSubscribedApps,
  SendMessageResponse,
  SuccessResponse,
  UserProfile,
  type CallSettings as CallSettingsValue
} from '../../../shared/graph'
import { sdpText } from '../../../shared/webhook'
import { registerSecret, silentLogger, type Logger } from '../log'
import { GraphError } from './errors'
import { fetchPhotoDataUrl } from './photo'
import { AppInfo, MaybeSuccess, PageInfo, TokenDebug } from './schemas'
import { GraphTransport, type GraphTransportOptions } from './transport'

/** The profile GET must leave room for the photo inside the profile cache's ~3 s budget. */
export const DEFAULT_PROFILE_TIMEOUT_MS = 1_500
export const DEFAULT_PHOTO_TIMEOUT_MS = 1_200

export interface GraphClientOptions extends GraphTransportOptions {
  profileTimeoutMs?: number | undefined
  photoTimeoutMs?: number | undefined
  photoMaxBytes?: number | undefined
}

export interface CallerProfile {
  name?: string | undefined
  /** A `data:image/...;base64,` URL; never the Graph photo URL. */
  photo?: string | undefined
}

export interface ConnectResult extends AcceptResult {
  callId: string
}

/**
 * Per-call quality report for `POST /{page-id}/call_metrics`, in the shape of Meta's Metrics page
 * (its field list and its example disagree on units: `_ms` in the list, `_sec` in the example, so
 * `audioStats` is passed through as given; see docs/messenger-calling.md section 8).
 */
export interface CallMetricsReport {
  /** e.g. `Hangup_Call` (Meta's example; the enum's other values are not listed). */
  endCallReason: string
  endCallSubreason?: string | undefined
  /** Unix seconds. */
  callEndedTime: number
  /** Unix seconds. */
  firstAudioPacketReceivedTime?: number | undefined
  /** e.g. jitter_sec, packets_lost, packets_received, round_trip_time_sec, concealed_samples. */
  audioStats: Record<string, number | string>
}

export interface AppWebhookSubscription {
  callbackUrl: string
  verifyToken: string
  fields: readonly string[]
}

export class GraphClient {
  private readonly http: GraphTransport
  private readonly log: Logger
  private readonly profileTimeoutMs: number
  private readonly photoTimeoutMs: number
  private readonly photoMaxBytes: number | undefined

  constructor(options: GraphClientOptions) {
    this.http = new GraphTransport(options)
    this.log = options.logger ?? silentLogger
    this.profileTimeoutMs = options.profileTimeoutMs ?? DEFAULT_PROFILE_TIMEOUT_MS
    this.photoTimeoutMs = options.photoTimeoutMs ?? DEFAULT_PHOTO_TIMEOUT_MS
    this.photoMaxBytes = options.photoMaxBytes
  }

  // --- calls -------------------------------------------------------------------------------

  /** Answers a ringing call with our SDP offer; returns Meta's answer and its renegotiation offer. */
  async acceptCall(callId: string, offerSdp: string): Promise<AcceptResult> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'calls'],
      body: {
        platform: 'messenger',
        call_id: callId,
        action: 'accept',
        session: { sdp_type: 'offer', sdp: offerSdp }
      },
      schema: AcceptResponse,
      context: 'call'
    })
    if (!res.success) throw refused('accept the call', auth.id)
    return {
      answer: sdpText(res.session.sdp_response),
      renegotiation:
        res.session.sdp_renegotiation === undefined
          ? undefined
          : sdpText(res.session.sdp_renegotiation)
    }
  }

  /** Declines a call that still rings. */
  rejectCall(callId: string): Promise<void> {
    return this.callAction(callId, 'reject')
  }

  /** Ends an accepted call. */
  terminateCall(callId: string): Promise<void> {
    return this.callAction(callId, 'terminate')
  }

  private async callAction(callId: string, action: 'reject' | 'terminate'): Promise<void> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'calls'],
      body: { call_id: callId, action },
      schema: SuccessResponse,
      context: 'call'
    })
    if (!res.success)
      throw refused(action === 'reject' ? 'decline the call' : 'end the call', auth.id)
  }

  /** Business-initiated call to a PSID that has granted call permission. */
  async connectCall(psid: string, offerSdp: string): Promise<ConnectResult> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'calls'],
      body: {
        platform: 'messenger',
        to: psid,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: offerSdp }
      },
      schema: ConnectResponse,
      context: 'call'
    })
    if (res.success === false) throw refused('start the call', auth.id)
    return {
      callId: res.id,
      answer: sdpText(res.session.sdp_response),
      renegotiation:
        res.session.sdp_renegotiation === undefined
          ? undefined
          : sdpText(res.session.sdp_renegotiation)
    }
  }

  // --- who is calling ----------------------------------------------------------------------

  /**
   * Name and photo of a PSID. A failed photo download only drops the photo (logged at debug);
   * a failed profile lookup throws. Use ProfileCache in the ringing path: it never throws or waits.
   */
  async getCallerProfile(
    psid: string,
    options: { signal?: AbortSignal } = {}
  ): Promise<CallerProfile> {
    const auth = this.http.auth('page')
    const profile = await this.http.send({
      auth,
      method: 'GET',
      path: [psid],
      query: { fields: 'first_name,last_name,profile_pic' },
      schema: UserProfile,
      context: 'profile',
      timeoutMs: this.profileTimeoutMs,
      signal: options.signal
    })
    const fullName = [profile.first_name, profile.last_name].filter(Boolean).join(' ').trim()
    const name = fullName || profile.name?.trim() || undefined
    if (!profile.profile_pic) return { name }
    try {
      const photo = await fetchPhotoDataUrl(profile.profile_pic, {
        timeoutMs: this.photoTimeoutMs,
        maxBytes: this.photoMaxBytes,
        allowHttp: this.http.host.startsWith('http:'),
        signal: options.signal
      })
      return { name, photo }
    } catch (error) {
      this.log.debug('caller photo skipped', {
        reason: error instanceof Error ? error.message : 'unknown'
      })
      return { name }
    }
  }

  // --- onboarding --------------------------------------------------------------------------

  /** The Page this client is configured for: checks the Page id and that the token can read it. */
  async getPage(): Promise<PageInfo> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id],
      query: { fields: 'id,name' },
      schema: PageInfo,
      context: 'setup'
    })
  }

  /**
   * The Page the token itself belongs to (`/me` with a Page token). Unlike getPage this catches a
   * token of another Page, since a public Page is readable with any Page's token.
   */
  async getTokenOwner(): Promise<PageInfo> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'GET',
      path: ['me'],
      query: { fields: 'id,name' },
      schema: PageInfo,
      context: 'setup'
    })
  }

  /** The app itself, read with the app token: proves the app id and secret belong together. */
  async getApp(): Promise<AppInfo> {
    const auth = this.http.auth('app')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id],
      query: { fields: 'id,name' },
      schema: AppInfo,
      context: 'setup'
    })
  }

  /** What Meta knows about the Page token (validity, Page, app, expiry, permissions). */
  async debugPageToken(): Promise<TokenDebug> {
    const page = this.http.auth('page')
    const auth = this.http.auth('app')
    const res = await this.http.send({
      auth,
      method: 'GET',
      path: ['debug_token'],
      query: { input_token: page.token },
      schema: TokenDebug,
      context: 'setup'
    })
    return res.data
  }

  async getAppSubscriptions(): Promise<AppSubscriptions> {
    const auth = this.http.auth('app')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id, 'subscriptions'],
      schema: AppSubscriptions,
      context: 'setup'
    })
  }

  /** Points the app's Page webhook at `callbackUrl` (run again whenever the tunnel URL changes). */
  async subscribeAppWebhook(subscription: AppWebhookSubscription): Promise<void> {
    registerSecret(subscription.verifyToken)
    const auth = this.http.auth('app')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'subscriptions'],
      body: {
        object: 'page',
        callback_url: subscription.callbackUrl,
        verify_token: subscription.verifyToken,
        fields: subscription.fields.join(',')
      },
      schema: SuccessResponse,
      context: 'setup'
    })
    if (!res.success) throw refused('subscribe the app webhook', auth.id)
  }

  async getPageSubscribedApps(): Promise<PageSubscribedApps> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id, 'subscribed_apps'],
      schema: PageSubscribedApps,
      context: 'setup'
    })
  }

  /** Subscribes the Page to this app for `fields` (e.g. calls, call_permission_reply, messages). */
  async subscribePageToApp(fields: readonly string[]): Promise<void> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'subscribed_apps'],
      query: { subscribed_fields: fields.join(',') },
      schema: SuccessResponse,
      context: 'setup'
    })
    if (!res.success) throw refused('subscribe the Page', auth.id)
  }

  async getCallSettings(): Promise<CallSettingsValue> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id, 'messenger_call_settings'],
      schema: CallSettings,
      context: 'setup'
    })
  }

  /** e.g. `{ call_routing: { ring_target: 'PARTNERS' } }` so calls ring here and not in Meta's apps. */
  async updateCallSettings(patch: CallSettingsValue): Promise<void> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'messenger_call_settings'],
      body: patch,
      schema: MaybeSuccess,
      context: 'setup'
    })
    if (res.success === false) throw refused('update the call settings', auth.id)
  }

  async getCallPermissions(psid: string): Promise<CallPermissions> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id, 'messenger_call_permissions'],
      query: { psid },
      schema: CallPermissions,
      context: 'setup'
    })
  }

  /** Sends the `calling_optin` template; the reply arrives later as a call_permission_reply webhook. */
  async sendCallPermissionRequest(psid: string): Promise<SendMessageResponse> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'messages'],
      body: {
        recipient: { id: psid },
        message: { attachment: { type: 'template', payload: { template_type: 'calling_optin' } } }
      },
      schema: SendMessageResponse,
      context: 'setup'
    })
  }

  /** Quality report for a finished call (Meta accepts it within 24 h of the call). */
  async sendCallMetrics(callId: string, report: CallMetricsReport): Promise<void> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'call_metrics'],
      body: {
        platform: 'messenger',
        call_id: callId,
        end_call_reason: report.endCallReason,
        end_call_subreason: report.endCallSubreason,
        call_ended_time: report.callEndedTime,
        first_audio_packet_received_time: report.firstAudioPacketReceivedTime,
        audio_stats: report.audioStats
      },
      schema: MaybeSuccess,
      context: 'setup'
    })
    if (res.success === false) throw refused('store the call metrics', auth.id)
  }
}

/** Graph answered 200 with `success: false`: it gives no reason, so neither can we. */
function refused(what: string, pageId: string): GraphError {
  return new GraphError({
    kind: 'other',
    message: `Graph answered success:false to ${what} (Page ${pageId})`,
    userMessage: `Facebook did not confirm the request to ${what}; try again in a moment.`
  })
}
