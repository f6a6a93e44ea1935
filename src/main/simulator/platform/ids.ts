/**
 * Identifiers and clocks shaped like Meta's, so the app under test meets the same formats.
 */
import { randomBytes, randomInt } from 'node:crypto'

/** Meta's call ids look like `c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ`: `c_` and url-safe characters. */
export function newCallId(): string {
  return `c_${randomBytes(28).toString('base64url')}`
}

/** Send API message ids start with `m_`. */
export function newMessageId(): string {
  return `m_${randomBytes(24).toString('base64url')}`
}

/** Graph puts an `fbtrace_id` in every error so support can find the request; 11 url-safe chars. */
export function newTraceId(): string {
  return randomBytes(8).toString('base64url').slice(0, 11)
}

/** Meta's verification challenges are decimal numbers sent as text. */
export function newChallenge(): string {
  return String(randomInt(100_000_000, 2_000_000_000))
}

/** Webhook and Graph timestamps are Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
