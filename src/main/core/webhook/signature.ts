/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw
 * body bytes keyed with the app secret. The simulator signs with `signBody`; the server checks with
 * `verifySignature`. Comparisons are constant-time so a forger learns nothing from response timing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i

export function signBody(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * True only when `header` is a well-formed `sha256=<64 hex>` matching `raw` under `secret`.
 * An empty secret never verifies: an HMAC keyed with '' is one anybody can compute, and an app
 * still being set up must not accept deliveries signed that way.
 */
export function verifySignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!secret || header === undefined) return false
  const match = SIGNATURE_HEADER.exec(header.trim())
  if (!match) return false
  // The regex fixed the length at 32 bytes, so timingSafeEqual cannot throw on a length mismatch.
  const claimed = Buffer.from(match[1]!, 'hex')
  const expected = createHmac('sha256', secret).update(raw).digest()
  return timingSafeEqual(claimed, expected)
}

/**
 * Constant-time equality of two strings of any lengths: both are hashed first, so neither the
 * content nor the length of the expected value leaks through timing. An empty expected value never
 * matches, so an unconfigured token cannot be satisfied by sending an empty one.
 */
export function secretsEqual(received: string, expected: string): boolean {
  if (!expected) return false
  const a = createHash('sha256').update(received).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
