/**
 * The Graph API as this app uses it, in three parts by what they talk to: the calls API
 * (calls-api.ts), the caller's profile (profiles-api.ts) and onboarding (setup-api.ts). Callers
 * that need one part take that part's type; GraphClient is the one object the core builds, over
 * one transport, and hands to each of them. Every method throws GraphError.
 */
import type { AcceptResult } from '../../../shared/api'
import type {
  AppSubscriptions,
  CallPermissions,
  CallSettings,
  PageSubscribedApps,
  SendMessageResponse
} from '../../../shared/graph'
import { GraphCallsApi, type CallMetricsReport, type ConnectResult } from './calls-api'
import { GraphMessagesApi } from './messages-api'
import { GraphProfilesApi, type CallerProfile, type GraphProfilesOptions } from './profiles-api'
import type { AppInfo, PageInfo, TokenDebug } from './schemas'
import { GraphSetupApi, type AppWebhookSubscription } from './setup-api'
import { GraphTransport, type GraphTransportOptions } from './transport'

export interface GraphClientOptions extends GraphTransportOptions, GraphProfilesOptions {}

export class GraphClient {
  readonly calls: GraphCallsApi
  /** The Send API (messages-api.ts): the missed-call reply and the call button. */
  readonly messages: GraphMessagesApi
  readonly profiles: GraphProfilesApi
  readonly setup: GraphSetupApi

  constructor(options: GraphClientOptions) {
    const http = new GraphTransport(options)
    this.calls = new GraphCallsApi(http)
    this.messages = new GraphMessagesApi(http)
    this.profiles = new GraphProfilesApi(http, options)
    this.setup = new GraphSetupApi(http)
  }

  // --- calls (see GraphCallsApi) -----------------------------------------------------------

  acceptCall(callId: string, offerSdp: string): Promise<AcceptResult> {
    return this.calls.acceptCall(callId, offerSdp)
  }
  rejectCall(callId: string): Promise<void> {
    return this.calls.rejectCall(callId)
  }
  terminateCall(callId: string): Promise<void> {
    return this.calls.terminateCall(callId)
  }
  connectCall(psid: string, offerSdp: string): Promise<ConnectResult> {
    return this.calls.connectCall(psid, offerSdp)
  }
  getCallPermissions(psid: string): Promise<CallPermissions> {
    return this.calls.getCallPermissions(psid)
  }
  sendCallPermissionRequest(psid: string): Promise<SendMessageResponse> {
    return this.calls.sendCallPermissionRequest(psid)
  }
  sendCallMetrics(callId: string, report: CallMetricsReport): Promise<void> {
    return this.calls.sendCallMetrics(callId, report)
  }

  // --- who is calling (see GraphProfilesApi) -----------------------------------------------

  getCallerProfile(psid: string, options: { signal?: AbortSignal } = {}): Promise<CallerProfile> {
    return this.profiles.getCallerProfile(psid, options)
  }

  // --- onboarding (see GraphSetupApi) ------------------------------------------------------

  getPage(): Promise<PageInfo> {
    return this.setup.getPage()
  }
  getTokenOwner(): Promise<PageInfo> {
    return this.setup.getTokenOwner()
  }
  getApp(): Promise<AppInfo> {
    return this.setup.getApp()
  }
  debugPageToken(): Promise<TokenDebug> {
    return this.setup.debugPageToken()
  }
  getAppSubscriptions(): Promise<AppSubscriptions> {
    return this.setup.getAppSubscriptions()
  }
  subscribeAppWebhook(subscription: AppWebhookSubscription): Promise<void> {
    return this.setup.subscribeAppWebhook(subscription)
  }
  getPageSubscribedApps(): Promise<PageSubscribedApps> {
    return this.setup.getPageSubscribedApps()
  }
  subscribePageToApp(fields: readonly string[]): Promise<void> {
    return this.setup.subscribePageToApp(fields)
  }
  getCallSettings(): Promise<CallSettings> {
    return this.setup.getCallSettings()
  }
  updateCallSettings(patch: CallSettings): Promise<void> {
    return this.setup.updateCallSettings(patch)
  }
}
