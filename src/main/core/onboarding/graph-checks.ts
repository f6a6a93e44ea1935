/**
 * The checks Meta answers: the app's credentials, the Page token (valid, this Page's, this app's,
 * not about to expire, with the permissions calls need), the app's mode, the Page's subscription
 * and its call settings. Every Graph request starts at once (they are independent reads); the
 * checks then read the answers in order, and a check whose prerequisite failed is skipped with
 * the reason instead of piling a second error on the first.
 */
import {
  OPTIONAL_PERMISSIONS,
  REQUIRED_PERMISSIONS,
  TOKEN_EXPIRY_WARNING_DAYS,
  type SetupCheck
} from '../../../shared/onboarding'
import type { AppSubscriptions, CallSettings, PageSubscribedApps } from '../../../shared/graph'
import type { Credentials } from '../config'
import {
  isGraphError,
  type AppInfo,
  type GraphSetupApi,
  type PageInfo,
  type TokenDebug
} from '../graph'
import { words, type Words } from '../../../shared/words'
import { check, errorWords, fix, isoDate, settle, skipped, type Settled } from './check'

export type SetupGraph = Pick<
  GraphSetupApi,
  | 'getApp'
  | 'debugPageToken'
  | 'getTokenOwner'
  | 'getPageSubscribedApps'
  | 'getCallSettings'
  | 'getAppSubscriptions'
>

export interface GraphFacts {
  app: Settled<AppInfo>
  token: Settled<TokenDebug>
  owner: Settled<PageInfo>
  subscribedApps: Settled<PageSubscribedApps>
  callSettings: Settled<CallSettings>
  appSubscriptions: Settled<AppSubscriptions>
}

export async function gatherGraphFacts(graph: SetupGraph): Promise<GraphFacts> {
  const [app, token, owner, subscribedApps, callSettings, appSubscriptions] = await Promise.all([
    settle(() => graph.getApp()),
    settle(() => graph.debugPageToken()),
    settle(() => graph.getTokenOwner()),
    settle(() => graph.getPageSubscribedApps()),
    settle(() => graph.getCallSettings()),
    settle(() => graph.getAppSubscriptions())
  ])
  return { app, token, owner, subscribedApps, callSettings, appSubscriptions }
}

export interface GraphCheckResults {
  checks: SetupCheck[]
  /** Why checks that need the app's own token cannot run; undefined when the app was accepted. */
  appBlocked: Words | undefined
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A Graph error that says "these credentials are wrong" rather than "something else failed". */
function credentialsRefused(error: unknown): boolean {
  return (
    isGraphError(error) &&
    (error.kind === 'token-expired' ||
      error.code === 190 ||
      (error.code === 100 && error.subcode === 33))
  )
}

function appCheck(facts: GraphFacts, creds: Readonly<Credentials>): SetupCheck {
  if (!creds.appId || !creds.appSecret)
    return check('app', 'failed', words('setup.enterAppAndSecret'))
  if (!facts.app.ok)
    return check(
      'app',
      'failed',
      credentialsRefused(facts.app.error) ? words('setup.appRejected') : errorWords(facts.app.error)
    )
  const { name, id } = facts.app.value
  return check(
    'app',
    'passed',
    name ? words('setup.appKnownNamed', { name, id }) : words('setup.appKnown', { id })
  )
}

function tokenCheck(facts: GraphFacts, creds: Readonly<Credentials>, now: number): SetupCheck {
  if (!facts.token.ok) return check('token', 'failed', errorWords(facts.token.error))
  const token = facts.token.value
  if (!token.is_valid) {
    const expiredAt = token.expires_at ? token.expires_at * 1000 : undefined
    const expired =
      token.error?.subcode === 463 || (expiredAt !== undefined && expiredAt > 0 && expiredAt <= now)
    return check(
      'token',
      'failed',
      !expired
        ? words('setup.tokenRevoked')
        : expiredAt
          ? words('setup.tokenExpiredOn', { date: isoDate(expiredAt) })
          : words('setup.tokenExpired')
    )
  }
  if (token.type && token.type !== 'PAGE')
    return check('token', 'failed', words('setup.tokenNotPage', { type: token.type.toLowerCase() }))
  if (token.app_id && creds.appId && token.app_id !== creds.appId)
    return check(
      'token',
      'failed',
      words('setup.tokenOtherApp', { tokenApp: token.app_id, app: creds.appId })
    )
  return check('token', 'passed', words('setup.tokenPassed'))
}

function tokenPageCheck(facts: GraphFacts, creds: Readonly<Credentials>): SetupCheck {
  if (!facts.owner.ok) return check('token-page', 'failed', errorWords(facts.owner.error))
  const { name, id } = facts.owner.value
  if (id !== creds.pageId) {
    const params = { ownerId: id, pageId: creds.pageId ?? '?' }
    return check(
      'token-page',
      'failed',
      name
        ? words('setup.tokenOtherPageNamed', { ...params, name })
        : words('setup.tokenOtherPage', params)
    )
  }
  return check(
    'token-page',
    'passed',
    name ? words('setup.tokenPageNamed', { name, id }) : words('setup.tokenPage', { id })
  )
}

function expiryCheck(token: TokenDebug, now: number): SetupCheck {
  if (!token.expires_at) return check('token-expiry', 'passed', words('setup.noExpiry'))
  const expiresAt = token.expires_at * 1000
  const daysLeft = Math.round((expiresAt - now) / DAY_MS)
  if (expiresAt - now < TOKEN_EXPIRY_WARNING_DAYS * DAY_MS) {
    const date = isoDate(expiresAt)
    return check(
      'token-expiry',
      'warning',
      expiresAt - now < DAY_MS
        ? words('setup.expiresWithinDay', { date })
        : daysLeft === 1
          ? words('setup.expiresInOneDay', { date })
          : words('setup.expiresInDays', { days: daysLeft, date })
    )
  }
  return check('token-expiry', 'passed', words('setup.validUntil', { date: isoDate(expiresAt) }))
}

function permissionsCheck(token: TokenDebug, creds: Readonly<Credentials>): SetupCheck {
  const granted = new Set(token.scopes)
  // Granular scopes name the Pages a permission covers: granted for other Pages only is missing.
  const forOtherPages = (scope: string): boolean => {
    const targets = token.granular_scopes.find((granular) => granular.scope === scope)?.target_ids
    return targets !== undefined && creds.pageId !== undefined && !targets.includes(creds.pageId)
  }
  const missing = REQUIRED_PERMISSIONS.filter(
    (scope) => !granted.has(scope) || forOtherPages(scope)
  )
  const [first, second] = REQUIRED_PERMISSIONS
  if (missing.length > 0) {
    return check(
      'permissions',
      'failed',
      missing.length > 1
        ? words('setup.permissionsLackBoth', { first, second })
        : words('setup.permissionsLack', { name: missing.join(', ') })
    )
  }
  const optional = OPTIONAL_PERMISSIONS.filter((scope) => !granted.has(scope))
  return check(
    'permissions',
    'passed',
    optional.length > 0
      ? words('setup.permissionsGrantedWithout', { first, second, optional: optional.join(', ') })
      : words('setup.permissionsGranted', { first, second })
  )
}

/**
 * Development or Live: nothing Meta documents tells it (the app node's reference lists no such
 * field, and no permission or token detail gives it away), so the check says it cannot tell and
 * where the owner sees it, neutrally: a warning here could never clear.
 */
function appModeCheck(): SetupCheck {
  return check('app-mode', 'unknown', words('setup.appModeUnknown'))
}

function subscriptionCheck(facts: GraphFacts, creds: Readonly<Credentials>): SetupCheck {
  if (!facts.subscribedApps.ok)
    return check('page-subscription', 'failed', errorWords(facts.subscribedApps.error))
  const subscribe = fix('subscribe-page', 'subscribePage')
  const own = facts.subscribedApps.value.data.find((app) => app.id === creds.appId)
  if (!own) return check('page-subscription', 'failed', words('setup.notSubscribed'), subscribe)
  if (!own.subscribed_fields.includes('calls'))
    return check(
      'page-subscription',
      'failed',
      own.subscribed_fields.length > 0
        ? words('setup.subscribedWithoutCalls', { fields: own.subscribed_fields.join(', ') })
        : words('setup.subscribedToNothing'),
      subscribe
    )
  return check('page-subscription', 'passed', words('setup.subscribed'))
}

function callSettingsChecks(facts: GraphFacts): SetupCheck[] {
  if (!facts.callSettings.ok)
    return [
      check('ring-target', 'failed', errorWords(facts.callSettings.error)),
      skipped('audio', words('setup.skipCallSettings'))
    ]
  const settings = facts.callSettings.value
  const target = settings.call_routing?.ring_target
  const ring =
    target === 'PARTNERS'
      ? check('ring-target', 'passed', words('setup.ringsHere'))
      : check(
          'ring-target',
          'failed',
          target ? words('setup.ringsElsewhere', { target }) : words('setup.ringsUnknown'),
          fix('set-ring-target', 'ringHere')
        )
  const enable = fix('enable-audio', 'enableAudio')
  const audio =
    settings.audio_enabled === true
      ? check('audio', 'passed', words('setup.audioOn'))
      : settings.audio_enabled === false
        ? check('audio', 'failed', words('setup.audioOff'), enable)
        : check('audio', 'warning', words('setup.audioUnknown'), enable)
  return [ring, audio]
}

/** Page-token requests carry appsecret_proof: with a wrong app secret Meta refuses them all. */
function proofRefused(error: unknown): boolean {
  return isGraphError(error) && /appsecret_proof/i.test(error.message)
}

const NEEDS_APP_TOKEN = words('setup.skipNeedsAppToken')

/**
 * The checks that need only the Page token (whose Page, its subscription, its call settings) run
 * whatever became of the app check: an app check Meta did not answer must not hide them.
 */
export function graphChecks(
  facts: GraphFacts,
  creds: Readonly<Credentials>,
  now: number
): GraphCheckResults {
  const checks: SetupCheck[] = []
  const app = appCheck(facts, creds)
  checks.push(app)
  const appBlocked = app.state === 'failed' ? words('setup.skipAppNotAccepted') : undefined

  let tokenBlocked: Words | undefined
  if (!creds.pageId || !creds.pageAccessToken) {
    checks.push(check('token', 'failed', words('setup.enterPageAndToken')))
    tokenBlocked = words('setup.skipTokenMissing')
  } else if (appBlocked) {
    // debug_token is read with the app's token; the Page checks below tell about the token too.
    checks.push(skipped('token', NEEDS_APP_TOKEN))
  } else {
    const token = tokenCheck(facts, creds, now)
    checks.push(token)
    if (token.state === 'failed') tokenBlocked = words('setup.skipTokenNotAccepted')
  }

  let pageBlocked = tokenBlocked
  if (!pageBlocked && !facts.owner.ok && proofRefused(facts.owner.error))
    pageBlocked = appBlocked ?? words('setup.skipSecretNotAccepted')
  if (pageBlocked) checks.push(skipped('token-page', pageBlocked))
  else {
    const page = tokenPageCheck(facts, creds)
    checks.push(page)
    if (page.state === 'failed') pageBlocked = words('setup.skipTokenOtherPage')
  }

  const detailsBlocked = tokenBlocked ?? (appBlocked ? NEEDS_APP_TOKEN : undefined)
  if (detailsBlocked || !facts.token.ok) {
    const reason = detailsBlocked ?? words('setup.skipTokenNotAccepted')
    checks.push(skipped('token-expiry', reason), skipped('permissions', reason))
  } else {
    checks.push(expiryCheck(facts.token.value, now))
    // Permissions are granted per Page: for another Page's id they would all read as missing.
    checks.push(
      pageBlocked ? skipped('permissions', pageBlocked) : permissionsCheck(facts.token.value, creds)
    )
  }

  checks.push(appModeCheck())

  if (pageBlocked) {
    checks.push(
      skipped('page-subscription', pageBlocked),
      skipped('ring-target', pageBlocked),
      skipped('audio', pageBlocked)
    )
  } else {
    checks.push(subscriptionCheck(facts, creds), ...callSettingsChecks(facts))
  }
  return { checks, appBlocked }
}
