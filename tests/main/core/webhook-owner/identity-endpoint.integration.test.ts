/**
 * The identity handshake over real HTTP on loopback: a desk's webhook listener answers only a
 * valid, fresh, never-seen request of the same app; the asking side believes only a signed answer
 * to its own nonce, and names anything else by its URL.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  askOwner,
  askOwnerOver,
  identityUrl,
  identityUrls
} from '../../../../src/main/core/webhook-owner/ask-owner'
import {
  IDENTITY_PATH,
  signIdentityAnswer,
  signIdentityRequest
} from '../../../../src/main/core/webhook-owner/identity'
import { identityEndpoint } from '../../../../src/main/core/webhook-owner/identity-endpoint'
import { createWebhookServer, type WebhookServer } from '../../../../src/main/core/webhook/server'

const SECRET = 'same-app-secret'
const DESK = { deskName: 'Front desk', pageIds: ['106378625516323'], version: '0.1.0' }

let desk: WebhookServer
let callbackUrl: string
const servers: Server[] = []

beforeEach(async () => {
  desk = createWebhookServer({
    appSecret: SECRET,
    verifyToken: 'verify',
    logger: memoryLogger(),
    onEvents: () => undefined,
    identity: {
      path: IDENTITY_PATH,
      handler: identityEndpoint({ appSecret: () => SECRET, identity: () => DESK })
    }
  })
  callbackUrl = (await desk.listen(0)).url
})

afterEach(async () => {
  await desk.close()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A plain server standing at the callback URL instead of a desk. */
async function plainServer(handle: Parameters<typeof createServer>[1] & object): Promise<string> {
  const server = createServer(handle)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
}

describe('a desk answering', () => {
  it('answers a valid request with its name, Pages and version, signed over the nonce', async () => {
    expect(await askOwner(callbackUrl, SECRET)).toEqual({ kind: 'desk', identity: DESK })
  })

  it('gives an unsigned, forged or stale request a bare 401 and nothing else', async () => {
    const { nonce, ts } = signIdentityRequest(SECRET)
    const requests = [
      {},
      { nonce, ts },
      signIdentityRequest('another-app'),
      signIdentityRequest(SECRET, Date.now() - 6 * 60_000)
    ]
    for (const request of requests) {
      const response = await fetch(identityUrl(callbackUrl, request))
      expect(response.status).toBe(401)
      expect(await response.text()).toBe('')
    }
  })

  it('a replayed request gets nothing the second time', async () => {
    const request = signIdentityRequest(SECRET)
    const first = await fetch(identityUrl(callbackUrl, { ...request }))
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ ...DESK, nonce: request.nonce, sig: expect.any(String) })
    const again = await fetch(identityUrl(callbackUrl, { ...request }))
    expect(again.status).toBe(401)
    expect(await again.text()).toBe('')
  })

  it('a desk of another app (another secret) is not this app', async () => {
    expect(await askOwner(callbackUrl, 'another-app-secret')).toEqual({ kind: 'foreign' })
  })
})

describe('where the question goes', () => {
  it('to the callback’s origin, and beside its last segment when a proxy adds a path prefix', () => {
    expect(identityUrls('https://desk.loca.lt/webhook').map(String)).toEqual([
      'https://desk.loca.lt/softphone/hub'
    ])
    expect(identityUrls('https://host.example/desk-2/webhook?x=1').map(String)).toEqual([
      'https://host.example/softphone/hub',
      'https://host.example/desk-2/softphone/hub'
    ])
  })
})

describe('something else answering', () => {
  it('a plain server saying "hello" is not this app', async () => {
    const url = await plainServer((_req, res) => res.end('hello'))
    expect(await askOwner(url, SECRET)).toEqual({ kind: 'foreign' })
  })

  it('a 404, or nothing listening at all, is not this app', async () => {
    const url = await plainServer((_req, res) => {
      res.statusCode = 404
      res.end('not found')
    })
    expect(await askOwner(url, SECRET)).toEqual({ kind: 'foreign' })
    expect(await askOwner('http://127.0.0.1:9/webhook', SECRET)).toEqual({ kind: 'foreign' })
  })

  it('a server replaying a desk’s earlier answer, or signing with a guess, is not this app', async () => {
    const earlier = signIdentityAnswer(SECRET, signIdentityRequest(SECRET).nonce, DESK)
    const replaying = await plainServer((_req, res) => res.end(JSON.stringify(earlier)))
    expect(await askOwner(replaying, SECRET)).toEqual({ kind: 'foreign' })
    const guessing = await plainServer((req, res) => {
      const nonce = new URL(req.url ?? '/', 'http://x').searchParams.get('nonce') ?? ''
      res.end(JSON.stringify(signIdentityAnswer('a-guess', nonce, DESK)))
    })
    expect(await askOwner(guessing, SECRET)).toEqual({ kind: 'foreign' })
  })

  it('a server that never answers is not this app, after the timeout', async () => {
    const url = await plainServer(() => undefined)
    const started = Date.now()
    expect(await askOwnerOver(200)(url, SECRET)).toEqual({ kind: 'foreign' })
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
