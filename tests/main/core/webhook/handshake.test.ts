import { describe, expect, it } from 'vitest'
import { checkHandshake } from '../../../../src/main/core/webhook/handshake'

const TOKEN = 'my-verify-token'
const query = (q: string): URLSearchParams => new URLSearchParams(q)

describe('checkHandshake', () => {
  it('returns the challenge for subscribe with the right token', () => {
    expect(
      checkHandshake(
        query(`hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1158201444`),
        TOKEN
      )
    ).toEqual({ ok: true, challenge: '1158201444' })
  })

  it.each([
    ['a wrong token', `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`, 'token'],
    ['no token', `hub.mode=subscribe&hub.challenge=1`, 'token'],
    ['a wrong mode', `hub.mode=unsubscribe&hub.verify_token=${TOKEN}&hub.challenge=1`, 'mode'],
    ['no mode', `hub.verify_token=${TOKEN}&hub.challenge=1`, 'mode'],
    [
      'a repeated mode',
      `hub.mode=subscribe&hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1`,
      'mode'
    ],
    ['no challenge', `hub.mode=subscribe&hub.verify_token=${TOKEN}`, 'challenge'],
    [
      'an oversized challenge',
      `hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=${'9'.repeat(257)}`,
      'challenge'
    ]
  ])('fails with %s', (_name, q, reason) => {
    expect(checkHandshake(query(q), TOKEN)).toEqual({ ok: false, reason })
  })

  it('fails for an empty token while none is configured', () => {
    expect(
      checkHandshake(query('hub.mode=subscribe&hub.verify_token=&hub.challenge=1'), '')
    ).toEqual({ ok: false, reason: 'token' })
  })
})
