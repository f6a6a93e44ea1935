import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  IDENTITY_MAX_SKEW_MS,
  signIdentityAnswer,
  signIdentityRequest,
  verifyIdentityAnswer,
  verifyIdentityRequest
} from '../../../../src/main/core/webhook-owner/identity'

const SECRET = 'the-app-secret'
const NOW = 1_780_000_000_000
const DESK = { deskName: 'Front desk', pageIds: ['106378625516323'], version: '0.1.0' }

describe('the identity request', () => {
  it('a fresh request signed with the app secret passes', () => {
    const request = signIdentityRequest(SECRET, NOW)
    expect(request.nonce).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(verifyIdentityRequest(SECRET, request, NOW)).toBe(true)
    // Five minutes off either way still passes; a clock that far off is a clock, not a replay.
    expect(verifyIdentityRequest(SECRET, request, NOW + IDENTITY_MAX_SKEW_MS)).toBe(true)
    expect(verifyIdentityRequest(SECRET, request, NOW - IDENTITY_MAX_SKEW_MS)).toBe(true)
  })

  it('two requests never share a nonce', () => {
    expect(signIdentityRequest(SECRET, NOW).nonce).not.toBe(signIdentityRequest(SECRET, NOW).nonce)
  })

  it('refuses a request signed with another secret (another app, or a guess)', () => {
    expect(verifyIdentityRequest(SECRET, signIdentityRequest('other-app', NOW), NOW)).toBe(false)
  })

  it('refuses an unsigned or half-filled request', () => {
    const { nonce, ts } = signIdentityRequest(SECRET, NOW)
    expect(verifyIdentityRequest(SECRET, { nonce, ts }, NOW)).toBe(false)
    expect(verifyIdentityRequest(SECRET, {}, NOW)).toBe(false)
    expect(verifyIdentityRequest(SECRET, { nonce, ts, sig: '' }, NOW)).toBe(false)
    expect(verifyIdentityRequest(SECRET, { nonce, ts, sig: ['a', 'b'] }, NOW)).toBe(false)
  })

  it('refuses a stale request, and one from the future', () => {
    const request = signIdentityRequest(SECRET, NOW)
    expect(verifyIdentityRequest(SECRET, request, NOW + IDENTITY_MAX_SKEW_MS + 1)).toBe(false)
    expect(verifyIdentityRequest(SECRET, request, NOW - IDENTITY_MAX_SKEW_MS - 1)).toBe(false)
  })

  it('refuses a request whose time or nonce was changed after signing', () => {
    const request = signIdentityRequest(SECRET, NOW)
    expect(verifyIdentityRequest(SECRET, { ...request, ts: String(NOW + 1) }, NOW)).toBe(false)
    const nonce = `${request.nonce.slice(0, -1)}${request.nonce.endsWith('A') ? 'B' : 'A'}`
    expect(verifyIdentityRequest(SECRET, { ...request, nonce }, NOW)).toBe(false)
  })

  it('an empty app secret signs nothing: not even a request HMAC-ed under ""', () => {
    const request = signIdentityRequest('', NOW)
    expect(verifyIdentityRequest('', request, NOW)).toBe(false)
  })
})

describe('the identity answer', () => {
  it('an answer signed over our nonce gives the desk', () => {
    const { nonce } = signIdentityRequest(SECRET, NOW)
    const answer = signIdentityAnswer(SECRET, nonce, DESK)
    expect(verifyIdentityAnswer(SECRET, nonce, JSON.parse(JSON.stringify(answer)))).toEqual(DESK)
  })

  it('a replayed answer (signed for an earlier nonce) fails', () => {
    const earlier = signIdentityRequest(SECRET, NOW).nonce
    const ours = signIdentityRequest(SECRET, NOW).nonce
    const replay = signIdentityAnswer(SECRET, earlier, DESK)
    expect(verifyIdentityAnswer(SECRET, ours, replay)).toBeUndefined()
    // Nor does rewriting its nonce help: the signature covers it.
    expect(verifyIdentityAnswer(SECRET, ours, { ...replay, nonce: ours })).toBeUndefined()
  })

  it('a forged answer fails: another secret, an edited name, an unsigned one', () => {
    const { nonce } = signIdentityRequest(SECRET, NOW)
    expect(verifyIdentityAnswer(SECRET, nonce, signIdentityAnswer('guess', nonce, DESK))).toBe(
      undefined
    )
    const answer = signIdentityAnswer(SECRET, nonce, DESK)
    expect(verifyIdentityAnswer(SECRET, nonce, { ...answer, deskName: 'Evil' })).toBeUndefined()
    expect(
      verifyIdentityAnswer(SECRET, nonce, { ...answer, pageIds: ['106378625516323', '1'] })
    ).toBeUndefined()
    const { sig: _sig, ...unsigned } = answer
    expect(verifyIdentityAnswer(SECRET, nonce, unsigned)).toBeUndefined()
    expect(verifyIdentityAnswer(SECRET, nonce, 'hello')).toBeUndefined()
  })

  it('a request signature can never pass as an answer signature', () => {
    const request = signIdentityRequest(SECRET, NOW)
    const sig = createHmac('sha256', SECRET)
      .update(`softphone-hub-request\n${request.nonce}\n${request.ts}`)
      .digest('hex')
    expect(sig).toBe(request.sig)
    expect(
      verifyIdentityAnswer(SECRET, request.nonce, { ...DESK, nonce: request.nonce, sig })
    ).toBeUndefined()
  })
})
