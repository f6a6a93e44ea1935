/**
 * `GET /debug_token?input_token=...` (read with the app token) and what the app node says about
 * its mode: what onboarding asks Meta about the Page token and the app. The token's permissions,
 * expiry and the app's mode are the world's, so a test can break each on purpose.
 */
import { requiredParam } from '../graph-error'
import { optionalString } from '../params'
import type { Params } from '../params'
import type { World } from '../world'

/** Who made the Page token in the simulated world (Meta reports the user behind a Page token). */
const TOKEN_USER_ID = '100012345678901'
/** Meta gives data access 90 days from the user's last login. */
const DATA_ACCESS_SECONDS = 90 * 24 * 3600

export function debugToken(world: World, params: Params): unknown {
  const input = optionalString(params, 'input_token')
  if (input === undefined) throw requiredParam('input_token')
  const nowSeconds = Math.floor(Date.now() / 1000)
  const { credentials, pageToken } = world
  if (input !== credentials.pageAccessToken)
    return {
      data: {
        is_valid: false,
        scopes: [],
        error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }
      }
    }
  const base = {
    app_id: world.appId,
    type: 'PAGE',
    application: world.appName,
    data_access_expires_at: nowSeconds + DATA_ACCESS_SECONDS,
    profile_id: world.pageId,
    user_id: TOKEN_USER_ID,
    scopes: [...pageToken.scopes],
    granular_scopes: pageToken.scopes
      .filter((scope) => scope.startsWith('pages_') && scope !== 'pages_show_list')
      .map((scope) => ({ scope, target_ids: [world.pageId] }))
  }
  const expiredAt = credentials.pageTokenExpiredAt
  if (expiredAt)
    return {
      data: {
        ...base,
        is_valid: false,
        expires_at: Math.floor(expiredAt.getTime() / 1000),
        error: {
          code: 190,
          subcode: 463,
          message: `Error validating access token: Session has expired on ${expiredAt.toUTCString()}.`
        }
      }
    }
  return { data: { ...base, is_valid: true, expires_at: pageToken.expiresAt } }
}
