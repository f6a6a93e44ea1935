/**
 * What onboarding asks the fake Graph, and the trouble a test can set: `/debug_token` (with the
 * app token only) reports the Page token's validity, Page, app, expiry and permissions; the app
 * node reports its mode; subscribing the Page needs pages_manage_metadata.
 */
import { describe, expect, it } from 'vitest'
import { APP_ID, APP_TOKEN, PAGE_ID, PAGE_TOKEN, startGraph } from './helpers'

const debug = (input: string) => `/debug_token?input_token=${encodeURIComponent(input)}`

describe('the fake Graph for onboarding', () => {
  it('debugs the Page token with the app token, and never logs the input token', async () => {
    const { graph, call } = await startGraph()
    graph.setTokenExpiry(2_000_000_000)

    const reply = await call(debug(PAGE_TOKEN), { token: APP_TOKEN })

    expect(reply.status).toBe(200)
    expect(reply.json).toMatchObject({
      data: {
        is_valid: true,
        type: 'PAGE',
        app_id: APP_ID,
        profile_id: PAGE_ID,
        expires_at: 2_000_000_000,
        scopes: expect.arrayContaining(['pages_messaging', 'pages_manage_metadata']),
        granular_scopes: expect.arrayContaining([
          { scope: 'pages_messaging', target_ids: [PAGE_ID] }
        ])
      }
    })
    expect(JSON.stringify(graph.requests)).not.toContain(PAGE_TOKEN)
    // The Page token cannot debug itself: debug_token is read with the app's token.
    expect((await call(debug(PAGE_TOKEN))).status).toBe(400)
  })

  it('reports an expired, an unknown, and a token without a permission', async () => {
    const { graph, call } = await startGraph()
    graph.setTokenScopes(['pages_messaging'])
    expect((await call(debug(PAGE_TOKEN), { token: APP_TOKEN })).json).toMatchObject({
      data: { is_valid: true, scopes: ['pages_messaging'] }
    })

    expect((await call(debug('EAAnobodyKnowsThisOne'), { token: APP_TOKEN })).json).toMatchObject({
      data: { is_valid: false, error: { code: 190 } }
    })

    graph.expireToken()
    expect((await call(debug(PAGE_TOKEN), { token: APP_TOKEN })).json).toMatchObject({
      data: { is_valid: false, error: { code: 190, subcode: 463 } }
    })
  })

  it('tells the app mode, and refuses to subscribe the Page without pages_manage_metadata', async () => {
    const { graph, call } = await startGraph()
    const mode = () => call(`/${APP_ID}?fields=id,development_mode`, { token: APP_TOKEN })
    expect((await mode()).json).toEqual({ id: APP_ID, development_mode: false })
    graph.setAppMode('development')
    expect((await mode()).json).toEqual({ id: APP_ID, development_mode: true })

    graph.setTokenScopes(['pages_messaging'])
    const refused = await call(`/${PAGE_ID}/subscribed_apps?subscribed_fields=calls`, {
      method: 'POST'
    })
    expect(refused.status).toBe(400)
    expect(refused.json).toMatchObject({ error: { code: 200 } })
    expect(graph.pageSubscribedFields).toEqual([])
  })
})
