/**
 * The Graph API calls of onboarding: read the Page, the app and the token, subscribe the app's
 * webhook and the Page to the app, and read or change the Page's call settings. Every method
 * throws GraphError.
 */
import {
  AppSubscriptions,
  CallSettings,
  PageSubscribedApps,
  SuccessResponse,
  type CallSettings as CallSettingsValue
} from '../../../shared/graph'
import { registerSecret } from '../log'
import { refused } from './errors'
import { AppInfo, MaybeSuccess, PageInfo, TokenDebug } from './schemas'
import type { GraphTransport } from './transport'

export interface AppWebhookSubscription {
  callbackUrl: string
  verifyToken: string
  fields: readonly string[]
}

export class GraphSetupApi {
  constructor(private readonly http: GraphTransport) {}

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
    if (!res.success) throw refused('subscribeApp', auth.id)
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
    if (!res.success) throw refused('subscribePage', auth.id)
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
    if (res.success === false || res.result === 'failure')
      throw refused('updateCallSettings', auth.id)
  }
}
