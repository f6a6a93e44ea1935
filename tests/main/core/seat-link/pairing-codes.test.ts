import { describe, expect, it } from 'vitest'
import { PairingCodes } from '../../../../src/main/core/seat-link/pairing-codes'
import {
  formatPairingCode,
  keyFingerprint,
  parsePairingCode
} from '../../../../src/main/core/seat-link/pairing-code'
import { generateKeyPair } from '../../../../src/main/core/seat-link/noise-primitives'

function clock(start = 1_000_000) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    }
  }
}

/** Plenty of global attempts, so a test about one limit is not cut short by the other. */
const roomy = { max: 1000, windowMs: 60_000 }

describe('PairingCodes', () => {
  it('accepts a code until 10 minutes have passed, not after', () => {
    const time = clock()
    const codes = new PairingCodes({ now: time.now, globalAttempts: roomy })
    const early = codes.issue('Front desk')
    const late = codes.issue('Back office')
    time.advance(10 * 60_000 - 1)
    expect(codes.redeem(early.id, early.secret)).toEqual({ ok: true, name: 'Front desk' })
    time.advance(1)
    expect(codes.redeem(late.id, late.secret)).toEqual({ ok: false, reason: 'expired' })
    expect(codes.pending()).toEqual([])
  })

  it('is single use', () => {
    const codes = new PairingCodes({ globalAttempts: roomy })
    const code = codes.issue('Front desk')
    expect(codes.redeem(code.id, code.secret).ok).toBe(true)
    expect(codes.redeem(code.id, code.secret)).toEqual({ ok: false, reason: 'unknown' })
  })

  it('voids a code at the fifth wrong secret, so even the right one fails after', () => {
    const codes = new PairingCodes({ globalAttempts: roomy })
    const code = codes.issue('Front desk')
    const wrong = 'A'.repeat(22)
    for (let i = 0; i < 4; i++) {
      expect(codes.redeem(code.id, wrong)).toEqual({ ok: false, reason: 'wrong-secret' })
    }
    expect(codes.redeem(code.id, wrong)).toEqual({ ok: false, reason: 'voided' })
    expect(codes.redeem(code.id, code.secret)).toEqual({ ok: false, reason: 'unknown' })
  })

  it('still accepts the right secret after four wrong ones', () => {
    const codes = new PairingCodes({ globalAttempts: roomy })
    const code = codes.issue('Front desk')
    for (let i = 0; i < 4; i++) codes.redeem(code.id, 'wrong')
    expect(codes.redeem(code.id, code.secret).ok).toBe(true)
  })

  it('limits all attempts together, whatever code they name, then lets them in again', () => {
    const time = clock()
    const codes = new PairingCodes({ now: time.now })
    const code = codes.issue('Front desk')
    for (let i = 0; i < 10; i++) {
      expect(codes.redeem(`00000000000${i}`, 'guess').ok).toBe(false)
    }
    // The eleventh within the minute is refused without being looked at: the right secret too,
    // and the code loses no try for it.
    expect(codes.redeem(code.id, code.secret)).toEqual({ ok: false, reason: 'rate-limited' })
    time.advance(60_000)
    expect(codes.redeem(code.id, code.secret)).toEqual({ ok: true, name: 'Front desk' })
  })

  it('voids an earlier code for the same desk name when a new one is issued', () => {
    const codes = new PairingCodes({ globalAttempts: roomy })
    const first = codes.issue('Front desk')
    const second = codes.issue('front desk')
    expect(codes.redeem(first.id, first.secret)).toEqual({ ok: false, reason: 'unknown' })
    expect(codes.redeem(second.id, second.secret).ok).toBe(true)
  })
})

describe('the pairing code text', () => {
  it('round-trips and carries the hub key fingerprint', () => {
    const hub = generateKeyPair()
    const codes = new PairingCodes()
    const issued = codes.issue('Front desk')
    const text = formatPairingCode({
      id: issued.id,
      secret: issued.secret,
      hubFingerprint: keyFingerprint(hub.publicKey)
    })
    expect(text).toMatch(/^msp1\.[0-9a-f]{12}\.[\w-]{22}\.[\w-]{43}$/)
    const parsed = parsePairingCode(`  ${text.slice(0, 30)}\n${text.slice(30)} `)
    expect(parsed).toEqual({
      id: issued.id,
      secret: issued.secret,
      hubFingerprint: keyFingerprint(hub.publicKey)
    })
    expect(() => parsePairingCode(text.slice(0, -1))).toThrow(/not a pairing code/)
  })
})
