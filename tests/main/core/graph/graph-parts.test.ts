/**
 * The Graph client is three parts by what they talk to (calls, profiles, setup). Each stands on
 * its own over a transport, so a caller can take only the part it uses.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  GraphCallsApi,
  GraphClient,
  GraphProfilesApi,
  GraphSetupApi,
  type GraphCredentials
} from '../../../../src/main/core/graph'
import { GraphTransport } from '../../../../src/main/core/graph/transport'
import { startFakeGraph, type FakeGraph, type RecordedRequest } from './fake-graph'

const creds: GraphCredentials = {
  pageId: '106378625516323',
  pageAccessToken: 'page-token-for-parts-tests-0001',
  appId: '998877',
  appSecret: 'app-secret-for-parts-tests'
}
const OFFER = 'v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\n'
const ANSWER = 'v=0\r\no=meta 3 4 IN IP4 157.240.0.1\r\ns=answer\r\n'

let graph: FakeGraph | undefined
afterEach(async () => {
  await graph?.close()
  graph = undefined
})

function reply(request: RecordedRequest): { json: unknown } {
  if (request.path.endsWith('/calls')) {
    return { json: { success: true, session: { sdp_response: ANSWER } } }
  }
  if (request.path === `/v26.0/${creds.pageId}`) return { json: { id: creds.pageId, name: 'Shop' } }
  return { json: { first_name: 'Ada', last_name: 'Lovelace' } }
}

async function transport(): Promise<GraphTransport> {
  graph = await startFakeGraph(reply)
  return new GraphTransport({ host: graph.url, version: 'v26.0', credentials: () => creds })
}

describe('the Graph client parts', () => {
  it('answer on their own over one transport', async () => {
    const http = await transport()
    expect(await new GraphCallsApi(http).acceptCall('c_1', OFFER)).toEqual({
      answer: ANSWER,
      renegotiation: undefined
    })
    expect(await new GraphSetupApi(http).getPage()).toEqual({ id: creds.pageId, name: 'Shop' })
    expect(await new GraphProfilesApi(http).getCallerProfile('psid_1')).toEqual({
      name: 'Ada Lovelace'
    })
    expect(graph?.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v26.0/${creds.pageId}/calls`,
      `GET /v26.0/${creds.pageId}`,
      'GET /v26.0/psid_1'
    ])
  })

  it('are the same objects the client speaks through', async () => {
    graph = await startFakeGraph(reply)
    const client = new GraphClient({ host: graph.url, version: 'v26.0', credentials: () => creds })
    expect(client.calls).toBeInstanceOf(GraphCallsApi)
    expect(client.profiles).toBeInstanceOf(GraphProfilesApi)
    expect(client.setup).toBeInstanceOf(GraphSetupApi)
    expect(await client.setup.getPage()).toEqual(await client.getPage())
  })
})
