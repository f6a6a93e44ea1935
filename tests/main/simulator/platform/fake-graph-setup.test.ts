import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inflateSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import {
  AppSubscriptions,
  CallSettings,
  GraphErrorBody,
  PageSubscribedApps,
  UserProfile
} from '../../../../src/shared/graph'
import { APP_ID, APP_TOKEN, OTHER_PSID, PAGE_ID, PSID, startGraph } from './helpers'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.close(resolve)
          // A hung handshake's socket would otherwise hold close() until it times out.
          server.closeAllConnections()
        })
    )
  )
})

/** A tiny callback that answers the handshake the way `reply` says, and remembers each query. */
async function callback(reply: (query: URLSearchParams) => { status: number; body: string }) {
  const seen: URLSearchParams[] = []
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams
    seen.push(query)
    const { status, body } = reply(query)
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/webhook?tunnel=1`, seen }
}

const echo = (token: string) => (query: URLSearchParams) =>
  query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === token
    ? { status: 200, body: query.get('hub.challenge') ?? '' }
    : { status: 403, body: 'no' }

const appAuth = { token: APP_TOKEN }

describe('fake Graph: who is calling', () => {
  it('returns only the requested profile fields', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PSID}?fields=first_name,last_name`)
    expect(reply.json).toEqual({ first_name: 'Ada', last_name: 'Lovelace' })
    const all = UserProfile.parse((await call(`/${PSID}`)).json)
    expect(all).toMatchObject({ id: PSID, first_name: 'Ada', last_name: 'Lovelace' })
    expect(all.profile_pic).toBeDefined()
  })

  it('refuses a field a person does not have', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PSID}?fields=first_name,email`)
    expect(GraphErrorBody.parse(reply.json).error.message).toBe(
      '(#100) Tried accessing nonexisting field (email) on node type (User)'
    )
  })

  it('serves the profile picture as a real PNG without a token', async () => {
    const { call } = await startGraph()
    const { profile_pic } = UserProfile.parse((await call(`/${PSID}?fields=profile_pic`)).json)
    const response = await fetch(profile_pic ?? '')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await response.arrayBuffer())
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    // IHDR: width and height 48; the IDAT chunk inflates to 48 rows of filter byte + RGB.
    expect(png.readUInt32BE(16)).toBe(48)
    expect(png.readUInt32BE(20)).toBe(48)
    const idatLength = png.readUInt32BE(33)
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT')
    const pixels = inflateSync(png.subarray(41, 41 + idatLength))
    expect(pixels).toHaveLength(48 * (1 + 48 * 3))
    // A head and shoulders on a background, like a photo, not one flat colour.
    const rgbAt = (x: number, y: number): string =>
      pixels.subarray(y * 145 + 1 + x * 3, y * 145 + 4 + x * 3).toString('hex')
    expect(rgbAt(24, 19)).not.toBe(rgbAt(2, 2))
    expect(rgbAt(24, 46)).toBe(rgbAt(24, 19))
    expect(rgbAt(45, 2)).toBe(rgbAt(2, 2))
  })

  it('leaves profile_pic out for a person without a photo, and 404s unknown photos', async () => {
    const { graph, call } = await startGraph()
    expect((await call(`/${OTHER_PSID}?fields=first_name,profile_pic`)).json).toEqual({
      first_name: 'Alan'
    })
    expect((await fetch(`${graph.url}/photos/${OTHER_PSID}.png`)).status).toBe(404)
    expect((await fetch(`${graph.url}/photos/123.png`)).status).toBe(404)
  })

  it('reads the Page (by id and as /me) and the app', async () => {
    const { call } = await startGraph({ pageName: 'Corner Bakery' })
    expect((await call(`/${PAGE_ID}?fields=id,name`)).json).toEqual({
      id: PAGE_ID,
      name: 'Corner Bakery'
    })
    expect((await call('/me?fields=name')).json).toEqual({ name: 'Corner Bakery' })
    expect((await call(`/${APP_ID}?fields=id`, appAuth)).json).toEqual({ id: APP_ID })
  })
})

describe('fake Graph: app subscriptions with the verification handshake', () => {
  it('performs the handshake and stores the subscription', async () => {
    const { graph, call } = await startGraph()
    const cb = await callback(echo('verify-me'))
    const subscribed = graph.next('subscribed')
    const reply = await call(`/${APP_ID}/subscriptions`, {
      ...appAuth,
      form: {
        object: 'page',
        callback_url: cb.url,
        verify_token: 'verify-me',
        fields: 'calls,messages'
      }
    })
    expect(reply.json).toEqual({ success: true })
    expect(cb.seen).toHaveLength(1)
    expect(cb.seen[0]?.get('hub.challenge')).toMatch(/^\d+$/)
    // The callback's own query string survives the handshake parameters.
    expect(cb.seen[0]?.get('tunnel')).toBe('1')
    expect(await subscribed).toEqual({
      object: 'page',
      callbackUrl: cb.url,
      fields: ['calls', 'messages']
    })
    const list = AppSubscriptions.parse((await call(`/${APP_ID}/subscriptions`, appAuth)).json)
    expect(list.data).toEqual([
      {
        object: 'page',
        callback_url: cb.url,
        active: true,
        fields: [
          { name: 'calls', version: 'v26.0' },
          { name: 'messages', version: 'v26.0' }
        ]
      }
    ])
  })

  it('fails the POST when the callback refuses the verify token', async () => {
    const { graph, call } = await startGraph()
    const cb = await callback(echo('the-real-token'))
    const reply = await call(`/${APP_ID}/subscriptions`, {
      ...appAuth,
      body: { object: 'page', callback_url: cb.url, verify_token: 'wrong', fields: ['calls'] }
    })
    expect(reply.status).toBe(400)
    const error = GraphErrorBody.parse(reply.json).error
    expect(error.code).toBe(2200)
    expect(error.message).toContain('Received HTTP code: 403')
    expect(graph.subscriptions).toEqual([])
  })

  it('fails the POST when the challenge does not come back', async () => {
    const { call } = await startGraph()
    const cb = await callback(() => ({ status: 200, body: 'ok' }))
    const reply = await call(`/${APP_ID}/subscriptions`, {
      ...appAuth,
      body: { object: 'page', callback_url: cb.url, verify_token: 't', fields: ['calls'] }
    })
    const error = GraphErrorBody.parse(reply.json).error
    expect(error.code).toBe(2201)
    expect(error.message).toMatch(/does not match challenge/)
  })

  it('fails the POST when nothing listens or the callback is too slow', async () => {
    const { call } = await startGraph({ handshakeTimeoutMs: 100 })
    const slow = createServer(() => undefined)
    servers.push(slow)
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    const port = (slow.address() as AddressInfo).port
    const timedOut = await call(`/${APP_ID}/subscriptions`, {
      ...appAuth,
      body: {
        object: 'page',
        callback_url: `http://127.0.0.1:${port}/`,
        verify_token: 't',
        fields: 'calls'
      }
    })
    expect(GraphErrorBody.parse(timedOut.json).error.message).toMatch(/timed out/)
    const refused = await call(`/${APP_ID}/subscriptions`, {
      ...appAuth,
      body: {
        object: 'page',
        callback_url: 'http://127.0.0.1:1/',
        verify_token: 't',
        fields: 'calls'
      }
    })
    expect(GraphErrorBody.parse(refused.json).error.message).toMatch(/Couldn't connect/)
  })

  it('requires object, callback_url, verify_token and fields', async () => {
    const { call } = await startGraph()
    const post = (body: Record<string, unknown>) =>
      call(`/${APP_ID}/subscriptions`, { ...appAuth, body })
    const message = async (body: Record<string, unknown>) =>
      GraphErrorBody.parse((await post(body)).json).error.message
    expect(await message({})).toBe('(#100) The parameter object is required')
    expect(await message({ object: 'page' })).toBe('(#100) The parameter callback_url is required')
    expect(await message({ object: 'page', callback_url: 'http://x/' })).toMatch(/verify_token/)
    expect(await message({ object: 'page', callback_url: 'http://x/', verify_token: 't' })).toMatch(
      /fields/
    )
    expect(
      await message({ object: 'page', callback_url: 'nope', verify_token: 't', fields: 'calls' })
    ).toMatch(/callback_url is not a valid URI/)
  })

  it('adds fields without a new handshake and deletes subscriptions', async () => {
    const { graph, call } = await startGraph()
    const cb = await callback(echo('t'))
    const path = `/${APP_ID}/subscriptions`
    await call(path, {
      ...appAuth,
      body: { object: 'page', callback_url: cb.url, verify_token: 't', fields: 'calls' }
    })
    await call(path, { ...appAuth, body: { object: 'page', fields: 'messages' } })
    expect(cb.seen).toHaveLength(1)
    expect(graph.subscriptions[0]?.fields).toEqual(['calls', 'messages'])
    await call(`${path}?object=page&fields=messages`, { ...appAuth, method: 'DELETE' })
    expect(graph.subscriptions[0]?.fields).toEqual(['calls'])
    await call(`${path}?object=page`, { ...appAuth, method: 'DELETE' })
    expect(graph.subscriptions).toEqual([])
  })
})

describe('fake Graph: Page subscription and call settings', () => {
  it('subscribes the Page to the app and lists it', async () => {
    const { call } = await startGraph()
    const path = `/${PAGE_ID}/subscribed_apps`
    expect(PageSubscribedApps.parse((await call(path)).json).data).toEqual([])
    const post = await call(`${path}?subscribed_fields=calls,messages`, { method: 'POST' })
    expect(post.json).toEqual({ success: true })
    const list = PageSubscribedApps.parse((await call(path)).json)
    expect(list.data).toEqual([
      { id: APP_ID, name: 'Messenger Softphone', subscribed_fields: ['calls', 'messages'] }
    ])
    const missing = await call(path, { method: 'POST' })
    expect(GraphErrorBody.parse(missing.json).error.message).toMatch(/subscribed_fields/)
    await call(path, { method: 'DELETE' })
    expect(PageSubscribedApps.parse((await call(path)).json).data).toEqual([])
  })

  it('reads the call settings in the data shape and the bare shape', async () => {
    const { graph, call } = await startGraph()
    const path = `/${PAGE_ID}/messenger_call_settings`
    const wrapped = await call(path)
    expect(wrapped.json).toHaveProperty('data')
    expect(CallSettings.parse(wrapped.json)).toMatchObject({
      call_routing: { ring_target: 'PARTNERS' },
      audio_enabled: true
    })
    graph.setCallSettingsShape('bare')
    const bare = await call(`${path}?fields=call_routing`)
    expect(bare.json).toEqual({ call_routing: { ring_target: 'PARTNERS' } })
  })

  it('updates the call settings and refuses invalid values', async () => {
    const { graph, call } = await startGraph()
    const path = `/${PAGE_ID}/messenger_call_settings`
    const ok = await call(path, {
      body: {
        call_routing: { ring_target: 'META' },
        audio_enabled: false,
        call_hours: {
          timezone_id: 'Europe/Paris',
          weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1730' }]
        }
      }
    })
    expect(ok.json).toEqual({ success: true })
    expect(graph.callSettings).toMatchObject({
      call_routing: { ring_target: 'META' },
      audio_enabled: false,
      icon_enabled: true
    })
    expect(graph.callDeliveryBlockers()).toHaveLength(4)
    const form = await call(path, {
      form: { call_routing: '{"ring_target":"PARTNERS"}', audio_enabled: 'true' }
    })
    expect(form.json).toEqual({ success: true })
    expect(graph.callSettings.audio_enabled).toBe(true)
    const bad = await call(path, { body: { call_routing: { ring_target: 'ELSEWHERE' } } })
    expect(GraphErrorBody.parse(bad.json).error.message).toMatch(/call_routing\.ring_target/)
    const hours = await call(path, {
      body: {
        call_hours: {
          timezone_id: 'UTC',
          weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '9am', close_time: '1730' }]
        }
      }
    })
    expect(GraphErrorBody.parse(hours.json).error.code).toBe(100)
    const holiday = await call(path, {
      body: {
        call_hours: {
          timezone_id: 'Europe/Paris',
          holiday_schedule: [{ date: '25/12/2026', start_time: '0000', end_time: '2359' }]
        }
      }
    })
    expect(GraphErrorBody.parse(holiday.json).error.message).toMatch(
      /call_hours\.holiday_schedule\.0\.date/
    )
    const zone = await call(path, {
      body: { call_hours: { timezone_id: 'Mars/Olympus', weekly_operating_hours: [] } }
    })
    expect(GraphErrorBody.parse(zone.json).error.message).toMatch(/call_hours\.timezone_id/)
    const backwards = await call(path, {
      body: {
        call_hours: {
          timezone_id: 'UTC',
          weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '1700', close_time: '0900' }]
        }
      }
    })
    expect(GraphErrorBody.parse(backwards.json).error.code).toBe(100)
    const empty = await call(path, { body: { nothing: true } })
    expect(GraphErrorBody.parse(empty.json).error.message).toMatch(/At least one of/)
  })

  it('says nothing blocks calls once subscriptions and routing are right', async () => {
    const { graph, call } = await startGraph()
    const cb = await callback(echo('t'))
    await call(`/${APP_ID}/subscriptions`, {
      ...appAuth,
      body: { object: 'page', callback_url: cb.url, verify_token: 't', fields: 'calls' }
    })
    expect(graph.callDeliveryBlockers()).toEqual([
      'The Page is not subscribed to the calls field of the app.'
    ])
    await call(`/${PAGE_ID}/subscribed_apps`, { body: { subscribed_fields: ['calls'] } })
    expect(graph.callDeliveryBlockers()).toEqual([])
  })
})
