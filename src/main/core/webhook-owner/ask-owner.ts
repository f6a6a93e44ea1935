/**
 * The asking side of the identity handshake: who answers at Meta's callback URL? Another desk of
 * this app answers with a signed identity; anything else (a 404, a web page, a forged or replayed
 * answer, a timeout, nothing at all) is "not this app", named by its URL.
 */
import type { DeskIdentity } from '../../../shared/webhook-owner'
import { IDENTITY_PATH, signIdentityRequest, verifyIdentityAnswer } from './identity'

export const ASK_TIMEOUT_MS = 5000
/** An honest answer is a few hundred bytes; anything much larger is not one. */
const MAX_ANSWER_BYTES = 8192

export type WhoIsThere = { kind: 'desk'; identity: DeskIdentity } | { kind: 'foreign' }

/** Asks `<origin of callbackUrl>/softphone/hub`; never throws. */
export type AskOwner = (callbackUrl: string, appSecret: string) => Promise<WhoIsThere>

export function identityUrl(
  callbackUrl: string,
  request: Readonly<Record<string, string | undefined>>
): URL {
  const url = new URL(IDENTITY_PATH, new URL(callbackUrl).origin)
  for (const [key, value] of Object.entries(request))
    if (value !== undefined) url.searchParams.set(key, value)
  return url
}

export function askOwnerOver(timeoutMs = ASK_TIMEOUT_MS): AskOwner {
  return async (callbackUrl, appSecret) => {
    const foreign: WhoIsThere = { kind: 'foreign' }
    if (!appSecret) return foreign
    const request = signIdentityRequest(appSecret)
    try {
      const response = await fetch(identityUrl(callbackUrl, request), {
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect would take the question (and its signature) somewhere Meta does not deliver.
        redirect: 'error',
        headers: { accept: 'application/json', 'bypass-tunnel-reminder': 'softphone' }
      })
      const text = await response.text()
      if (!response.ok || Buffer.byteLength(text) > MAX_ANSWER_BYTES) return foreign
      const identity = verifyIdentityAnswer(appSecret, request.nonce, JSON.parse(text))
      return identity ? { kind: 'desk', identity } : foreign
    } catch {
      return foreign
    }
  }
}

export const askOwner: AskOwner = askOwnerOver()
