import { describe, expect, it } from 'vitest'
import { GraphErrorBody, UserProfile } from '../../../../src/shared/graph'
import { APP_TOKEN, PAGE_ID, PAGE_TOKEN, PSID, proofFor, startGraph } from './helpers'

function graphError(json: unknown) {
  return GraphErrorBody.parse(json).error
}

describe('fake Graph: tokens, appsecret_proof and versions', () => {
  it('serves a request carrying the Page token as a bearer header or as access_token', async () => {
    const { call } = await startGraph()
    const header = await call(`/${PSID}?fields=first_name`)
    expect(header.status).toBe(200)
    expect(UserProfile.parse(header.json).first_name).toBe('Ada')
    const query = await call(`/${PSID}?fields=first_name`, { tokenIn: 'query' })
    expect(query.status).toBe(200)
  })

  it('answers a missing token with code 190', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PAGE_ID}`, { token: null })
    expect(reply.status).toBe(400)
    const error = graphError(reply.json)
    expect(error).toMatchObject({ code: 190, type: 'OAuthException' })
    expect(error.message).toMatch(/^Invalid OAuth access token/)
    expect(error.fbtrace_id).toMatch(/^[\w-]{11}$/)
  })

  it('answers a wrong token with 401, code 190 and a WWW-Authenticate header', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PAGE_ID}`, { token: 'EAAnotTheRightOne' })
    expect(reply.status).toBe(401)
    expect(graphError(reply.json)).toMatchObject({
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token'
    })
    expect(reply.headers.get('www-authenticate')).toContain('invalid_token')
  })

  it('accepts a correct appsecret_proof, computed independently', async () => {
    const { call } = await startGraph({ requireAppsecretProof: true })
    const reply = await call(`/${PAGE_ID}`, { proof: proofFor(PAGE_TOKEN) })
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ id: PAGE_ID, name: 'Simulated Page' })
  })

  it('refuses a wrong appsecret_proof with code 100', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PAGE_ID}`, { proof: proofFor('some other token') })
    expect(reply.status).toBe(400)
    expect(graphError(reply.json)).toMatchObject({
      code: 100,
      message: 'Invalid appsecret_proof provided in the API argument'
    })
  })

  it('makes the proof mandatory only with requireAppsecretProof', async () => {
    const lax = await startGraph()
    expect((await lax.call(`/${PAGE_ID}`)).status).toBe(200)
    const strict = await startGraph({ requireAppsecretProof: true })
    const reply = await strict.call(`/${PAGE_ID}`)
    expect(reply.status).toBe(400)
    expect(graphError(reply.json).message).toMatch(/require an appsecret_proof/)
  })

  it('wants the app token on app endpoints and the Page token on Page endpoints', async () => {
    const { call } = await startGraph()
    const pageOnApp = await call(`/987654321012345/subscriptions`)
    expect(graphError(pageOnApp.json).code).toBe(15)
    const appOnPage = await call(`/${PAGE_ID}/subscribed_apps`, { token: APP_TOKEN })
    expect(graphError(appOnPage.json)).toMatchObject({ code: 190 })
    const appOnApp = await call(`/987654321012345/subscriptions`, {
      token: APP_TOKEN,
      proof: proofFor(APP_TOKEN)
    })
    expect(appOnApp.status).toBe(200)
  })

  it('expires the Page token on demand and takes a new one', async () => {
    const { graph, call } = await startGraph()
    graph.expireToken()
    const expired = await call(`/${PAGE_ID}`)
    expect(expired.status).toBe(401)
    expect(graphError(expired.json)).toMatchObject({ code: 190, error_subcode: 463 })
    expect(graphError(expired.json).message).toMatch(/Session has expired/)
    graph.setPageAccessToken('EAAfreshToken0123456789')
    expect((await call(`/${PAGE_ID}`)).status).toBe(401)
    expect((await call(`/${PAGE_ID}`, { token: 'EAAfreshToken0123456789' })).status).toBe(200)
  })

  it('refuses another API version and unknown paths with Graph errors', async () => {
    const { call } = await startGraph()
    const version = await call(`/${PAGE_ID}`, { version: 'v25.0' })
    expect(version.status).toBe(400)
    expect(graphError(version.json).message).toContain('v26.0')
    const edge = await call(`/${PAGE_ID}/nonsense`)
    expect(graphError(edge.json)).toMatchObject({ code: 2500 })
    const method = await call(`/${PAGE_ID}/calls`, { method: 'GET' })
    expect(graphError(method.json)).toMatchObject({ code: 100, error_subcode: 33 })
  })

  it('answers other Pages and unknown ids as objects that do not exist', async () => {
    const { call } = await startGraph()
    const page = await call('/1111111111/calls', { body: { action: 'terminate', call_id: 'c_x' } })
    expect(graphError(page.json)).toMatchObject({ code: 100, error_subcode: 33 })
    const person = await call('/424242?fields=first_name')
    expect(graphError(person.json).message).toMatch(/^Unsupported get request/)
  })

  it('answers a malformed JSON body with a Graph error', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PAGE_ID}/calls`, { rawBody: '{"action":' })
    expect(reply.status).toBe(400)
    expect(graphError(reply.json)).toMatchObject({ code: 100 })
  })
})
