import { describe, expect, it } from 'vitest'
import {
  REGISTRATION_BACKOFF,
  TUNNEL_BACKOFF,
  backoffDelay
} from '../../../../src/main/core/tunnel/backoff'

const noJitter = (): number => 0
const fullJitter = (): number => 1

describe('backoffDelay', () => {
  it('doubles from 1 s and stops at 30 s for the tunnel', () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(TUNNEL_BACKOFF, n, noJitter))
    expect(schedule).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
  })

  it('jitter only shortens, by at most its share, so the cap holds exactly', () => {
    expect(backoffDelay(TUNNEL_BACKOFF, 1, fullJitter)).toBe(800)
    expect(backoffDelay(TUNNEL_BACKOFF, 40, fullJitter)).toBe(24_000)
    for (let n = 1; n < 100; n++) {
      const delay = backoffDelay(TUNNEL_BACKOFF, n)
      expect(delay).toBeLessThanOrEqual(30_000)
      expect(delay).toBeGreaterThanOrEqual(800)
    }
  })

  it('spreads delays out when jitter is random', () => {
    const values = new Set(Array.from({ length: 20 }, () => backoffDelay(TUNNEL_BACKOFF, 6)))
    expect(values.size).toBeGreaterThan(1)
  })

  it('survives absurd failure counts without Infinity or NaN', () => {
    expect(backoffDelay(TUNNEL_BACKOFF, 10_000, noJitter)).toBe(30_000)
    expect(backoffDelay(TUNNEL_BACKOFF, 0, noJitter)).toBe(1000)
  })

  it('retries registrations more gently, capped at 2 minutes', () => {
    expect(backoffDelay(REGISTRATION_BACKOFF, 1, noJitter)).toBe(2000)
    expect(backoffDelay(REGISTRATION_BACKOFF, 20, noJitter)).toBe(120_000)
  })
})
