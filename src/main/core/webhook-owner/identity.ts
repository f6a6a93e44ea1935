/**
 * The identity handshake between desks of one Meta app (`GET <origin>/softphone/hub`): both sides
 * sign with the app secret, so only installs of the same app learn anything, and an answer cannot
 * be forged or replayed (it signs the asker's fresh nonce). The canonical strings live here alone,
 * so the asking side and the answering side cannot drift apart.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { DeskIdentity } from '../../../shared/webhook-owner'

export const IDENTITY_PATH = '/softphone/hub'
/** A request whose clock is further off than this is refused (and its nonce need not be kept longer). */
export const IDENTITY_MAX_SKEW_MS = 5 * 60_000

const NONCE = /^[A-Za-z0-9_-]{22,128}$/
const HEX_SHA256 = /^[0-9a-f]{64}$/
const TIMESTAMP = /^\d{1,16}$/

// A type, not an interface: it goes into URL query records as it is.
export type IdentityRequest = {
  nonce: string
  ts: string
  sig: string
}

/** What the answering desk sends: its identity, the asker's nonce, and the HMAC over both. */
export const IdentityAnswer = z.strictObject({
  deskName: z.string().max(200),
  pageIds: z.array(z.string().max(64)).max(50),
  version: z.string().max(64),
  nonce: z.string().regex(NONCE),
  sig: z.string().regex(HEX_SHA256)
})
export type IdentityAnswer = z.infer<typeof IdentityAnswer>

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex')
}

/** Both inputs are lower-case hex of the same length once they pass the regex; still compared in constant time. */
function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}

// Distinct prefixes: a request's signature can never pass as an answer's, or the other way round.
function requestText(nonce: string, ts: string): string {
  return `softphone-hub-request\n${nonce}\n${ts}`
}

function answerText(nonce: string, identity: DeskIdentity): string {
  return `softphone-hub-answer\n${JSON.stringify([nonce, identity.deskName, identity.pageIds, identity.version])}`
}

/** A fresh request: 18 random bytes (24 base64url characters) and the time, signed. */
export function signIdentityRequest(
  secret: string,
  now = Date.now(),
  nonce = randomBytes(18).toString('base64url')
): IdentityRequest {
  const ts = String(now)
  return { nonce, ts, sig: hmac(secret, requestText(nonce, ts)) }
}

/** Whether a request is well formed, fresh and signed with `secret`; an empty secret signs nothing. */
export function verifyIdentityRequest(
  secret: string,
  query: Partial<Record<keyof IdentityRequest, unknown>>,
  now = Date.now()
): query is IdentityRequest {
  const { nonce, ts, sig } = query
  if (!secret || typeof nonce !== 'string' || typeof ts !== 'string' || typeof sig !== 'string')
    return false
  if (!NONCE.test(nonce) || !TIMESTAMP.test(ts) || !HEX_SHA256.test(sig)) return false
  if (Math.abs(now - Number(ts)) > IDENTITY_MAX_SKEW_MS) return false
  return sameHex(sig, hmac(secret, requestText(nonce, ts)))
}

export function signIdentityAnswer(
  secret: string,
  nonce: string,
  identity: DeskIdentity
): IdentityAnswer {
  const { deskName, pageIds, version } = identity
  return { deskName, pageIds, version, nonce, sig: hmac(secret, answerText(nonce, identity)) }
}

/** The desk's identity when `body` answers our `nonce` and is signed with `secret`; else undefined. */
export function verifyIdentityAnswer(
  secret: string,
  nonce: string,
  body: unknown
): DeskIdentity | undefined {
  if (!secret) return undefined
  const parsed = IdentityAnswer.safeParse(body)
  if (!parsed.success || parsed.data.nonce !== nonce) return undefined
  const { deskName, pageIds, version, sig } = parsed.data
  const identity = { deskName, pageIds, version }
  return sameHex(sig, hmac(secret, answerText(nonce, identity))) ? identity : undefined
}
