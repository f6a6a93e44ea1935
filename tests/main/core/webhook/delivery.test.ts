import { describe, expect, it } from 'vitest'
import { parseDelivery } from '../../../../src/main/core/webhook/delivery'

const parse = (text: string | Buffer): ReturnType<typeof parseDelivery> =>
  parseDelivery(typeof text === 'string' ? Buffer.from(text) : text)

describe('parseDelivery', () => {
  it('accepts a page envelope and keeps its entries untouched', () => {
    const result = parse('{"object":"page","entry":[{"id":"1","calls":[{"event":"x"}]}],"extra":1}')
    expect(result).toEqual({
      ok: true,
      envelope: { object: 'page', entry: [{ id: '1', calls: [{ event: 'x' }] }], extra: 1 }
    })
  })

  it.each([
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'encoding'],
    ['truncated JSON', '{"object":"page","entry":[', 'json'],
    ['an empty body', '', 'json'],
    ['another object type', '{"object":"user","entry":[]}', 'envelope'],
    ['no object field', '{"entry":[]}', 'envelope'],
    ['entry not an array', '{"object":"page","entry":{"id":"1"}}', 'envelope'],
    ['no entry', '{"object":"page"}', 'envelope'],
    ['a top-level array', '[{"object":"page","entry":[]}]', 'envelope'],
    ['a JSON string', '"page"', 'envelope']
  ])('refuses %s', (_name, body, reason) => {
    expect(parse(body)).toEqual({ ok: false, reason })
  })
})
