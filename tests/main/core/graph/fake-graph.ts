/**
 * A tiny real HTTP server on 127.0.0.1 that plays Graph for one test: it records every request
 * and answers with whatever the test's handler returns.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path without the query. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export interface Reply {
  status?: number
  /** Serialised as the body, with a JSON content type. */
  json?: unknown
  /** Raw body (wins over `json`). */
  body?: string | Buffer
  headers?: Record<string, string>
  /** Never answer: for timeout tests. */
  hang?: boolean
  /** Send the headers and this much of the body, then stall forever. */
  stallAfter?: string
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>

export interface FakeGraph {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startFakeGraph(handler: Handler): Promise<FakeGraph> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(recorded)
      void Promise.resolve(handler(recorded)).then((reply) => {
        if (reply.hang) return
        if (reply.stallAfter !== undefined) {
          res.writeHead(reply.status ?? 200, {
            'content-type': 'application/json',
            ...reply.headers
          })
          res.write(reply.stallAfter)
          return
        }
        const body = reply.body ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))
        const headers: Record<string, string> = { ...reply.headers }
        if (reply.body === undefined && reply.json !== undefined)
          headers['content-type'] ??= 'application/json'
        res.writeHead(reply.status ?? 200, headers)
        res.end(body)
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A realistic Graph error body. */
export function graphError(
  code: number,
  message: string,
  extra: { subcode?: number; type?: string; userMsg?: string } = {}
): Reply['json'] {
  return {
    error: {
      message,
      type: extra.type ?? 'OAuthException',
      code,
      ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }),
      ...(extra.userMsg === undefined ? {} : { error_user_msg: extra.userMsg }),
      fbtrace_id: 'AbCdEfTrace123'
    }
  }
}
