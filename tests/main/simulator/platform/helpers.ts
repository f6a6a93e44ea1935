/**
 * Shared fixtures for the fake platform's tests: one Page and app, a stand-in media peer (the real
 * werift caller is tested elsewhere), and a fetch wrapper that speaks to the fake like a client.
 */
import { createHmac } from 'node:crypto'
import { afterEach } from 'vitest'
import {
  createFakeGraph,
  type FakeGraph,
  type FakeGraphOptions,
  type MediaPeer
} from '../../../../src/main/simulator/platform'

export const PAGE_ID = '106378625516323'
export const APP_ID = '987654321012345'
export const APP_SECRET = 'app-secret-for-tests'
export const PAGE_TOKEN = 'EAAPageTokenForTestsOnly0123456789'
export const APP_TOKEN = `${APP_ID}|${APP_SECRET}`
export const PSID = '5275811702471834'
export const OTHER_PSID = '7000000000000001'

export const OFFER = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=mid:0',
  'a=ice-options:trickle',
  'a=sendrecv',
  'a=rtpmap:111 opus/48000/2',
  ''
].join('\r\n')

export const ANSWER = OFFER.replace('o=- 4611731400430051336', 'o=- 1 1').concat('a=ice-lite\r\n')
export const RENEGOTIATION = OFFER.replace('o=- 4611731400430051336 2', 'o=- 1 2')

/** Answers every offer with fixed SDP; `fail` and `slowMs` make it misbehave on purpose. */
export class StubMediaPeer implements MediaPeer {
  readonly offers: { callId: string; sdp: string }[] = []
  fail = false
  slowMs = 0
  renegotiate = true

  async answer(callId: string, offerSdp: string) {
    this.offers.push({ callId, sdp: offerSdp })
    if (this.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.slowMs))
    if (this.fail) throw new Error('stub peer refuses')
    return this.renegotiate ? { answer: ANSWER, renegotiation: RENEGOTIATION } : { answer: ANSWER }
  }
}

/** The proof computed here, independently of the simulator's own code. */
export function proofFor(token: string): string {
  return createHmac('sha256', APP_SECRET).update(token).digest('hex')
}

const open: FakeGraph[] = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((graph) => graph.close()))
})

export async function startGraph(
  overrides: Partial<FakeGraphOptions> = {}
): Promise<{ graph: FakeGraph; peer: StubMediaPeer; call: GraphCaller }> {
  const peer = new StubMediaPeer()
  const graph = await createFakeGraph({
    pageId: PAGE_ID,
    pageAccessToken: PAGE_TOKEN,
    appId: APP_ID,
    appSecret: APP_SECRET,
    profiles: {
      [PSID]: { first_name: 'Ada', last_name: 'Lovelace' },
      [OTHER_PSID]: { first_name: 'Alan', last_name: 'Turing', profile_pic: null }
    },
    mediaPeer: peer,
    ...overrides
  })
  open.push(graph)
  return { graph, peer, call: graphCaller(graph.url) }
}

export interface CallOptions {
  method?: string
  /** JSON body; `form` sends it url-encoded instead. */
  body?: Record<string, unknown>
  form?: Record<string, string>
  /** Default: the Page token as a bearer header. `null`: no token at all. */
  token?: string | null
  /** Send the token as `access_token` in the query instead of the header. */
  tokenIn?: 'header' | 'query'
  proof?: string
  version?: string
  rawBody?: string
}

export interface GraphReply {
  status: number
  json: unknown
  headers: Headers
}

export type GraphCaller = (path: string, options?: CallOptions) => Promise<GraphReply>

export function graphCaller(baseUrl: string): GraphCaller {
  return async (path, options = {}) => {
    const url = new URL(`${baseUrl}/${options.version ?? 'v26.0'}${path}`)
    const token = options.token === undefined ? PAGE_TOKEN : options.token
    const headers: Record<string, string> = {}
    if (token !== null && options.tokenIn === 'query') url.searchParams.set('access_token', token)
    else if (token !== null) headers['authorization'] = `Bearer ${token}`
    if (options.proof !== undefined) url.searchParams.set('appsecret_proof', options.proof)
    let body: string | undefined
    if (options.rawBody !== undefined) {
      headers['content-type'] = 'application/json'
      body = options.rawBody
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(options.form).toString()
    } else if (options.body) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST')
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) })
    const text = await response.text()
    return {
      status: response.status,
      json: text ? JSON.parse(text) : undefined,
      headers: response.headers
    }
  }
}
