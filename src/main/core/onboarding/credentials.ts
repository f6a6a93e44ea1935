/**
 * Saving the Page and app the owner pasted into the wizard: each value checked with a sentence
 * that names it, the secrets into the SecretStore (never settings.json, never back to a UI), the
 * ids into settings, and all of it applied to the running core at once, without a restart.
 */
import type { ServiceError } from '../../../shared/api'
import type {
  CredentialsRequest,
  PageConnection,
  SaveCredentialsResult
} from '../../../shared/onboarding'
import {
  ConfigError,
  configFailure,
  type Credentials,
  type SecretStore,
  type SecretsPatch
} from '../config'
import type { Logger } from '../log'
import { toServiceError } from '../service/errors'
import type { SettingsPort } from '../service/ports'
import { wordedError } from '../../../shared/words-english'
import type { WordsKey } from '../../../shared/words'

export interface CredentialsDeps {
  /** The credentials the core runs with now. */
  current: () => Readonly<Credentials>
  /** Makes the core use `next` from the next request on (SoftphoneCore.updateCredentials). */
  apply: (next: Credentials) => void
  /** Absent where nothing can keep secrets (then saving says so). */
  secrets: SecretStore | undefined
  settings: Pick<SettingsPort, 'update'>
  logger: Logger
}

const DIGITS = /^\d+$/
/** Page tokens are base64url-ish; `|` appears in app tokens, which are refused elsewhere. */
const TOKEN = /^[A-Za-z0-9._|-]+$/
const SECRET = /^[A-Za-z0-9]+$/
/** Meta's shortest tokens are well over a hundred characters; this only catches a half copy. */
const MIN_TOKEN_LENGTH = 20
const MIN_SECRET_LENGTH = 8

const invalid = (key: WordsKey, params?: Record<string, string>): ServiceError =>
  wordedError('invalid-request', key, params)

function readId(value: string, empty: WordsKey, notNumber: WordsKey): string {
  const id = value.trim()
  if (!id) throw invalid(empty)
  if (!DIGITS.test(id)) throw invalid(notNumber)
  return id
}

/** Copying from a web page can add spaces or line breaks inside a long value: they go. */
function squeeze(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '')
}

export function pageConnection(credentials: Readonly<Credentials>): PageConnection {
  return {
    configured: Boolean(credentials.pageId && credentials.pageAccessToken && credentials.appSecret),
    pageId: credentials.pageId,
    appId: credentials.appId,
    hasToken: Boolean(credentials.pageAccessToken),
    hasAppSecret: Boolean(credentials.appSecret)
  }
}

/**
 * The credentials the request asks for. A token or secret left empty keeps the stored one, but
 * only for the same Page and app: a token belongs to one Page, a secret to one app.
 */
export function readCredentials(
  request: CredentialsRequest,
  current: Readonly<Credentials>
): Credentials {
  const pageId = readId(request.pageId, 'credentials.enterPageId', 'credentials.pageIdNumber')
  const appId = readId(request.appId, 'credentials.enterAppId', 'credentials.appIdNumber')

  let pageAccessToken = squeeze(request.pageAccessToken)
  if (!pageAccessToken) {
    if (!current.pageAccessToken) throw invalid('credentials.pasteToken')
    if (current.pageId !== pageId)
      throw current.pageId
        ? invalid('credentials.tokenForPage', { pageId, storedPageId: current.pageId })
        : invalid('credentials.tokenForOtherPage', { pageId })
    pageAccessToken = current.pageAccessToken
  } else if (!TOKEN.test(pageAccessToken) || pageAccessToken.length < MIN_TOKEN_LENGTH) {
    throw invalid('credentials.tokenIncomplete')
  }

  let appSecret = squeeze(request.appSecret)
  if (!appSecret) {
    if (!current.appSecret) throw invalid('credentials.pasteSecret')
    if (current.appId !== appId)
      throw current.appId
        ? invalid('credentials.secretForApp', { appId, storedAppId: current.appId })
        : invalid('credentials.secretForOtherApp', { appId })
    appSecret = current.appSecret
  } else if (!SECRET.test(appSecret) || appSecret.length < MIN_SECRET_LENGTH) {
    throw invalid('credentials.secretShape')
  }
  return { ...current, pageId, appId, pageAccessToken, appSecret }
}

/**
 * Runs a secret-store change. A store that cannot persist (no keyring on Linux) still applies the
 * change for this session and says so; that sentence becomes the result's warning.
 */
async function storeSecrets(
  secrets: SecretStore | undefined,
  patch: SecretsPatch
): Promise<ServiceError | undefined> {
  if (!secrets) throw wordedError('not-configured', 'credentials.noSecretStore')
  try {
    await secrets.set(patch)
    return undefined
  } catch (error) {
    // A secrets file open to other users: its sentence says which file and the command to fix it.
    if (error instanceof ConfigError) throw configFailure('internal', error)
    const failure = toServiceError(error)
    if (failure.code === 'not-configured') return failure
    throw failure
  }
}

export async function saveCredentials(
  deps: CredentialsDeps,
  request: CredentialsRequest
): Promise<SaveCredentialsResult> {
  const next = readCredentials(request, deps.current())
  const warning = await storeSecrets(deps.secrets, {
    pageAccessToken: next.pageAccessToken,
    appSecret: next.appSecret
  })
  await updatePageSettings(deps, { pageId: next.pageId ?? null, appId: next.appId ?? null })
  deps.apply(next)
  deps.logger.info('Page credentials saved and applied', {
    pageId: next.pageId,
    appId: next.appId,
    persisted: warning === undefined
  })
  return warning
    ? { connection: pageConnection(next), warning: warning.message, warningWords: warning.words }
    : { connection: pageConnection(next) }
}

export async function removePage(deps: CredentialsDeps): Promise<PageConnection> {
  const warning = await storeSecrets(deps.secrets, { pageAccessToken: null, appSecret: null })
  if (warning) {
    deps.logger.warn('the secrets were removed for this session only', {
      warning: warning.message
    })
  }
  await updatePageSettings(deps, { pageId: null, appId: null })
  // The verify token stays: it is this installation's, not the Page's.
  const next: Credentials = {
    ...deps.current(),
    pageId: undefined,
    appId: undefined,
    pageAccessToken: undefined,
    appSecret: undefined
  }
  deps.apply(next)
  deps.logger.info('Page removed')
  return pageConnection(next)
}

async function updatePageSettings(
  deps: CredentialsDeps,
  page: { pageId: string | null; appId: string | null }
): Promise<void> {
  try {
    await deps.settings.update({ page })
  } catch (error) {
    if (error instanceof ConfigError) throw configFailure('invalid-request', error)
    throw error
  }
}
