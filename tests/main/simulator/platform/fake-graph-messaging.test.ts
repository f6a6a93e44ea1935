import { describe, expect, it } from 'vitest'
import { CallPermissions, GraphErrorBody, SendMessageResponse } from '../../../../src/shared/graph'
import { PAGE_ID, PSID, startGraph } from './helpers'

const optin = {
  recipient: { id: PSID },
  message: {
    attachment: {
      type: 'template',
      payload: { template_type: 'calling_optin', title: 'May we call you back?' }
    }
  }
}

describe('fake Graph: call permissions and the Send API', () => {
  it('reports no permission at first, with the request action allowed', async () => {
    const { call } = await startGraph()
    const reply = await call(`/${PAGE_ID}/messenger_call_permissions?psid=${PSID}`)
    const parsed = CallPermissions.parse(reply.json)
    expect(parsed.permission.status).toBe('no_permission')
    expect(parsed.actions).toEqual([
      {
        action_name: 'send_call_permission_request',
        can_perform: true,
        limits: [{ time_period: 'PT24H', max_allowed: 2, current_usage: 0 }]
      },
      { action_name: 'start_call', can_perform: false }
    ])
  })

  it('records a calling_optin request and counts it against the daily limit', async () => {
    const { graph, call } = await startGraph()
    const requested = graph.next('permissionRequested')
    const sent = SendMessageResponse.parse(
      (await call(`/${PAGE_ID}/messages`, { body: optin })).json
    )
    expect(sent.recipient_id).toBe(PSID)
    expect(sent.message_id).toMatch(/^m_/)
    expect(await requested).toEqual({ psid: PSID, messageId: sent.message_id })
    expect(graph.messages).toHaveLength(1)
    await call(`/${PAGE_ID}/messages`, { body: optin })
    const limited = await call(`/${PAGE_ID}/messages`, { body: optin })
    expect(GraphErrorBody.parse(limited.json).error.code).toBe(613)
    const status = CallPermissions.parse(
      (await call(`/${PAGE_ID}/messenger_call_permissions?psid=${PSID}`)).json
    )
    expect(status.actions[0]).toMatchObject({ can_perform: false })
    expect(status.actions[0]?.limits?.[0]).toMatchObject({ current_usage: 2 })
    expect(status.actions[0]?.limits?.[0]?.limit_expiration_time).toBeGreaterThan(Date.now() / 1000)
  })

  it('grants permission when the person approves, until it runs out', async () => {
    const { graph, call } = await startGraph({ requireCallPermission: true })
    const answer = graph.answerPermissionRequest(PSID, 'approve')
    expect(answer.expiration_timestamp).toBeGreaterThan(Date.now() / 1000 + 6 * 24 * 3600)
    const path = `/${PAGE_ID}/messenger_call_permissions?psid=${PSID}`
    const granted = CallPermissions.parse((await call(path)).json)
    expect(granted.permission).toEqual({
      status: 'has_permission',
      expiration_time: answer.expiration_timestamp
    })
    expect(granted.actions[1]).toEqual({ action_name: 'start_call', can_perform: true })
    graph.answerPermissionRequest(PSID, 'approve', { ttlSeconds: -1 })
    expect(CallPermissions.parse((await call(path)).json).permission.status).toBe('no_permission')
  })

  it('refuses an unknown person and a missing psid', async () => {
    const { call } = await startGraph()
    const unknown = await call(`/${PAGE_ID}/messenger_call_permissions?psid=42`)
    expect(GraphErrorBody.parse(unknown.json).error).toMatchObject({ error_subcode: 2018001 })
    const missing = await call(`/${PAGE_ID}/messenger_call_permissions`)
    expect(GraphErrorBody.parse(missing.json).error.message).toMatch(/psid is required/)
    const message = await call(`/${PAGE_ID}/messages`, {
      body: { ...optin, recipient: { id: '42' } }
    })
    expect(GraphErrorBody.parse(message.json).error.message).toBe('(#100) No matching user found')
    const empty = await call(`/${PAGE_ID}/messages`, { body: { recipient: { id: PSID } } })
    expect(GraphErrorBody.parse(empty.json).error.message).toMatch(/message is required/)
  })

  it('records call metrics for a known call only', async () => {
    const { graph, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    const metrics = { rtt_ms: 42, jitter_ms: 3, packets_lost: 0 }
    const ok = await call(`/${PAGE_ID}/call_metrics`, { body: { call_id: ringing.id, metrics } })
    expect(ok.json).toEqual({ success: true })
    expect(graph.metrics).toEqual([{ callId: ringing.id, metrics, at: expect.any(Number) }])
    const unknown = await call(`/${PAGE_ID}/call_metrics`, { body: { call_id: 'c_nope' } })
    expect(GraphErrorBody.parse(unknown.json).error.message).toMatch(/Invalid call id/)
  })
})
