/**
 * Reads a request body as the exact bytes that arrived, because the signature covers those bytes
 * and not any re-serialisation. Never holds more than the limit: a declared length over it is
 * refused before reading, and a stream that runs over is refused at the first chunk past it.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'

export type RawBodyResult =
  { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' }

export type BodyStream = Readable & { headers: IncomingHttpHeaders }

export function readRawBody(stream: BodyStream, limitBytes: number): Promise<RawBodyResult> {
  const declared = Number(stream.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) {
    // Left unread on purpose: Node drains it after the response, or the socket is closed.
    return Promise.resolve({ ok: false, reason: 'too-large' })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let received = 0
    const finish = (result: RawBodyResult): void => {
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('error', onAbort)
      stream.off('close', onAbort)
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      received += chunk.length
      if (received > limitBytes) {
        chunks.length = 0
        finish({ ok: false, reason: 'too-large' })
        // Keep the stream flowing into nowhere so the client is not stuck mid-upload.
        stream.resume()
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, received) })
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' })
    stream.on('data', onData)
    stream.on('end', onEnd)
    stream.on('error', onAbort)
    stream.on('close', onAbort)
  })
}
