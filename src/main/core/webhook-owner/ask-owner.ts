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

/** Asks the identity endpoint beside `callbackUrl` (see identityUrls); never throws. */
export type AskOwner = (callbackUrl: string, appSecret: string) => Promise<WhoIsThere>

/**
 * Where a desk's identity endpoint would be, first choice first: at the callback's origin (a
 * tunnel's subdomain, an own domain), else beside the callback's last path segment, for a proxy
 * that puts the desk under a path prefix (`https://host/desk-2/webhook`).
 */
export function identityUrls(callbackUrl: string): URL[] {
  const atOrigin = new URL(IDENTITY_PATH, new URL(callbackUrl).origin)
  const beside = new URL(IDENTITY_PATH.slice(1), callbackUrl)
  beside.search = ''
  return atOrigin.href === beside.href ? [atOrigin] : [atOrigin, beside]
}

export function identityUrl(
  callbackUrl: string,
  request: Readonly<Record<string, string | undefined>>,
  base: URL = new URL(IDENTITY_PATH, new URL(callbackUrl).origin)
): URL {
  const url = new URL(base)
  for (const [key, value] of Object.entries(request))
    if (value !== undefined) url.searchParams.set(key, value)
  return url
}

async function askAt(endpoint: URL, appSecret: string, timeoutMs: number): Promise<WhoIsThere> {
  const foreign: WhoIsThere = { kind: 'foreign' }
  // A fresh nonce for each question: an answer is good for the one it was signed for.
  const request = signIdentityRequest(appSecret)
  try {
    const response = await fetch(identityUrl(endpoint.href, request, endpoint), {
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

export function askOwnerOver(timeoutMs = ASK_TIMEOUT_MS): AskOwner {
  return async (callbackUrl, appSecret) => {
    if (!appSecret) return { kind: 'foreign' }
    for (const endpoint of identityUrls(callbackUrl)) {
      const answer = await askAt(endpoint, appSecret, timeoutMs)
      if (answer.kind === 'desk') return answer
    }
    return { kind: 'foreign' }
  }
}

export const askOwner: AskOwner = askOwnerOver()
