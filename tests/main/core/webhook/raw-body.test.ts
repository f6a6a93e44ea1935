import { Readable } from 'node:stream'
import type { IncomingHttpHeaders } from 'node:http'
import { describe, expect, it } from 'vitest'
import { readRawBody } from '../../../../src/main/core/webhook/raw-body'
import type { BodyStream } from '../../../../src/main/core/webhook/raw-body'

function bodyStream(
  chunks: Buffer[],
  headers: IncomingHttpHeaders = {}
): BodyStream & {
  pulled: () => number
} {
  let index = 0
  const stream = new Readable({
    read() {
      this.push(index < chunks.length ? chunks[index++] : null)
    }
  })
  return Object.assign(stream, { headers, pulled: () => index })
}

describe('readRawBody', () => {
  it('returns the exact bytes, chunk boundaries and all', async () => {
    const chunks = [Buffer.from('{"a":'), Buffer.from([0xe2, 0x82]), Buffer.from([0xac, 0x7d])]
    const result = await readRawBody(bodyStream(chunks), 100)
    expect(result).toEqual({ ok: true, body: Buffer.concat(chunks) })
  })

  it('accepts a body of exactly the limit', async () => {
    const result = await readRawBody(bodyStream([Buffer.alloc(60), Buffer.alloc(40)]), 100)
    expect(result.ok && result.body.length).toBe(100)
  })

  it('refuses a declared length over the limit without reading anything', async () => {
    const stream = bodyStream([Buffer.alloc(10)], { 'content-length': '101' })
    expect(await readRawBody(stream, 100)).toEqual({ ok: false, reason: 'too-large' })
    expect(stream.pulled()).toBe(0)
  })

  it('refuses an undeclared body as soon as it runs over, before it ends', async () => {
    // Chunks trickle in one per turn, as from a socket, so "before it ends" is observable.
    let sent = 0
    const stream = new Readable({
      read() {
        setImmediate(() => this.push(sent++ < 50 ? Buffer.alloc(30) : null))
      }
    })
    const result = await readRawBody(Object.assign(stream, { headers: {} }), 100)
    expect(result).toEqual({ ok: false, reason: 'too-large' })
    expect(sent).toBeLessThan(10)
  })

  it('reports an aborted upload', async () => {
    const stream = new Readable({ read() {} })
    const pending = readRawBody(Object.assign(stream, { headers: {} }), 100)
    stream.push(Buffer.from('{"obj'))
    stream.destroy(new Error('socket hang up'))
    expect(await pending).toEqual({ ok: false, reason: 'aborted' })
  })
})
