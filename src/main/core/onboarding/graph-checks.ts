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
import { check, errorSentence, isoDate, settle, skipped, type Settled } from './check'

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
  appBlocked: string | undefined
}

const DAY_MS = 24 * 60 * 60 * 1000

const APP_REJECTED =
  'Meta did not accept this app id and app secret together. Copy both again from App settings > Basic on developers.facebook.com (press Show to see the secret).'
const NEW_TOKEN_HOW =
  'In Graph API Explorer choose this app, then your Page under "User or Page", and copy the token it shows'

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
    return check('app', 'failed', 'Enter the app id and the app secret above, then check again.')
  if (!facts.app.ok)
    return check(
      'app',
      'failed',
      credentialsRefused(facts.app.error) ? APP_REJECTED : errorSentence(facts.app.error)
    )
  const name = facts.app.value.name ? `"${facts.app.value.name}" ` : ''
  return check('app', 'passed', `Meta knows this app: ${name}(${facts.app.value.id}).`)
}

function tokenCheck(facts: GraphFacts, creds: Readonly<Credentials>, now: number): SetupCheck {
  if (!facts.token.ok) return check('token', 'failed', errorSentence(facts.token.error))
  const token = facts.token.value
  if (!token.is_valid) {
    const expiredAt = token.expires_at ? token.expires_at * 1000 : undefined
    const expired =
      token.error?.subcode === 463 || (expiredAt !== undefined && expiredAt > 0 && expiredAt <= now)
    return check(
      'token',
      'failed',
      expired
        ? `This Page access token expired${expiredAt ? ` on ${isoDate(expiredAt)}` : ''}. ${NEW_TOKEN_HOW}, and paste it above.`
        : `Meta says this Page access token is not valid: it was revoked (a changed password does that) or only part of it was copied. ${NEW_TOKEN_HOW}, and paste it above.`
    )
  }
  if (token.type && token.type !== 'PAGE')
    return check(
      'token',
      'failed',
      `This is a ${token.type.toLowerCase()} access token, not a Page access token. ${NEW_TOKEN_HOW}.`
    )
  if (token.app_id && creds.appId && token.app_id !== creds.appId)
    return check(
      'token',
      'failed',
      `This token was made with another Meta app (id ${token.app_id}), not app ${creds.appId}. ${NEW_TOKEN_HOW}.`
    )
  return check('token', 'passed', 'Meta accepts it as a Page access token made with this app.')
}

function tokenPageCheck(facts: GraphFacts, creds: Readonly<Credentials>): SetupCheck {
  if (!facts.owner.ok) return check('token-page', 'failed', errorSentence(facts.owner.error))
  const owner = facts.owner.value
  const name = owner.name ? `"${owner.name}" ` : ''
  if (owner.id !== creds.pageId)
    return check(
      'token-page',
      'failed',
      `This token belongs to the Page ${name}(${owner.id}), not to Page ${creds.pageId ?? '?'}. Enter ${owner.id} as the Page id, or make a token for Page ${creds.pageId ?? '?'}.`
    )
  return check('token-page', 'passed', `The token is for the Page ${name}(${owner.id}).`)
}

function expiryCheck(token: TokenDebug, now: number): SetupCheck {
  if (!token.expires_at) return check('token-expiry', 'passed', 'The token does not expire.')
  const expiresAt = token.expires_at * 1000
  const daysLeft = Math.round((expiresAt - now) / DAY_MS)
  if (expiresAt - now < TOKEN_EXPIRY_WARNING_DAYS * DAY_MS) {
    const when =
      expiresAt - now < DAY_MS ? 'within a day' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`
    return check(
      'token-expiry',
      'warning',
      `The token expires ${when} (${isoDate(expiresAt)}), and calls stop ringing then. Make a Page token that does not expire (from a long-lived user token) and paste it above.`
    )
  }
  return check('token-expiry', 'passed', `The token is valid until ${isoDate(expiresAt)}.`)
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
  if (missing.length > 0) {
    const list = missing.join(' and ')
    return check(
      'permissions',
      'failed',
      `The token lacks ${list} for this Page. Make a new token and allow ${missing.length > 1 ? 'both' : 'it'} when Meta asks (in Graph API Explorer: Add a permission), then paste it above.`
    )
  }
  const optional = OPTIONAL_PERMISSIONS.filter((scope) => !granted.has(scope))
  return check(
    'permissions',
    'passed',
    `${REQUIRED_PERMISSIONS.join(' and ')} are granted${optional.length > 0 ? ` (${optional.join(', ')} is not, which this app does without)` : ''}.`
  )
}

/**
 * Development or Live: nothing Meta documents tells it (the app node's reference lists no such
 * field, and no permission or token detail gives it away), so the check says it cannot tell and
 * where the owner sees it, neutrally: a warning here could never clear.
 */
function appModeCheck(): SetupCheck {
  return check(
    'app-mode',
    'unknown',
    "Meta's API does not tell whether an app is Live or in Development mode. Look at the App Mode switch at the top of the app's dashboard on developers.facebook.com: in Development mode only people with a role on the app can call the Page."
  )
}

function subscriptionCheck(facts: GraphFacts, creds: Readonly<Credentials>): SetupCheck {
  if (!facts.subscribedApps.ok)
    return check('page-subscription', 'failed', errorSentence(facts.subscribedApps.error))
  const fix = { action: 'subscribe-page' as const, label: 'Subscribe the Page' }
  const own = facts.subscribedApps.value.data.find((app) => app.id === creds.appId)
  if (!own)
    return check(
      'page-subscription',
      'failed',
      'The Page is not subscribed to this app, so Meta does not send the Page’s calls to it. Subscribe it here.',
      fix
    )
  if (!own.subscribed_fields.includes('calls'))
    return check(
      'page-subscription',
      'failed',
      `The Page is subscribed to this app, but not to calls (only ${own.subscribed_fields.join(', ') || 'nothing'}). Add calls here.`,
      fix
    )
  return check('page-subscription', 'passed', 'The Page sends its calls to this app.')
}

function callSettingsChecks(facts: GraphFacts): SetupCheck[] {
  if (!facts.callSettings.ok)
    return [
      check('ring-target', 'failed', errorSentence(facts.callSettings.error)),
      skipped('audio', "Skipped: the Page's call settings could not be read.")
    ]
  const settings = facts.callSettings.value
  const target = settings.call_routing?.ring_target
  const ring =
    target === 'PARTNERS'
      ? check('ring-target', 'passed', 'Calls to the Page ring in partner apps like this one.')
      : check(
          'ring-target',
          'failed',
          target
            ? `Calls to the Page ring in Meta’s own apps (call routing is ${target}), not here. Route them to this app here.`
            : 'Meta did not say where calls to the Page ring. Route them to this app here.',
          { action: 'set-ring-target', label: 'Ring calls here' }
        )
  const enable = { action: 'enable-audio' as const, label: 'Turn on voice calls' }
  const audio =
    settings.audio_enabled === true
      ? check('audio', 'passed', 'Voice calls are on for the Page.')
      : settings.audio_enabled === false
        ? check(
            'audio',
            'failed',
            'Voice calls are turned off for the Page, so customers cannot call it. Turn them on here.',
            enable
          )
        : check(
            'audio',
            'warning',
            'Meta did not say whether voice calls are on for the Page. Turn them on here to be sure.',
            enable
          )
  return [ring, audio]
}

/** Page-token requests carry appsecret_proof: with a wrong app secret Meta refuses them all. */
function proofRefused(error: unknown): boolean {
  return isGraphError(error) && /appsecret_proof/i.test(error.message)
}

const NEEDS_APP_TOKEN =
  "Skipped until the app id and app secret are accepted: Meta shows a token's details to its app only."

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
  const appBlocked =
    app.state === 'failed' ? 'Skipped until the app id and app secret are accepted.' : undefined

  let tokenBlocked: string | undefined
  if (!creds.pageId || !creds.pageAccessToken) {
    checks.push(
      check(
        'token',
        'failed',
        'Enter the Page id and the Page access token above, then check again.'
      )
    )
    tokenBlocked = 'Skipped until the Page access token is entered.'
  } else if (appBlocked) {
    // debug_token is read with the app's token; the Page checks below tell about the token too.
    checks.push(skipped('token', NEEDS_APP_TOKEN))
  } else {
    const token = tokenCheck(facts, creds, now)
    checks.push(token)
    if (token.state === 'failed') tokenBlocked = 'Skipped until the Page access token is accepted.'
  }

  let pageBlocked = tokenBlocked
  if (!pageBlocked && !facts.owner.ok && proofRefused(facts.owner.error))
    pageBlocked = appBlocked ?? 'Skipped until the app secret is accepted.'
  if (pageBlocked) checks.push(skipped('token-page', pageBlocked))
  else {
    const page = tokenPageCheck(facts, creds)
    checks.push(page)
    if (page.state === 'failed') pageBlocked = 'Skipped until the token is for this Page.'
  }

  const detailsBlocked = tokenBlocked ?? (appBlocked ? NEEDS_APP_TOKEN : undefined)
  if (detailsBlocked || !facts.token.ok) {
    const reason = detailsBlocked ?? 'Skipped until the Page access token is accepted.'
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
