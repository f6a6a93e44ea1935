import { afterEach, describe, expect, it } from 'vitest'
import { GraphClient, GraphError, type GraphCredentials } from '../../../../src/main/core/graph'
import { graphErrorFromThrown } from '../../../../src/main/core/graph/classify'
import { networkFailure } from '../../../../src/main/core/graph/network'
import { graphError, startFakeGraph, type FakeGraph } from './fake-graph'

const creds: GraphCredentials = {
  pageId: '106378625516323',
  pageAccessToken: 'plain-page-token-NETTEST-7',
  appId: '998877',
  appSecret: 'shh-app-secret-NETTEST'
}
const request = { method: 'GET', path: '/v26.0/me', context: 'setup' as const }

let graph: FakeGraph | undefined
afterEach(async () => {
  await graph?.close()
  graph = undefined
})

/** What undici throws: TypeError("fetch failed") whose cause carries the system's code. */
function fetchFailed(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code} 157.240.1.1:443`), { code })
  return new TypeError('fetch failed', { cause })
}

async function failure(client: GraphClient): Promise<GraphError> {
  const error = await client.getTokenOwner().then(
    () => new Error('expected the request to fail'),
    (e: unknown) => e
  )
  if (!(error instanceof GraphError)) throw error
  return error
}

describe('why Facebook could not be reached', () => {
  it('says a refused connection was refused, not that Facebook was slow', async () => {
    graph = await startFakeGraph(() => ({ json: {} }))
    const url = graph.url
    await graph.close()
    graph = undefined
    const error = await failure(new GraphClient({ host: url, credentials: () => creds }))
    expect(error).toMatchObject({ kind: 'unavailable', timedOut: false, network: 'refused' })
    expect(error.userMessage).toBe(
      "Can't reach Facebook: the connection was refused, so a firewall or proxy may be blocking it."
    )
  })

  it('says a name that cannot be looked up is a DNS problem', async () => {
    // .invalid never resolves (RFC 2606), online or not.
    const client = new GraphClient({ host: 'http://graph.invalid', credentials: () => creds })
    const error = await failure(client)
    expect(error.network).toBe('dns')
    expect(error.userMessage).toBe(
      "Can't reach Facebook: its address could not be looked up; check the internet connection."
    )
  })

  it('tells offline, DNS, reset and connect timeouts apart by the system code', () => {
    expect(networkFailure(fetchFailed('ENETUNREACH'))).toBe('offline')
    expect(networkFailure(fetchFailed('EHOSTUNREACH'))).toBe('offline')
    expect(networkFailure(fetchFailed('EAI_AGAIN'))).toBe('dns')
    expect(networkFailure(fetchFailed('ECONNRESET'))).toBe('reset')
    expect(networkFailure(fetchFailed('UND_ERR_CONNECT_TIMEOUT'))).toBe('timeout')
    expect(networkFailure(new TypeError('fetch failed'))).toBe('other')
    // Node tries each address of the host in turn and reports them all together.
    const both = new AggregateError(
      [fetchFailed('ENETUNREACH').cause, new Error('x')],
      'all failed'
    )
    expect(networkFailure(new TypeError('fetch failed', { cause: both }))).toBe('offline')
  })

  it('gives each failure its own sentence, and only a timeout says "did not answer in time"', () => {
    const offline = graphErrorFromThrown(fetchFailed('ENETUNREACH'), request, 10_000)
    expect(offline.userMessage).toBe(
      "Can't reach Facebook: this computer is offline; check the internet connection."
    )
    const connectTimeout = graphErrorFromThrown(fetchFailed('UND_ERR_CONNECT_TIMEOUT'), request, 1)
    expect(connectTimeout).toMatchObject({ timedOut: true, network: 'timeout' })
    expect(connectTimeout.userMessage).toMatch(/did not answer in time/)
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ENETUNREACH', 'ECONNRESET', 'EWHATEVER'])
      expect(graphErrorFromThrown(fetchFailed(code), request, 1).userMessage).not.toMatch(/in time/)
  })

  it('does not call an outage on Facebook’s side a timeout', async () => {
    graph = await startFakeGraph(() => ({
      status: 503,
      json: graphError(2, 'Service temporarily unavailable')
    }))
    const error = await failure(new GraphClient({ host: graph.url, credentials: () => creds }))
    expect(error).toMatchObject({ kind: 'unavailable', timedOut: false })
    expect(error.userMessage).not.toMatch(/in time/)
  })
})
