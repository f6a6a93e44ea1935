import { describe, expect, it } from 'vitest'
import { AcceptResponse, GraphErrorBody } from '../../../../src/shared/graph'
import { OFFER, PAGE_ID, PAGE_TOKEN, PSID, proofFor, startGraph } from './helpers'

const CALLS = `/${PAGE_ID}/calls`

describe('fake Graph: fault injection and the request log', () => {
  it('fails the next matching request once, with the chosen error', async () => {
    const { graph, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    graph.failNext({ action: 'accept' }, { code: 2, message: 'Service temporarily unavailable' })
    const body = {
      call_id: ringing.id,
      action: 'accept',
      session: { sdp_type: 'offer', sdp: OFFER }
    }
    // Another action passes untouched.
    const other = await call(CALLS, { body: { call_id: 'c_other', action: 'terminate' } })
    expect(GraphErrorBody.parse(other.json).error.code).toBe(100)
    const failed = await call(CALLS, { body })
    expect(failed.status).toBe(500)
    expect(GraphErrorBody.parse(failed.json).error).toMatchObject({
      code: 2,
      message: 'Service temporarily unavailable'
    })
    const retried = await call(CALLS, { body })
    expect(AcceptResponse.safeParse(retried.json).success).toBe(true)
  })

  it('matches by path and honours status, subcode and a repeat count', async () => {
    const { graph, call } = await startGraph()
    graph.failNext(
      { path: `/${PSID}` },
      { code: 200, subcode: 2018218, status: 403, message: '(#200) Missing permission' },
      2
    )
    for (let i = 0; i < 2; i++) {
      const reply = await call(`/${PSID}?fields=first_name`)
      expect(reply.status).toBe(403)
      expect(GraphErrorBody.parse(reply.json).error).toMatchObject({
        code: 200,
        error_subcode: 2018218
      })
    }
    expect((await call(`/${PSID}?fields=first_name`)).status).toBe(200)
  })

  it('delays matching requests until the delay is lifted', async () => {
    const { graph, call } = await startGraph()
    const lift = graph.delay({ path: /\/messenger_call_settings$/ }, 150)
    let started = Date.now()
    await call(`/${PAGE_ID}/messenger_call_settings`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    started = Date.now()
    await call(`/${PAGE_ID}`)
    expect(Date.now() - started).toBeLessThan(140)
    lift()
    started = Date.now()
    await call(`/${PAGE_ID}/messenger_call_settings`)
    expect(Date.now() - started).toBeLessThan(140)
  })

  it('clears every fault at once', async () => {
    const { graph, call } = await startGraph()
    graph.failNext({}, { code: 1, message: 'An unknown error has occurred.' })
    graph.delay({}, 500)
    graph.clearFaults()
    const started = Date.now()
    expect((await call(`/${PAGE_ID}`)).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(400)
  })

  it('does not hold close() on a delayed request', async () => {
    const { graph, call } = await startGraph()
    graph.delay({}, 10_000)
    const pending = call(`/${PAGE_ID}`).catch(() => 'dropped')
    await new Promise((resolve) => setTimeout(resolve, 30))
    const started = Date.now()
    await graph.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await pending).toBe('dropped')
  })

  it('logs each request without its credentials', async () => {
    const { graph, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    await call(CALLS, {
      proof: proofFor(PAGE_TOKEN),
      body: { call_id: ringing.id, action: 'reject', access_token: PAGE_TOKEN }
    })
    await call(`/${PAGE_ID}?fields=name`, { tokenIn: 'query' })
    expect(graph.requests).toEqual([
      {
        method: 'POST',
        path: `/v26.0${CALLS}`,
        query: {},
        body: { call_id: ringing.id, action: 'reject' },
        action: 'reject',
        status: 200,
        at: expect.any(Number)
      },
      {
        method: 'GET',
        path: `/v26.0/${PAGE_ID}`,
        query: { fields: 'name' },
        body: undefined,
        action: undefined,
        status: 200,
        at: expect.any(Number)
      }
    ])
    expect(JSON.stringify(graph.requests)).not.toContain(PAGE_TOKEN)
    graph.clearRequests()
    expect(graph.requests).toHaveLength(0)
  })
})
