/**
 * The effective runtime configuration, from the saved settings, the stored secrets and the
 * environment (which wins, value by value). Pure: no files, no globals; the same function serves the
 * desktop app (settings store + safeStorage) and headless runs (files + env).
 */
import { DEFAULT_GRAPH_API_URL, parseHttpUrl } from '../../../shared/settings-fields'
import { readEnv, type Env } from './env'
import type { Settings, TunnelMode } from '../../../shared/settings'
import type { Secrets } from './secrets'

export interface Credentials {
  pageId: string | undefined
  pageAccessToken: string | undefined
  appId: string | undefined
  appSecret: string | undefined
  verifyToken: string | undefined
}

/** What a Page needs before calls can ring (see `page.configured`). */
export type RequiredCredential = 'pageId' | 'pageAccessToken' | 'appSecret'

export interface RuntimeConfig {
  page: {
    /**
     * True when the Page id, the Page access token and the app secret (it checks webhook
     * signatures and signs Graph calls) are all known, from settings, secrets or env alike.
     * Not required: the app id (only onboarding's app-level calls need it) and the verify token
     * (generated once and stored: `ensureVerifyToken`, done by `loadConfig`).
     */
    configured: boolean
    pageId: string | undefined
    appId: string | undefined
    /** What is missing, in a fixed order; empty when configured. */
    missing: RequiredCredential[]
  }
  credentials: Credentials
  graph: {
    /** Origin only, e.g. "https://graph.facebook.com"; requests go to `${apiUrl}/${apiVersion}/...`. */
    apiUrl: string
    apiVersion: string
  }
  webhook: { port: number; path: string }
  ringTimeoutMs: number
  tunnel: {
    mode: TunnelMode
    host: string | undefined
    subdomain: string | undefined
    /** own-url: the public base URL Meta delivers to (the webhook path is appended). */
    publicUrl: string | undefined
  }
}

export interface ConfigSources {
  settings: Settings
  secrets: Secrets
  /** Raw environment; checked here, so a bad variable throws a ConfigError naming it. */
  env?: Env
}

export function resolveConfig({ settings, secrets, env = {} }: ConfigSources): RuntimeConfig {
  const o = readEnv(env)
  const pageId = o.pageId ?? settings.page.pageId
  const appId = o.appId ?? settings.page.appId
  // A stored token belongs to the stored Page (and the stored app secret to the stored app): when
  // the environment names another Page or app, the stored one would only produce Graph errors.
  const samePage = o.pageId === undefined || o.pageId === settings.page.pageId
  const sameApp = o.appId === undefined || o.appId === settings.page.appId
  const credentials: Credentials = {
    pageId,
    pageAccessToken: o.pageAccessToken ?? (samePage ? secrets.pageAccessToken : undefined),
    appId,
    appSecret: o.appSecret ?? (sameApp ? secrets.appSecret : undefined),
    verifyToken: o.verifyToken ?? secrets.verifyToken
  }
  const missing = (['pageId', 'pageAccessToken', 'appSecret'] as const).filter(
    (key) => !credentials[key]
  )
  // Settings keep URLs as typed; normalise them like the env values (no trailing slash).
  const url = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : (parseHttpUrl(value) ?? value)
  const publicUrl = o.publicUrl ?? url(settings.tunnel.publicUrl)
  return {
    page: { configured: missing.length === 0, pageId, appId, missing },
    credentials,
    graph: {
      // Meta's, unless the environment of this run says otherwise (tests, the simulator).
      apiUrl: o.graphApiUrl ?? DEFAULT_GRAPH_API_URL,
      apiVersion: o.graphApiVersion ?? settings.graph.apiVersion
    },
    webhook: {
      port: o.webhookPort ?? settings.webhook.port,
      path: o.webhookPath ?? settings.webhook.path
    },
    // At least 1 ms: "0.0001" passes as "above 0" but would round to 0, which the registry refuses.
    ringTimeoutMs: Math.max(
      1,
      Math.round((o.ringTimeoutSeconds ?? settings.ringTimeoutSeconds) * 1000)
    ),
    tunnel: {
      // PUBLIC_URL alone means "Meta reaches me there": no tunnel of ours is needed.
      mode:
        o.tunnel === 'localtunnel'
          ? 'localtunnel'
          : o.publicUrl
            ? 'own-url'
            : (o.tunnel ?? settings.tunnel.mode),
      host: o.tunnelHost ?? url(settings.tunnel.host),
      subdomain: o.tunnelSubdomain ?? settings.tunnel.subdomain,
      publicUrl
    }
  }
}
