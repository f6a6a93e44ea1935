/**
 * Environment overrides for headless runs and tests. Every variable is checked up front, and all bad
 * ones are reported together in one ConfigError whose lines each name their variable.
 * An empty (or blank) value counts as unset.
 */
import { ConfigError } from './errors'
import { parseInvitation } from '../seat-link/desk-invitation'
import {
  GRAPH_API_VERSION,
  GRAPH_ID,
  MAX_RING_TIMEOUT_SECONDS,
  SECRET_VALUE,
  SUBDOMAIN,
  WEBHOOK_PATH,
  matching,
  parseHttpUrl,
  parseOrigin,
  parsePositiveNumber,
  parseWholeNumber
} from '../../../shared/settings-fields'

export type Env = Readonly<Record<string, string | undefined>>

export const ENV_VARIABLES = [
  'FB_PAGE_ID',
  'FB_PAGE_ACCESS_TOKEN',
  'FB_APP_ID',
  'FB_APP_SECRET',
  'FB_VERIFY_TOKEN',
  'GRAPH_API_URL',
  'GRAPH_API_VERSION',
  'WEBHOOK_PORT',
  'WEBHOOK_PATH',
  'SOFTPHONE_DATA_DIR',
  'SOFTPHONE_RING_TIMEOUT_S',
  'TUNNEL',
  'TUNNEL_HOST',
  'TUNNEL_SUBDOMAIN',
  'PUBLIC_URL',
  'SOFTPHONE_UI_PORT',
  'SOFTPHONE_UI_TOKEN',
  'SOFTPHONE_HUB',
  'SOFTPHONE_PAIRING_CODE'
] as const
export type EnvVariable = (typeof ENV_VARIABLES)[number]

export type EnvTunnelMode = 'none' | 'localtunnel'

export interface EnvOverrides {
  pageId?: string
  pageAccessToken?: string
  appId?: string
  appSecret?: string
  verifyToken?: string
  /** Normalised to the origin, e.g. "http://127.0.0.1:4000". */
  graphApiUrl?: string
  graphApiVersion?: string
  webhookPort?: number
  webhookPath?: string
  dataDir?: string
  ringTimeoutSeconds?: number
  tunnel?: EnvTunnelMode
  tunnelHost?: string
  tunnelSubdomain?: string
  publicUrl?: string
  /** The loopback port of the UI bridge (browser mode, the simulator, other desks). */
  uiPort?: number
  /** A fixed bridge token for scripted use; otherwise a new one is generated each run. */
  uiToken?: string
  /** Start as a seat of the hub at this public address (browser mode, `npm run web`). */
  hubUrl?: string
  /** The hub's one-time code for this seat's first connection (a secret, never logged). */
  pairingCode?: string
}

const secret = matching(SECRET_VALUE)
const SECRET_EXPECT = 'printable characters without spaces'

/** Parses and checks the variables this app reads; throws a ConfigError naming each bad one. */
export function readEnv(env: Env): EnvOverrides {
  const problems: string[] = []
  const read = <T>(
    name: EnvVariable,
    expect: string,
    parse: (raw: string) => T | undefined,
    isSecret = false
  ): T | undefined => {
    const raw = env[name]?.trim()
    if (!raw) return undefined
    const value = parse(raw)
    if (value === undefined) {
      // A secret's value is never repeated, not even in an error: it may be almost right.
      const got = isSecret
        ? `got ${raw.length} characters`
        : `got ${JSON.stringify(raw.length > 120 ? `${raw.slice(0, 120)}…` : raw)}`
      problems.push(`${name} must be ${expect} (${got})`)
    }
    return value
  }

  const overrides: EnvOverrides = {
    pageId: read('FB_PAGE_ID', 'a Page id (digits, letters, "_" or "-")', matching(GRAPH_ID)),
    pageAccessToken: read('FB_PAGE_ACCESS_TOKEN', SECRET_EXPECT, secret, true),
    appId: read('FB_APP_ID', 'an app id (digits, letters, "_" or "-")', matching(GRAPH_ID)),
    appSecret: read('FB_APP_SECRET', SECRET_EXPECT, secret, true),
    verifyToken: read('FB_VERIFY_TOKEN', SECRET_EXPECT, secret, true),
    graphApiUrl: read(
      'GRAPH_API_URL',
      'an http(s) scheme and host only, like https://graph.facebook.com (no path or query)',
      parseOrigin
    ),
    graphApiVersion: read('GRAPH_API_VERSION', 'a version like v26.0', matching(GRAPH_API_VERSION)),
    webhookPort: read('WEBHOOK_PORT', 'a whole number from 0 to 65535', (raw) =>
      parseWholeNumber(raw, 0, 65535)
    ),
    webhookPath: read(
      'WEBHOOK_PATH',
      'a path starting with "/" without spaces, "?" or "#"',
      matching(WEBHOOK_PATH)
    ),
    dataDir: read('SOFTPHONE_DATA_DIR', 'a folder path', (raw) => raw),
    ringTimeoutSeconds: read(
      'SOFTPHONE_RING_TIMEOUT_S',
      `a number of seconds above 0, at most ${MAX_RING_TIMEOUT_SECONDS}`,
      (raw) => parsePositiveNumber(raw, MAX_RING_TIMEOUT_SECONDS)
    ),
    tunnel: read('TUNNEL', '"none" or "localtunnel"', (raw): EnvTunnelMode | undefined =>
      raw === 'none' || raw === 'localtunnel' ? raw : undefined
    ),
    tunnelHost: read(
      'TUNNEL_HOST',
      'an http(s) URL of a localtunnel server, like https://localtunnel.me',
      parseHttpUrl
    ),
    tunnelSubdomain: read(
      'TUNNEL_SUBDOMAIN',
      'one lower-case DNS label (letters, digits, "-")',
      matching(SUBDOMAIN)
    ),
    publicUrl: read(
      'PUBLIC_URL',
      'an http(s) URL without a query, like https://calls.example.com',
      parseHttpUrl
    ),
    uiPort: read('SOFTPHONE_UI_PORT', 'a whole number from 0 to 65535', (raw) =>
      parseWholeNumber(raw, 0, 65535)
    ),
    uiToken: read(
      'SOFTPHONE_UI_TOKEN',
      'at least 16 URL-safe characters (letters, digits, "-" or "_")',
      matching(/^[A-Za-z0-9_-]{16,256}$/),
      true
    ),
    hubUrl: read(
      'SOFTPHONE_HUB',
      "an http(s) URL of the hub's public address, like https://calls.example.com",
      parseHubUrl
    ),
    pairingCode: read(
      'SOFTPHONE_PAIRING_CODE',
      'the whole pairing code the hub printed (msp1.…), or its invitation (https://…#msp1.…)',
      pairingCodeOf,
      true
    )
  }
  if (overrides.pairingCode && !overrides.hubUrl) {
    problems.push("SOFTPHONE_PAIRING_CODE needs SOFTPHONE_HUB: set it to the hub's address")
  }
  if (overrides.publicUrl && overrides.tunnel === 'localtunnel') {
    problems.push('PUBLIC_URL cannot be used with TUNNEL=localtunnel: set one of them')
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'), problems)
  return Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined)
  ) as EnvOverrides
}

/**
 * The hub's address: http(s), or ws(s) as a hub's local network address may be written
 * (`ws://192.168.1.20:47802`), read as the http(s) address it is.
 */
function parseHubUrl(raw: string): string | undefined {
  return parseHttpUrl(raw.replace(/^ws(s?):\/\//i, 'http$1://'))
}

/** The code alone, from a bare code or from the invitation "Add a desk" shows (the hub's URL#code). */
function pairingCodeOf(raw: string): string | undefined {
  try {
    return parseInvitation(raw).pairingCode
  } catch {
    return undefined
  }
}

/**
 * Variables that look like ours but are not read (a typo such as FB_PAGE_TOKEN): worth a warning,
 * not a refusal, since FB_* may belong to another tool.
 */
export function unknownEnvVariables(env: Env): string[] {
  const known = new Set<string>(ENV_VARIABLES)
  return Object.keys(env)
    .filter((name) => /^(FB_|SOFTPHONE_|WEBHOOK_|GRAPH_API_|TUNNEL_)/.test(name))
    .filter((name) => !known.has(name))
    .sort()
}
