/**
 * Graph's failures travel as words (issue 15, item 4): each classification names a key of the
 * errors catalogue with its parameters, so every window says it in its own language; the English
 * userMessage is made from that same key.
 */
import { describe, expect, it } from 'vitest'
import { toServiceError, type GraphError } from '../../../../src/main/core/graph'
import { refused } from '../../../../src/main/core/graph/errors'
import {
  graphErrorFromBody,
  graphErrorFromThrown,
  type RequestInfo
} from '../../../../src/main/core/graph/classify'
import { registerSecret } from '../../../../src/main/core/log'
import { englishWords } from '../../../../src/shared/words-english'

const call: RequestInfo = { method: 'POST', path: '/v26.0/1/calls', status: 400, context: 'call' }
const setup: RequestInfo = { ...call, context: 'setup' }

function body(code: number, message: string, extra: Record<string, unknown> = {}) {
  return { message, type: 'OAuthException', code, ...extra }
}

describe('Graph errors as words', () => {
  it.each([
    ['an expired token', body(190, 'Error validating access token'), call, 'graph.tokenExpired'],
    ['a throttle', body(4, 'Application request limit reached'), call, 'graph.rateLimited'],
    ['a call already ended', body(100, 'Call has already ended'), call, 'graph.callState'],
    ['bad media', body(100, 'Invalid SDP in connection info'), call, 'graph.badMedia'],
    ['an unknown call', body(100, 'Invalid call id'), call, 'graph.unknownCall'],
    ['an outage', body(2, 'Service temporarily unavailable'), call, 'graph.unavailable'],
    ['a permission', body(200, 'Permissions error'), setup, 'graph.permission']
  ])('%s names its key, and its English is that key’s text', (_name, detail, request, key) => {
    const error = graphErrorFromBody(detail, request)
    expect(error.userWords).toEqual({ key })
    expect(error.userMessage).toBe(englishWords({ key } as GraphError['userWords']))
  })

  it('names the missing permission as a parameter', () => {
    const error = graphErrorFromBody(body(200, 'Requires pages_messaging permission'), setup)
    expect(error.userWords).toEqual({
      key: 'graph.permissionNamed',
      params: { name: 'pages_messaging' }
    })
    expect(error.userMessage).toBe(
      'Facebook says this app is missing a permission (pages_messaging); reconnect the Page in Settings and allow it.'
    )
  })

  it("passes Graph's own text as a parameter, redacted like the log", () => {
    registerSecret('SECRET-IN-GRAPH-TEXT-77')
    const detail = body(100, 'x', {
      error_user_msg: 'Calling is not enabled (SECRET-IN-GRAPH-TEXT-77)'
    })
    const error = graphErrorFromBody(detail, setup)
    expect(error.userWords.key).toBe('graph.refusedSaying')
    expect(String(error.userWords.params?.['said'])).toMatch(/^Calling is not enabled \(.+\)\.$/)
    expect(JSON.stringify(error.userWords)).not.toContain('SECRET-IN-GRAPH-TEXT-77')
  })

  it('words a network failure and a timeout by what happened', () => {
    const refusedConnection = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    })
    const info = { method: 'GET', path: '/v26.0/me', context: 'setup' as const }
    expect(graphErrorFromThrown(refusedConnection, info, 1000).userWords).toEqual({
      key: 'network.refused'
    })
    const timeout = Object.assign(new Error('late'), { name: 'TimeoutError' })
    expect(graphErrorFromThrown(timeout, info, 1000).userWords).toEqual({ key: 'network.timeout' })
  })

  it('words a refusal without a reason by what the app asked for', () => {
    expect(refused('declineCall', '1').userWords).toEqual({ key: 'graph.notConfirmed.declineCall' })
    expect(refused('declineCall', '1').userMessage).toBe(
      'Facebook did not confirm the request to decline the call; try again in a moment.'
    )
  })

  it('keeps the words on the ServiceError every transport carries', () => {
    const error = graphErrorFromBody(body(4, 'limit'), call)
    expect(toServiceError(error)).toMatchObject({
      code: 'graph',
      message: error.userMessage,
      words: { key: 'graph.rateLimited' }
    })
    expect(toServiceError(new Error('boom'))).toMatchObject({
      code: 'internal',
      words: { key: 'graph.unexpected' }
    })
  })
})
