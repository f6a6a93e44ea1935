import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { GraphClient, appsecretProof, type GraphCredentials } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { startFakeGraph, type FakeGraph, type Handler, type RecordedRequest } from './fake-graph'

const creds: GraphCredentials = {
  pageId: '106378625516323',
  pageAccessToken: 'page-token-for-client-tests-0001',
  appId: '998877',
  appSecret: 'app-secret-for-client-tests'
}
const appToken = `${creds.appId}|${creds.appSecret}`
const OFFER = 'v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\n'
const ANSWER = 'v=0\r\no=meta 3 4 IN IP4 157.240.0.1\r\ns=answer\r\n'
const RENEG = 'v=0\r\no=meta 5 6 IN IP4 157.240.0.1\r\ns=reneg\r\n'

/** Independent of the client's code path: the definition, HMAC-SHA256(key=secret, data=token). */
function expectedProof(token: string): string {
  return createHmac('sha256', creds.appSecret).update(token, 'utf8').digest('hex')
}

let graph: FakeGraph | undefined
afterEach(async () => {
  await graph?.close()
  graph = undefined
})

async function setup(handler: Handler, credentials: () => Partial<GraphCredentials> = () => creds) {
  graph = await startFakeGraph(handler)
  const logger = memoryLogger()
  const client = new GraphClient({ host: graph.url, version: 'v26.0', credentials, logger })
  return { client, graph, logger }
}

function last(g: FakeGraph): RecordedRequest {
  const request = g.requests.at(-1)
  if (!request) throw new Error('no request recorded')
  return request
}

function expectPageAuth(request: RecordedRequest): void {
  expect(request.headers.authorization).toBe(`Bearer ${creds.pageAccessToken}`)
  expect(request.query.get('appsecret_proof')).toBe(expectedProof(creds.pageAccessToken))
  expect(request.query.get('access_token')).toBeNull()
}

describe('appsecretProof', () => {
  it('is hex HMAC-SHA256 of the token keyed with the secret (RFC 4231-style known vector)', () => {
    expect(appsecretProof('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'
    )
  })
})

describe('GraphClient calls API', () => {
  it('accepts with the documented body and reads plain-string SDP fields', async () => {
    const { client, graph } = await setup(() => ({
      json: { success: true, session: { sdp_response: ANSWER, sdp_renegotiation: RENEG } }
    }))
    const result = await client.acceptCall('c_abc', OFFER)
    expect(result).toEqual({ answer: ANSWER, renegotiation: RENEG })
    const request = last(graph)
    expect(request.method).toBe('POST')
    expect(request.path).toBe(`/v26.0/${creds.pageId}/calls`)
    expect(request.headers['content-type']).toBe('application/json')
    expectPageAuth(request)
    expect(JSON.parse(request.body)).toEqual({
      platform: 'messenger',
      call_id: 'c_abc',
      action: 'accept',
      session: { sdp_type: 'offer', sdp: OFFER }
    })
  })

  it('reads the {sdp_type, sdp} object shape and a missing renegotiation', async () => {
    const { client } = await setup(() => ({
      json: { success: true, session: { sdp_response: { sdp_type: 'answer', sdp: ANSWER } } }
    }))
    expect(await client.acceptCall('c_abc', OFFER)).toEqual({
      answer: ANSWER,
      renegotiation: undefined
    })
  })

  it('reads object-shaped renegotiation too', async () => {
    const { client } = await setup(() => ({
      json: {
        success: true,
        session: {
          sdp_response: { sdp_type: 'answer', sdp: ANSWER },
          sdp_renegotiation: { sdp_type: 'offer', sdp: RENEG }
        }
      }
    }))
    expect(await client.acceptCall('c_abc', OFFER)).toEqual({
      answer: ANSWER,
      renegotiation: RENEG
    })
  })

  it('fails typed on success:false and on a missing answer', async () => {
    const bodies: unknown[] = [
      { success: false, session: { sdp_response: ANSWER } },
      { success: true, session: {} },
      { success: true }
    ]
    const { client } = await setup(() => ({ json: bodies.shift() }))
    await expect(client.acceptCall('c_1', OFFER)).rejects.toMatchObject({
      name: 'GraphError',
      kind: 'other'
    })
    await expect(client.acceptCall('c_1', OFFER)).rejects.toMatchObject({
      kind: 'invalid-response'
    })
    await expect(client.acceptCall('c_1', OFFER)).rejects.toMatchObject({
      kind: 'invalid-response'
    })
  })

  it('rejects and terminates with {call_id, action}', async () => {
    const { client, graph } = await setup(() => ({ json: { success: true } }))
    await client.rejectCall('c_r')
    expect(JSON.parse(last(graph).body)).toEqual({ call_id: 'c_r', action: 'reject' })
    await client.terminateCall('c_t')
    const request = last(graph)
    expect(request.path).toBe(`/v26.0/${creds.pageId}/calls`)
    expect(JSON.parse(request.body)).toEqual({ call_id: 'c_t', action: 'terminate' })
    expectPageAuth(request)
  })

  it('reject with success:false is an error', async () => {
    const { client } = await setup(() => ({ json: { success: false } }))
    await expect(client.rejectCall('c_r')).rejects.toMatchObject({
      kind: 'other',
      userMessage: expect.stringContaining('decline the call')
    })
  })

  it('connects a business-initiated call', async () => {
    const { client, graph } = await setup(() => ({
      json: {
        success: true,
        id: 'c_new',
        session: { sdp_response: { sdp_type: 'answer', sdp: ANSWER } }
      }
    }))
    const result = await client.connectCall('5275811702471834', OFFER)
    expect(result).toEqual({ callId: 'c_new', answer: ANSWER, renegotiation: undefined })
    const request = last(graph)
    expectPageAuth(request)
    expect(JSON.parse(request.body)).toEqual({
      platform: 'messenger',
      to: '5275811702471834',
      action: 'connect',
      session: { sdp_type: 'offer', sdp: OFFER }
    })
  })

  it('reads the credentials on every request (the owner can reconnect the Page)', async () => {
    let current: Partial<GraphCredentials> = creds
    const { client, graph } = await setup(
      () => ({ json: { success: true } }),
      () => current
    )
    await client.terminateCall('c_1')
    current = { ...creds, pageId: '222', pageAccessToken: 'second-page-token-xyz' }
    await client.terminateCall('c_2')
    const request = last(graph)
    expect(request.path).toBe('/v26.0/222/calls')
    expect(request.headers.authorization).toBe('Bearer second-page-token-xyz')
    expect(request.query.get('appsecret_proof')).toBe(expectedProof('second-page-token-xyz'))
  })

  it('fails as not-configured without sending anything when credentials are missing', async () => {
    const { client, graph } = await setup(
      () => ({ json: { success: true } }),
      () => ({ pageId: '1' })
    )
    const error = await client.terminateCall('c_1').catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'not-configured' })
    expect(graph.requests).toHaveLength(0)
  })

  it('encodes ids so they cannot add path segments', async () => {
    const { client, graph } = await setup(() => ({ json: { id: 'x' } }))
    await client.getCallerProfile('../me?x=1').catch(() => undefined)
    expect(last(graph).path).toBe('/v26.0/..%2Fme%3Fx%3D1')
  })

  it('logs each request at debug with method, path, status, duration and fbtrace id', async () => {
    const { client, logger } = await setup(() => ({
      json: { success: true },
      headers: { 'x-fb-trace-id': 'HdrTrace9' }
    }))
    await client.terminateCall('c_1')
    const entry = logger.entries.find((e) => e.message === 'graph request')
    expect(entry?.level).toBe('debug')
    expect(entry?.fields).toMatchObject({
      method: 'POST',
      path: `/v26.0/${creds.pageId}/calls`,
      status: 200,
      fbtraceId: 'HdrTrace9'
    })
    expect(typeof entry?.fields['ms']).toBe('number')
    expect(JSON.stringify(logger.entries)).not.toContain('appsecret_proof=')
  })

  it('uses the configured host and version separately', async () => {
    graph = await startFakeGraph(() => ({ json: { success: true } }))
    const client = new GraphClient({
      host: `${graph.url}/`,
      version: 'v99.9',
      credentials: () => creds
    })
    await client.terminateCall('c_1')
    expect(last(graph).path).toBe(`/v99.9/${creds.pageId}/calls`)
  })
})

describe('GraphClient onboarding', () => {
  it('reads and sets the app webhook subscription with the app token', async () => {
    const { client, graph } = await setup((req) =>
      req.method === 'GET'
        ? {
            json: {
              data: [
                {
                  object: 'page',
                  callback_url: 'https://x.example/webhook',
                  active: true,
                  fields: [{ name: 'calls', version: 'v26.0' }, 'messages']
                }
              ]
            }
          }
        : { json: { success: true } }
    )
    const subs = await client.getAppSubscriptions()
    expect(subs.data[0]?.fields).toHaveLength(2)
    let request = last(graph)
    expect(request.method).toBe('GET')
    expect(request.path).toBe(`/v26.0/${creds.appId}/subscriptions`)
    expect(request.headers.authorization).toBe(`Bearer ${appToken}`)
    expect(request.query.get('appsecret_proof')).toBe(expectedProof(appToken))

    await client.subscribeAppWebhook({
      callbackUrl: 'https://tunnel.example/webhook',
      verifyToken: 'verify-me-123',
      fields: ['calls', 'call_permission_reply', 'messages']
    })
    request = last(graph)
    expect(request.method).toBe('POST')
    expect(request.path).toBe(`/v26.0/${creds.appId}/subscriptions`)
    expect(request.headers.authorization).toBe(`Bearer ${appToken}`)
    expect(request.query.get('appsecret_proof')).toBe(expectedProof(appToken))
    expect(JSON.parse(request.body)).toEqual({
      object: 'page',
      callback_url: 'https://tunnel.example/webhook',
      verify_token: 'verify-me-123',
      fields: 'calls,call_permission_reply,messages'
    })
  })

  it('reads and sets the Page subscription with the Page token', async () => {
    const { client, graph } = await setup((req) =>
      req.method === 'GET'
        ? { json: { data: [{ id: creds.appId, name: 'Softphone', subscribed_fields: ['calls'] }] } }
        : { json: { success: true } }
    )
    const apps = await client.getPageSubscribedApps()
    expect(apps.data[0]?.subscribed_fields).toEqual(['calls'])
    expect(last(graph).path).toBe(`/v26.0/${creds.pageId}/subscribed_apps`)
    expectPageAuth(last(graph))

    await client.subscribePageToApp(['calls', 'call_permission_reply'])
    const request = last(graph)
    expect(request.method).toBe('POST')
    expect(request.path).toBe(`/v26.0/${creds.pageId}/subscribed_apps`)
    expect(request.query.get('subscribed_fields')).toBe('calls,call_permission_reply')
    expectPageAuth(request)
  })

  it('reads call settings bare or wrapped in data[] and posts a patch', async () => {
    const settings = { call_routing: { ring_target: 'META' }, audio_enabled: true }
    const replies = [
      { json: settings },
      { json: { data: [settings] } },
      { json: { success: true } },
      { json: { result: 'failure' } }
    ]
    const { client, graph } = await setup(() => replies.shift() ?? { status: 500 })
    expect((await client.getCallSettings()).call_routing?.ring_target).toBe('META')
    expect((await client.getCallSettings()).audio_enabled).toBe(true)
    expect(last(graph).path).toBe(`/v26.0/${creds.pageId}/messenger_call_settings`)

    await client.updateCallSettings({ call_routing: { ring_target: 'PARTNERS' } })
    const request = last(graph)
    expect(request.method).toBe('POST')
    expect(JSON.parse(request.body)).toEqual({ call_routing: { ring_target: 'PARTNERS' } })
    expectPageAuth(request)
    // The Call Settings page documents `{result: "failure"}` as its refusal.
    await expect(client.updateCallSettings({ icon_enabled: false })).rejects.toMatchObject({
      userMessage: expect.stringContaining('update the call settings')
    })
  })

  it('checks call permissions and sends the calling_optin template', async () => {
    const { client, graph } = await setup((req) =>
      req.method === 'GET'
        ? {
            json: {
              permission: { status: 'has_permission', expiration_time: 1745343479 },
              actions: [{ action_name: 'start_call', can_perform: true }]
            }
          }
        : { json: { recipient_id: '555', message_id: 'm_1' } }
    )
    const perms = await client.getCallPermissions('555')
    expect(perms.permission.status).toBe('has_permission')
    let request = last(graph)
    expect(request.path).toBe(`/v26.0/${creds.pageId}/messenger_call_permissions`)
    expect(request.query.get('psid')).toBe('555')
    expectPageAuth(request)

    expect(await client.sendCallPermissionRequest('555')).toMatchObject({ message_id: 'm_1' })
    request = last(graph)
    expect(request.path).toBe(`/v26.0/${creds.pageId}/messages`)
    expect(JSON.parse(request.body)).toEqual({
      recipient: { id: '555' },
      message: { attachment: { type: 'template', payload: { template_type: 'calling_optin' } } }
    })
  })

  it('reads the Page and the token owner', async () => {
    const { client, graph } = await setup((req) => ({
      json: { id: req.path.endsWith('/me') ? '777' : creds.pageId, name: 'Bakery' }
    }))
    expect(await client.getPage()).toMatchObject({ id: creds.pageId, name: 'Bakery' })
    expect(last(graph).path).toBe(`/v26.0/${creds.pageId}`)
    expect(last(graph).query.get('fields')).toBe('id,name')
    expectPageAuth(last(graph))
    expect((await client.getTokenOwner()).id).toBe('777')
    expect(last(graph).path).toBe('/v26.0/me')
  })

  it('sends call metrics in the shape of Meta’s Metrics page', async () => {
    const { client, graph } = await setup(() => ({ json: { success: true } }))
    await client.sendCallMetrics('c_m', {
      endCallReason: 'Hangup_Call',
      callEndedTime: 1700000100,
      firstAudioPacketReceivedTime: 1700000002,
      audioStats: { jitter_sec: 0.01, packets_lost: 0, packets_received: 1000 }
    })
    const request = last(graph)
    expect(request.path).toBe(`/v26.0/${creds.pageId}/call_metrics`)
    expectPageAuth(request)
    expect(JSON.parse(request.body)).toEqual({
      platform: 'messenger',
      call_id: 'c_m',
      end_call_reason: 'Hangup_Call',
      call_ended_time: 1700000100,
      first_audio_packet_received_time: 1700000002,
      audio_stats: { jitter_sec: 0.01, packets_lost: 0, packets_received: 1000 }
    })
  })
})
