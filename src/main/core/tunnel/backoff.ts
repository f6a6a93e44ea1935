/**
 * Exponential backoff with jitter. The jitter only ever shortens a delay, so the cap holds exactly:
 * many desks behind one office connection that lost their tunnels together should not all knock
 * on the tunnel server in the same millisecond, nor wait longer than the cap promises.
 */

export interface BackoffPolicy {
  /** Delay after the first failure. */
  initialMs: number
  /** No delay is ever longer than this. */
  maxMs: number
  factor: number
  /** Share of a delay that may be taken off at random, 0..1. */
  jitter: number
}

/** A dropped tunnel is retried quickly at first, never more than 30 s apart. */
export const TUNNEL_BACKOFF: BackoffPolicy = {
  initialMs: 1000,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.2
}

/** Meta's subscription endpoint is rate limited: retry registrations more gently. */
export const REGISTRATION_BACKOFF: BackoffPolicy = {
  initialMs: 2000,
  maxMs: 120_000,
  factor: 2,
  jitter: 0.2
}

/** The wait before the next try after `failures` consecutive failures (1 or more). */
export function backoffDelay(
  policy: BackoffPolicy,
  failures: number,
  random: () => number = Math.random
): number {
  const steps = Math.max(0, failures - 1)
  // Capped before jitter, and the exponent stops growing once past the cap (no Infinity).
  const raw = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.min(steps, 64))
  const jitter = Math.min(1, Math.max(0, policy.jitter))
  return Math.round(raw * (1 - jitter * random()))
}
