import { afterEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../../../src/shared/api'
import {
  GraphClient,
  GraphError,
  toServiceError,
  type GraphCredentials,
  type GraphErrorKind
} from '../../../../src/main/core/graph'
import { graphErrorFromThrown } from '../../../../src/main/core/graph/classify'
import { memoryLogger } from '../../../../src/main/core/log'
import { graphError, startFakeGraph, type FakeGraph, type Reply } from './fake-graph'

// Deliberately not shaped like a Meta token (no EAA prefix): only registerSecret can hide it.
const creds: GraphCredentials = {
  pageId: '106378625516323',
  pageAccessToken: 'plain-page-token-ERRTEST-42',
  appId: '998877',
  appSecret: 'shh-app-secret-ERRTEST'
}
const OFFER = 'v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\n'

let graph: FakeGraph | undefined
afterEach(async () => {
  await graph?.close()
  graph = undefined
})

async function failWith(
  reply: Reply | ((auth: string, proof: string) => Reply),
  run: (client: GraphClient) => Promise<unknown>,
  timeoutMs?: number
) {
  graph = await startFakeGraph((req) =>
    typeof reply === 'function'
      ? reply(req.headers.authorization ?? '', req.query.get('appsecret_proof') ?? '')
      : reply
  )
  const logger = memoryLogger()
  const client = new GraphClient({ host: graph.url, credentials: () => creds, logger, timeoutMs })
  const error = await run(client).then(
    () => {
      throw new Error('expected the request to fail')
    },
    (e: unknown) => e
  )
  if (!(error instanceof GraphError)) throw error
  return { error, logger }
}

const accept = (c: GraphClient) => c.acceptCall('c_1', OFFER)
const terminate = (c: GraphClient) => c.terminateCall('c_1')
const reject = (c: GraphClient) => c.rejectCall('c_1')
const settings = (c: GraphClient) => c.getCallSettings()

interface Case {
  name: string
  reply: Reply
  run: (c: GraphClient) => Promise<unknown>
  kind: GraphErrorKind
  says?: RegExp
}

const cases: Case[] = [
  {
    name: 'expired token (190/463)',
    reply: {
      status: 400,
      json: graphError(
        190,
        'Error validating access token: Session has expired on Tuesday, 10-Mar-26 09:00:00 PDT.',
        { subcode: 463 }
      )
    },
    run: accept,
    kind: 'token-expired',
    says: /Reconnect the Page in Settings/
  },
  {
    name: 'logged-out session (190/467)',
    reply: {
      status: 400,
      json: graphError(190, 'Error validating access token: The user has logged out.', {
        subcode: 467
      })
    },
    run: terminate,
    kind: 'token-expired'
  },
  {
    name: 'invalid session key (102)',
    reply: { status: 400, json: graphError(102, 'Session key invalid or no longer valid') },
    run: settings,
    kind: 'token-expired'
  },
  {
    name: 'missing pages_messaging (200)',
    reply: {
      status: 403,
      json: graphError(200, '(#200) Requires pages_messaging permission to manage the object')
    },
    run: accept,
    kind: 'permission',
    says: /missing a permission \(pages_messaging\)/
  },
  {
    name: 'generic permission (10)',
    reply: {
      status: 403,
      json: graphError(10, '(#10) Application does not have permission for this action')
    },
    run: settings,
    kind: 'permission',
    says: /missing a permission/
  },
  {
    name: 'app rate limit (4)',
    reply: { status: 400, json: graphError(4, '(#4) Application request limit reached') },
    run: accept,
    kind: 'rate-limited',
    says: /Wait a few minutes/
  },
  {
    name: 'page rate limit (32)',
    reply: { status: 400, json: graphError(32, '(#32) Page request limit reached') },
    run: terminate,
    kind: 'rate-limited'
  },
  {
    name: 'api rate limit (613)',
    reply: {
      status: 400,
      json: graphError(613, '(#613) Calls to this api have exceeded the rate limit.')
    },
    run: settings,
    kind: 'rate-limited'
  },
  {
    name: 'messenger BUC limit (80006)',
    reply: {
      status: 400,
      json: graphError(80006, 'There have been too many calls to this Messenger account.')
    },
    run: accept,
    kind: 'rate-limited'
  },
  {
    name: 'invalid call id (100)',
    reply: {
      status: 400,
      json: graphError(100, '(#100) Invalid call id', { type: 'GraphMethodException' })
    },
    run: accept,
    kind: 'unknown-call',
    says: /no longer exists on Facebook/
  },
  {
    name: 'bare invalid parameter on a call action (100)',
    reply: { status: 400, json: graphError(100, '(#100) Invalid parameter') },
    run: reject,
    kind: 'unknown-call'
  },
  {
    name: 'call already terminated',
    reply: { status: 400, json: graphError(100, '(#100) Call has already been terminated') },
    run: terminate,
    kind: 'call-state',
    says: /already ended/
  },
  {
    name: 'cannot reject a completed call',
    reply: {
      status: 400,
      json: graphError(100, '(#100) Cannot reject a call that has failed or completed')
    },
    run: reject,
    kind: 'call-state'
  },
  {
    name: 'invalid connection info',
    reply: { status: 400, json: graphError(100, '(#100) Invalid connection info') },
    run: accept,
    kind: 'bad-media'
  },
  {
    name: 'bad SDP',
    reply: { status: 400, json: graphError(100, '(#100) Param session[sdp] is not a valid SDP') },
    run: accept,
    kind: 'bad-media'
  },
  {
    name: 'Graph internal error (2, HTTP 500)',
    reply: {
      status: 500,
      json: graphError(2, 'An unexpected error has occurred. Please retry your request later.')
    },
    run: accept,
    kind: 'unavailable'
  },
  {
    name: 'proxy 502 with an HTML body',
    reply: {
      status: 502,
      body: '<html><body>Bad Gateway</body></html>',
      headers: { 'content-type': 'text/html' }
    },
    run: terminate,
    kind: 'unavailable'
  },
  {
    name: 'HTTP 200 with a non-JSON body',
    reply: { status: 200, body: 'OK, probably', headers: { 'content-type': 'text/plain' } },
    run: terminate,
    kind: 'invalid-response'
  },
  {
    name: 'HTTP 200 with the wrong JSON shape',
    reply: { json: { ok: 1 } },
    run: terminate,
    kind: 'invalid-response'
  },
  {
    name: 'a redirect (never followed)',
    reply: { status: 302, headers: { location: 'http://127.0.0.1:1/steal' } },
    run: terminate,
    kind: 'invalid-response'
  },
  {
    name: 'Messenger policy refusal (10/2018278) is not a missing permission',
    reply: {
      status: 400,
      json: graphError(10, '(#10) This message is sent outside of allowed window.', {
        subcode: 2018278
      })
    },
    run: (c) => c.sendCallPermissionRequest('555'),
    kind: 'other',
    says: /^Facebook refused the request: This message is sent outside of allowed window\.$/
  },
  {
    name: 'transient error flagged by Graph',
    reply: {
      status: 400,
      json: {
        error: { message: 'Please retry', code: 1200, is_transient: true, fbtrace_id: 'T' }
      }
    },
    run: settings,
    kind: 'unavailable'
  },
  {
    name: 'code 100 outside a call action, with a user message',
    reply: {
      status: 400,
      json: graphError(100, '(#100) Calling is not enabled for this Page', {
        userMsg: "Calling isn't available for this Page in your country"
      })
    },
    run: settings,
    kind: 'other',
    says: /^Facebook refused the request: Calling isn't available for this Page in your country\.$/
  }
]

describe('GraphError kinds from realistic Graph replies', () => {
  it.each(cases)('$name -> $kind', async ({ reply, run, kind, says }) => {
    const { error } = await failWith(reply, run)
    expect(error.kind).toBe(kind)
    if (says) expect(error.userMessage).toMatch(says)
    // One sentence-ish line, never empty, never the raw "(#100)" prefix.
    expect(error.userMessage.length).toBeGreaterThan(20)
    expect(error.userMessage).not.toMatch(/\(#\d+\)/)
  })

  it('keeps code, subcode, fbtrace id and status for the log', async () => {
    const { error, logger } = await failWith(
      {
        status: 400,
        json: graphError(190, 'Error validating access token', { subcode: 463 })
      },
      accept
    )
    expect(error).toMatchObject({
      status: 400,
      code: 190,
      subcode: 463,
      fbtraceId: 'AbCdEfTrace123'
    })
    expect(error.method).toBe('POST')
    expect(error.path).toBe(`/v26.0/${creds.pageId}/calls`)
    const entry = logger.entries.find((e) => e.message === 'graph request failed')
    expect(entry?.fields).toMatchObject({
      kind: 'token-expired',
      fbtraceId: 'AbCdEfTrace123',
      status: 400
    })
  })

  it('maps to a ServiceError with the user message', async () => {
    const { error } = await failWith({ status: 400, json: graphError(4, 'limit') }, accept)
    const service = error.toServiceError()
    expect(service).toBeInstanceOf(ServiceError)
    expect(service).toMatchObject({ code: 'graph', message: error.userMessage })
    expect(toServiceError(error)).toMatchObject({ code: 'graph' })
    expect(toServiceError(new Error('boom'))).toMatchObject({ code: 'internal' })
    expect(error.transient).toBe(true)
  })
})

describe('timeouts and network failures', () => {
  it('gives up on a server that never answers', async () => {
    const started = Date.now()
    const { error } = await failWith({ hang: true }, accept, 150)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(error.kind).toBe('unavailable')
    expect(error.timedOut).toBe(true)
    expect(error.userMessage).toBe(
      'Facebook did not answer in time. Check the internet connection and try again.'
    )
  })

  it('gives up on a body that stalls halfway', async () => {
    const { error } = await failWith({ stallAfter: '{"success":' }, terminate, 150)
    expect(error).toMatchObject({ kind: 'unavailable', timedOut: true })
  })

  it('reports a refused connection as unavailable', async () => {
    graph = await startFakeGraph(() => ({ json: {} }))
    const url = graph.url
    await graph.close()
    graph = undefined
    const client = new GraphClient({ host: url, credentials: () => creds })
    await expect(client.terminateCall('c_1')).rejects.toMatchObject({
      kind: 'unavailable',
      timedOut: false,
      message: expect.stringContaining('ECONNREFUSED')
    })
  })
})

describe('secrets never leak', () => {
  const secrets = (proof: string) => [creds.pageAccessToken, creds.appSecret, proof]

  it('redacts a token, secret and proof that Graph echoes back in its error', async () => {
    let proof = ''
    const { error, logger } = await failWith((auth, sentProof) => {
      proof = sentProof
      const token = auth.replace(/^Bearer /, '')
      return {
        status: 400,
        json: graphError(
          100,
          `(#100) Weird request with token ${token}, proof ${sentProof} and secret ${creds.appSecret}`,
          { userMsg: `Token ${token} is odd` }
        )
      }
    }, settings)
    expect(proof).toMatch(/^[0-9a-f]{64}$/)
    expect(error.kind).toBe('other')
    const visible = [
      error.message,
      error.userMessage,
      error.toServiceError().message,
      JSON.stringify(error.toLogFields()),
      JSON.stringify(logger.entries)
    ].join('\n')
    expect(visible).toContain('[redacted]')
    for (const secret of secrets(proof)) expect(visible).not.toContain(secret)
  })

  it('redacts the token in a 190 "cannot parse access token" error', async () => {
    const { error, logger } = await failWith(
      (auth) => ({
        status: 400,
        json: graphError(190, `Invalid OAuth access token - Cannot parse access token: ${auth}`)
      }),
      accept
    )
    expect(error.kind).toBe('token-expired')
    const visible = `${error.message}\n${error.userMessage}\n${JSON.stringify(logger.entries)}`
    expect(visible).not.toContain(creds.pageAccessToken)
  })

  it('redacts a network error whose text holds the URL with appsecret_proof', async () => {
    // A real fetch failure that quotes its URL (as undici does for an unparsable one).
    const url = `http://bad host.invalid/v26.0/${creds.pageId}/calls?appsecret_proof=abcdef0123456789&access_token=${creds.pageAccessToken}`
    const thrown = await fetch(url).catch((e: unknown) => e)
    expect(String((thrown as Error).message)).toContain('appsecret_proof=abcdef0123456789')
    const error = graphErrorFromThrown(
      thrown,
      { method: 'POST', path: `/v26.0/${creds.pageId}/calls`, context: 'call' },
      10_000
    )
    expect(error.kind).toBe('unavailable')
    expect(error.message).not.toContain('abcdef0123456789')
    expect(error.message).not.toContain(creds.pageAccessToken)
    expect(error.message).toContain('appsecret_proof=[redacted]')
  })
})
