/**
 * Onboarding as every UI sees it: the credentials form (the secrets go in, never come back out),
 * the ordered list of setup checks with a sentence each, and the fixes the app can apply itself.
 */
import { z } from 'zod'
import type checkNames from './i18n/en/setup-check-names'
import type { Words } from './words'
/**
 * `saveCredentials`, as it crosses the boundary: strings of sane length. The core trims them and
 * checks each with a sentence that names it (a form shows that better than a schema path). An
 * empty or missing token or secret keeps the stored one, so the owner can change the Page id
 * without pasting the secrets again; the first save needs both.
 */
export const credentialsRequest = z
  .object({
    pageId: z.string().max(64),
    appId: z.string().max(64),
    pageAccessToken: z.string().max(4096).optional(),
    appSecret: z.string().max(256).optional()
  })
  .strict()

export type CredentialsRequest = z.input<typeof credentialsRequest>

/** What a UI may know about the connected Page: ids and whether the secrets are there, no more. */
export interface PageConnection {
  configured: boolean
  pageId?: string | undefined
  appId?: string | undefined
  hasToken: boolean
  hasAppSecret: boolean
}

export interface SaveCredentialsResult {
  connection: PageConnection
  /** The credentials apply now but could not be stored (no keyring): a sentence for the owner. */
  warning?: string | undefined
  /** `warning` as words, for each window to say in its own language. */
  warningWords?: Words | undefined
}

export const SETUP_CHECK_IDS = [
  'app',
  'token',
  'token-page',
  'token-expiry',
  'permissions',
  'app-mode',
  'page-subscription',
  'ring-target',
  'audio',
  'tunnel',
  'webhook',
  'handshake'
] as const
export type SetupCheckId = (typeof SETUP_CHECK_IDS)[number]

/** `unknown`: nothing Meta documents tells, so the app cannot check it; the detail says where to look. */
export type SetupCheckState = 'passed' | 'failed' | 'warning' | 'unknown' | 'skipped'

export const SETUP_FIX_ACTIONS = [
  'subscribe-page',
  'set-ring-target',
  'enable-audio',
  'register-webhook'
] as const
export type SetupFixAction = (typeof SETUP_FIX_ACTIONS)[number]

type CheckNames = typeof checkNames

/**
 * Each check's title and each fix's button, as keys of the setup area's `checkNames` (each window
 * says them in its own language; core's English `title` and `label` come from the same texts).
 * Registering the webhook is one action with three buttons: now, again, or after a failure.
 */
export const CHECK_TITLE_KEYS = {
  app: 'app',
  token: 'token',
  'token-page': 'tokenPage',
  'token-expiry': 'tokenExpiry',
  permissions: 'permissions',
  'app-mode': 'appMode',
  'page-subscription': 'pageSubscription',
  'ring-target': 'ringTarget',
  audio: 'audio',
  tunnel: 'tunnel',
  webhook: 'webhook',
  handshake: 'handshake'
} as const satisfies Record<SetupCheckId, keyof CheckNames['titles']>

export type SetupFixLabel = keyof CheckNames['fixes']

export interface SetupFix {
  action: SetupFixAction
  /** The button's text, in English. */
  label: string
  /** The button's text as a key of `setup.checkNames.fixes`, for each window's language. */
  labelKey?: SetupFixLabel | undefined
}

export interface SetupCheck {
  id: SetupCheckId
  /** In English; each window says it by `id` (CHECK_TITLE_KEYS). */
  title: string
  state: SetupCheckState
  /** What was found, and for anything but `passed`, what to do about it (in English). */
  detail: string
  /** `detail` as words, for each window to say in its own language (./words.ts). */
  words?: Words | undefined
  /** Something the app can do about it on the owner's behalf. */
  fix?: SetupFix | undefined
}

export interface SetupReport {
  checks: SetupCheck[]
  /** ms since the epoch */
  checkedAt: number
  /** No check failed (warnings allowed): calls can reach this app. */
  ready: boolean
}

export const fixSetupRequest = z.object({ action: z.enum(SETUP_FIX_ACTIONS) }).strict()

/** Permissions the Page token needs (docs/messenger-calling.md §4). */
export const REQUIRED_PERMISSIONS = ['pages_messaging', 'pages_manage_metadata'] as const
/** Lists the owner's Pages; nothing in the app needs it once the Page id is known. */
export const OPTIONAL_PERMISSIONS = ['pages_show_list'] as const

/** A token that expires sooner than this gets a warning. */
export const TOKEN_EXPIRY_WARNING_DAYS = 7

/** Where Meta shows each value; every link is https and opens outside the app. */
export const META_LINKS = {
  apps: 'https://developers.facebook.com/apps/',
  appSettings: (appId: string | undefined): string =>
    appId && /^\d+$/.test(appId)
      ? `https://developers.facebook.com/apps/${appId}/settings/basic/`
      : 'https://developers.facebook.com/apps/',
  graphExplorer: 'https://developers.facebook.com/tools/explorer/',
  tokenDebugger: 'https://developers.facebook.com/tools/debug/accesstoken/',
  pages: 'https://business.facebook.com/settings/pages'
} as const
