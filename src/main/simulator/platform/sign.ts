/**
 * Meta's webhook signatures, written here rather than imported from the webhook server: the
 * simulator must not share code with what it tests, or one bug would pass on both sides.
 */
import { createHmac } from 'node:crypto'

/** `X-Hub-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body with the app secret. */
export function signatureSha256(body: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`
}

/** The legacy `X-Hub-Signature` (SHA-1) Meta still sends alongside. */
export function signatureSha1(body: string | Buffer, appSecret: string): string {
  return `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`
}
