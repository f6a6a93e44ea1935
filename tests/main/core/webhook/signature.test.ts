import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  secretsEqual,
  signBody,
  verifySignature
} from '../../../../src/main/core/webhook/signature'

const SECRET = 'app-secret-0123'

describe('signBody', () => {
  it('matches the RFC 4231 HMAC-SHA256 test vector', () => {
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
    )
  })

  it('signs a Buffer and the same string identically', () => {
    const text = '{"object":"page","entry":[]}'
    expect(signBody(Buffer.from(text), SECRET)).toBe(signBody(text, SECRET))
  })
})

describe('verifySignature', () => {
  const body = Buffer.from('{"object":"page","entry":[{"id":"1"}]}')
  const good = signBody(body, SECRET)

  it('accepts the signature of the exact bytes', () => {
    expect(verifySignature(body, good, SECRET)).toBe(true)
  })

  it('accepts upper-case hex and surrounding whitespace', () => {
    expect(verifySignature(body, ` sha256=${good.slice(7).toUpperCase()} `, SECRET)).toBe(true)
  })

  it('rejects a missing header', () => {
    expect(verifySignature(body, undefined, SECRET)).toBe(false)
  })

  it('rejects a signature made with another secret', () => {
    expect(verifySignature(body, signBody(body, 'another-secret'), SECRET)).toBe(false)
  })

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(body)
    tampered[tampered.length - 3] = 0x32
    expect(verifySignature(tampered, good, SECRET)).toBe(false)
  })

  it('rejects a signature over the re-serialised JSON instead of the raw bytes', () => {
    const raw = Buffer.from('{ "object": "page", "entry": [ { "id": "\\u0031" } ] }')
    const reserialised = JSON.stringify(JSON.parse(raw.toString('utf8')))
    expect(verifySignature(raw, signBody(reserialised, SECRET), SECRET)).toBe(false)
    expect(verifySignature(raw, signBody(raw, SECRET), SECRET)).toBe(true)
  })

  it.each([
    ['no prefix', good.slice(7)],
    ['the SHA-1 header scheme', `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`],
    ['a short digest', good.slice(0, -2)],
    ['a long digest', `${good}00`],
    ['non-hex characters', `sha256=${'zz'.repeat(32)}`],
    ['two joined headers', `${good}, ${good}`],
    ['an empty value', '']
  ])('rejects a malformed header: %s', (_name, header) => {
    expect(verifySignature(body, header, SECRET)).toBe(false)
  })

  it('never verifies with an empty secret, even a body signed with it', () => {
    expect(verifySignature(body, signBody(body, ''), '')).toBe(false)
  })
})

describe('secretsEqual', () => {
  it('is true only for the same string', () => {
    expect(secretsEqual('verify-token', 'verify-token')).toBe(true)
    expect(secretsEqual('verify-tokeN', 'verify-token')).toBe(false)
  })

  it('handles different lengths without throwing', () => {
    expect(secretsEqual('short', 'a much longer token')).toBe(false)
    expect(secretsEqual('', 'token')).toBe(false)
  })

  it('never matches an empty expected value', () => {
    expect(secretsEqual('', '')).toBe(false)
  })
})
