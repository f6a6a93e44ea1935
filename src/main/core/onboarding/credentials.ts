/**
 * Saving the Page and app the owner pasted into the wizard: each value checked with a sentence
 * that names it, the secrets into the SecretStore (never settings.json, never back to a UI), the
 * ids into settings, and all of it applied to the running core at once, without a restart.
 */
import { ServiceError } from '../../../shared/api'
import type {
  CredentialsRequest,
  PageConnection,
  SaveCredentialsResult
} from '../../../shared/onboarding'
import { ConfigError, type Credentials, type SecretStore, type SecretsPatch } from '../config'
import type { Logger } from '../log'
import { toServiceError } from '../service/errors'
import type { SettingsPort } from '../service/ports'
import { wordedError } from '../../../shared/words-english'

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

function invalid(sentence: string): ServiceError {
  return new ServiceError('invalid-request', sentence)
}

function readId(value: string, what: string, where: string): string {
  const id = value.trim()
  if (!id) throw invalid(`Enter the ${what}.`)
  if (!DIGITS.test(id)) throw invalid(`The ${what} is a number, like 106378625516323: ${where}.`)
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
  const pageId = readId(
    request.pageId,
    'Page id',
    "it is on your Page's About tab, under Page transparency"
  )
  const appId = readId(
    request.appId,
    'app id',
    "it is at the top of your app's dashboard on developers.facebook.com"
  )

  let pageAccessToken = squeeze(request.pageAccessToken)
  if (!pageAccessToken) {
    if (!current.pageAccessToken) throw invalid('Paste the Page access token.')
    if (current.pageId !== pageId)
      throw invalid(
        `Paste a Page access token for Page ${pageId}: the stored one is for Page ${current.pageId ?? 'another Page'}.`
      )
    pageAccessToken = current.pageAccessToken
  } else if (!TOKEN.test(pageAccessToken) || pageAccessToken.length < MIN_TOKEN_LENGTH) {
    throw invalid(
      'That does not look like a whole Page access token: copy it again, all of it (it starts with EAA).'
    )
  }

  let appSecret = squeeze(request.appSecret)
  if (!appSecret) {
    if (!current.appSecret) throw invalid('Paste the app secret.')
    if (current.appId !== appId)
      throw invalid(
        `Paste the app secret of app ${appId}: the stored one belongs to app ${current.appId ?? 'another app'}.`
      )
    appSecret = current.appSecret
  } else if (!SECRET.test(appSecret) || appSecret.length < MIN_SECRET_LENGTH) {
    throw invalid(
      'The app secret is a string of letters and digits: copy it again from App settings > Basic (press Show first).'
    )
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
): Promise<string | undefined> {
  if (!secrets) throw wordedError('not-configured', 'credentials.noSecretStore')
  try {
    await secrets.set(patch)
    return undefined
  } catch (error) {
    // A secrets file open to other users: its sentence says which file and the command to fix it.
    if (error instanceof ConfigError) throw new ServiceError('internal', error.message)
    const failure = toServiceError(error)
    if (failure.code === 'not-configured') return failure.message
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
  return { connection: pageConnection(next), warning }
}

export async function removePage(deps: CredentialsDeps): Promise<PageConnection> {
  const warning = await storeSecrets(deps.secrets, { pageAccessToken: null, appSecret: null })
  if (warning) deps.logger.warn('the secrets were removed for this session only', { warning })
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
    if (error instanceof ConfigError) throw new ServiceError('invalid-request', error.message)
    throw error
  }
}
