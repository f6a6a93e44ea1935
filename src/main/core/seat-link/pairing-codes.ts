/**
 * The hub's one-time pairing codes, in memory only (a restart voids them all, which is safe).
 * Each code has an id (to find it) and a 128-bit secret (to prove it): valid 10 minutes, used
 * once, void after 5 wrong secrets. On top, every pairing attempt counts against one global
 * limit: behind the tunnel every request comes from 127.0.0.1, so per-address limits mean nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { checkSeatName } from './seat-registry'

export const CODE_TTL_MS = 10 * 60_000
export const MAX_WRONG_TRIES = 5
/** All pairing attempts together, whoever makes them. */
export const GLOBAL_ATTEMPTS = { max: 10, windowMs: 60_000 }

export interface IssuedCode {
  id: string
  secret: string
  /** The desk name the hub chose for whoever redeems it. */
  name: string
  expiresAt: number
}

export type RedeemResult =
  | { ok: true; name: string }
  | { ok: false; reason: 'rate-limited' | 'unknown' | 'expired' | 'wrong-secret' | 'voided' }

export interface PairingCodesOptions {
  now?: () => number
  ttlMs?: number
  maxWrongTries?: number
  globalAttempts?: { max: number; windowMs: number }
}

interface Pending extends IssuedCode {
  wrongTries: number
}

export class PairingCodes {
  private readonly codes = new Map<string, Pending>()
  private attempts: number[] = []
  private readonly now: () => number
  private readonly ttlMs: number
  private readonly maxWrongTries: number
  private readonly globalAttempts: { max: number; windowMs: number }

  constructor(options: PairingCodesOptions = {}) {
    this.now = options.now ?? Date.now
    this.ttlMs = options.ttlMs ?? CODE_TTL_MS
    this.maxWrongTries = options.maxWrongTries ?? MAX_WRONG_TRIES
    this.globalAttempts = options.globalAttempts ?? GLOBAL_ATTEMPTS
  }

  /** A new code for a desk to be called `name` (a code for that name issued before is voided). */
  issue(name: string): IssuedCode {
    const checked = checkSeatName(name)
    for (const [id, code] of this.codes) {
      if (code.name.toLowerCase() === checked.toLowerCase()) this.codes.delete(id)
    }
    const code: Pending = {
      id: randomBytes(6).toString('hex'),
      secret: randomBytes(16).toString('base64url'),
      name: checked,
      expiresAt: this.now() + this.ttlMs,
      wrongTries: 0
    }
    this.codes.set(code.id, code)
    return { id: code.id, secret: code.secret, name: code.name, expiresAt: code.expiresAt }
  }

  /** The codes still waiting (for the hub's "Add a desk" view), without their secrets. */
  pending(): { id: string; name: string; expiresAt: number }[] {
    this.dropExpired()
    return [...this.codes.values()].map(({ id, name, expiresAt }) => ({ id, name, expiresAt }))
  }

  cancel(id: string): void {
    this.codes.delete(id)
  }

  /**
   * One pairing attempt. Success uses the code up; a wrong secret counts against it and the
   * fifth voids it. Over the global limit nothing is even looked at, and no code loses a try.
   */
  redeem(id: string, secret: string): RedeemResult {
    const now = this.now()
    this.attempts = this.attempts.filter((at) => at > now - this.globalAttempts.windowMs)
    if (this.attempts.length >= this.globalAttempts.max)
      return { ok: false, reason: 'rate-limited' }
    this.attempts.push(now)

    const code = this.codes.get(id)
    if (!code) return { ok: false, reason: 'unknown' }
    if (now >= code.expiresAt) {
      this.codes.delete(id)
      return { ok: false, reason: 'expired' }
    }
    if (!sameSecret(code.secret, secret)) {
      code.wrongTries++
      if (code.wrongTries < this.maxWrongTries) return { ok: false, reason: 'wrong-secret' }
      this.codes.delete(id)
      return { ok: false, reason: 'voided' }
    }
    this.codes.delete(id)
    return { ok: true, name: code.name }
  }

  private dropExpired(): void {
    const now = this.now()
    for (const [id, code] of this.codes) if (now >= code.expiresAt) this.codes.delete(id)
  }
}

/** Constant time for equal lengths, so timing does not reveal how much of a guess was right. */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
