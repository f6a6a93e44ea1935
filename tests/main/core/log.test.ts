import { describe, expect, it } from 'vitest'
import { memoryLogger, redact, registerSecret } from '../../../src/main/core/log'

describe('core logger redaction', () => {
  it('never writes a secret nested deeper than it walks', () => {
    const secret = 'deep-secret-value-123'
    registerSecret(secret)
    let nested: Record<string, unknown> = { note: secret, access: { token: 'x' } }
    for (let i = 0; i < 10; i++) nested = { level: nested }
    const logger = memoryLogger()
    logger.info('something happened', { nested })
    const written = JSON.stringify(logger.entries)
    expect(written).not.toContain(secret)
    expect(JSON.stringify(redact(nested))).not.toContain(secret)
  })

  it('still redacts strings and secret keys at ordinary depths', () => {
    registerSecret('shallow-secret-456')
    expect(redact({ a: { b: 'x shallow-secret-456 y', appSecret: 'anything' } })).toEqual({
      a: { b: 'x [redacted] y', appSecret: '[redacted]' }
    })
  })
})
