import { describe, expect, it } from 'vitest'
import {
  AcceptResponse,
  ConnectResponse,
  GraphErrorBody,
  SuccessResponse
} from '../../../../src/shared/graph'
import { sdpText } from '../../../../src/shared/webhook'
import { ANSWER, OFFER, PAGE_ID, PSID, RENEGOTIATION, startGraph } from './helpers'

const CALLS = `/${PAGE_ID}/calls`

function acceptBody(callId: string, sdp = OFFER, sdpType = 'offer') {
  return {
    platform: 'messenger',
    call_id: callId,
    action: 'accept',
    session: { sdp_type: sdpType, sdp }
  }
}

function errorMessage(json: unknown): string {
  return GraphErrorBody.parse(json).error.message
}

describe('fake Graph: POST /{page-id}/calls', () => {
  it('accepts with an offer and answers in the object shape by default', async () => {
    const { graph, peer, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    const accepted = graph.next('accepted')
    const reply = await call(CALLS, { body: acceptBody(ringing.id) })
    expect(reply.status).toBe(200)
    const parsed = AcceptResponse.parse(reply.json)
    expect(parsed.session.sdp_response).toEqual({ sdp_type: 'answer', sdp: ANSWER })
    expect(parsed.session.sdp_renegotiation).toEqual({ sdp_type: 'offer', sdp: RENEGOTIATION })
    expect(peer.offers).toEqual([{ callId: ringing.id, sdp: OFFER }])
    expect(await accepted).toMatchObject({ callId: ringing.id, offer: OFFER, answer: ANSWER })
    expect(graph.calls.get(ringing.id)?.state).toBe('accepted')
  })

  it('answers with plain SDP strings in the string shape', async () => {
    const { graph, call } = await startGraph({ sdpShape: 'string' })
    const ringing = graph.calls.ring(PSID)
    const parsed = AcceptResponse.parse((await call(CALLS, { body: acceptBody(ringing.id) })).json)
    expect(parsed.session.sdp_response).toBe(ANSWER)
    expect(parsed.session.sdp_renegotiation).toBe(RENEGOTIATION)
    graph.setSdpShape('object')
    const second = graph.calls.ring(PSID)
    const again = AcceptResponse.parse((await call(CALLS, { body: acceptBody(second.id) })).json)
    expect(typeof again.session.sdp_response).toBe('object')
  })

  it('leaves sdp_renegotiation out when the media peer has none', async () => {
    const { graph, peer, call } = await startGraph()
    peer.renegotiate = false
    const ringing = graph.calls.ring(PSID)
    const parsed = AcceptResponse.parse((await call(CALLS, { body: acceptBody(ringing.id) })).json)
    expect(parsed.session.sdp_renegotiation).toBeUndefined()
    expect(sdpText(parsed.session.sdp_response)).toBe(ANSWER)
  })

  it('reads a url-encoded form with the session as JSON text', async () => {
    const { graph, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    const reply = await call(CALLS, {
      form: {
        call_id: ringing.id,
        action: 'accept',
        session: JSON.stringify({ sdp_type: 'offer', sdp: OFFER })
      }
    })
    expect(reply.status).toBe(200)
  })

  it('refuses an unknown call id, a missing action and an unknown action', async () => {
    const { call } = await startGraph()
    const unknown = await call(CALLS, { body: acceptBody('c_doesnotexist') })
    expect(GraphErrorBody.parse(unknown.json).error).toMatchObject({ code: 100 })
    expect(errorMessage(unknown.json)).toBe('(#100) Invalid call id: c_doesnotexist')
    const missing = await call(CALLS, { body: { call_id: 'c_x' } })
    expect(errorMessage(missing.json)).toBe('(#100) The parameter action is required')
    const bad = await call(CALLS, { body: { call_id: 'c_x', action: 'pickup' } })
    expect(errorMessage(bad.json)).toMatch(/Param action must be one of/)
    const platform = await call(CALLS, { body: { ...acceptBody('c_x'), platform: 'whatsapp' } })
    expect(errorMessage(platform.json)).toMatch(/Param platform/)
  })

  it('requires an SDP offer to accept', async () => {
    const { graph, peer, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    const answer = await call(CALLS, { body: acceptBody(ringing.id, OFFER, 'answer') })
    expect(errorMessage(answer.json)).toMatch(/Invalid connection info/)
    const junk = await call(CALLS, { body: acceptBody(ringing.id, 'hello') })
    expect(errorMessage(junk.json)).toMatch(/Invalid connection info/)
    const none = await call(CALLS, { body: { call_id: ringing.id, action: 'accept' } })
    expect(errorMessage(none.json)).toBe('(#100) The parameter session is required')
    expect(peer.offers).toHaveLength(0)
    expect(graph.calls.get(ringing.id)?.state).toBe('ringing')
  })

  it('reports a media peer failure as invalid connection info and keeps the call ringing', async () => {
    const { graph, peer, call } = await startGraph()
    peer.fail = true
    const ringing = graph.calls.ring(PSID)
    const reply = await call(CALLS, { body: acceptBody(ringing.id) })
    expect(reply.status).toBe(400)
    expect(errorMessage(reply.json)).toMatch(/Invalid connection info/)
    expect(graph.calls.get(ringing.id)?.state).toBe('ringing')
  })

  it('answers code 2 when no media peer is plugged in', async () => {
    const { graph, call } = await startGraph()
    graph.setMediaPeer(undefined)
    const ringing = graph.calls.ring(PSID)
    const reply = await call(CALLS, { body: acceptBody(ringing.id) })
    expect(reply.status).toBe(503)
    expect(GraphErrorBody.parse(reply.json).error.code).toBe(2)
  })

  it('refuses a second accept while the first is still being answered', async () => {
    const { graph, peer, call } = await startGraph()
    peer.slowMs = 100
    const ringing = graph.calls.ring(PSID)
    const [first, second] = await Promise.all([
      call(CALLS, { body: acceptBody(ringing.id) }),
      new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        call(CALLS, { body: acceptBody(ringing.id) })
      )
    ])
    expect(first.status).toBe(200)
    expect(errorMessage(second.json)).toBe('(#100) Call has already been accepted')
  })

  it('fails the accept when the caller hangs up while the answer is made', async () => {
    const { graph, peer, call } = await startGraph()
    peer.slowMs = 80
    const ringing = graph.calls.ring(PSID)
    const pending = call(CALLS, { body: acceptBody(ringing.id) })
    await new Promise((resolve) => setTimeout(resolve, 20))
    graph.calls.hangUp(ringing.id)
    const reply = await pending
    expect(errorMessage(reply.json)).toBe('(#100) Call has already been terminated')
  })

  it('rejects a ringing call, then refuses to accept or reject it again', async () => {
    const { graph, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    const ended = graph.next('terminated')
    const reply = await call(CALLS, { body: { call_id: ringing.id, action: 'reject' } })
    expect(SuccessResponse.parse(reply.json)).toEqual({ success: true })
    expect(await ended).toMatchObject({ callId: ringing.id, by: 'business' })
    expect(graph.calls.get(ringing.id)?.state).toBe('rejected')
    const accept = await call(CALLS, { body: acceptBody(ringing.id) })
    expect(errorMessage(accept.json)).toBe('(#100) Call has already been rejected')
    const again = await call(CALLS, { body: { call_id: ringing.id, action: 'reject' } })
    expect(errorMessage(again.json)).toBe('(#100) Call has already been rejected')
  })

  it('refuses to reject after accepting, and terminates an accepted call', async () => {
    const { graph, call } = await startGraph()
    const ringing = graph.calls.ring(PSID)
    await call(CALLS, { body: acceptBody(ringing.id) })
    const reject = await call(CALLS, { body: { call_id: ringing.id, action: 'reject' } })
    expect(errorMessage(reject.json)).toBe(
      '(#100) Cannot reject a call that has already been accepted'
    )
    const ended = graph.next('terminated')
    const terminate = await call(CALLS, { body: { call_id: ringing.id, action: 'terminate' } })
    expect(terminate.json).toEqual({ success: true })
    const event = await ended
    expect(event).toMatchObject({ callId: ringing.id, by: 'business' })
    expect(event.summary.status).toBe('Completed')
    expect(graph.calls.get(ringing.id)?.state).toBe('completed')
  })

  it('refuses to terminate a completed call or accept a terminated one', async () => {
    const { graph, call } = await startGraph()
    const answered = graph.calls.ring(PSID)
    await call(CALLS, { body: acceptBody(answered.id) })
    graph.calls.hangUp(answered.id)
    const terminate = await call(CALLS, { body: { call_id: answered.id, action: 'terminate' } })
    expect(errorMessage(terminate.json)).toBe('(#100) Cannot terminate a completed call')
    const missed = graph.calls.ring(PSID)
    graph.calls.hangUp(missed.id)
    const accept = await call(CALLS, { body: acceptBody(missed.id) })
    expect(errorMessage(accept.json)).toBe('(#100) Call has already been terminated')
    const failed = graph.calls.ring(PSID)
    graph.calls.fail(failed.id)
    const reject = await call(CALLS, { body: { call_id: failed.id, action: 'reject' } })
    expect(errorMessage(reject.json)).toBe('(#100) Cannot reject a failed call')
  })

  it('places a business-initiated call with connect', async () => {
    const { graph, peer, call } = await startGraph()
    const dialed = graph.next('dialed')
    const reply = await call(CALLS, {
      body: { to: PSID, action: 'connect', session: { sdp_type: 'offer', sdp: OFFER } }
    })
    expect(reply.status).toBe(200)
    const parsed = ConnectResponse.parse(reply.json)
    expect(parsed.id).toMatch(/^c_[\w-]{20,}$/)
    expect(parsed.session.sdp_response).toEqual({ sdp_type: 'answer', sdp: ANSWER })
    expect(peer.offers[0]?.callId).toBe(parsed.id)
    expect(await dialed).toEqual({ callId: parsed.id, psid: PSID, offer: OFFER })
    const created = graph.calls.get(parsed.id)
    expect(created).toMatchObject({ direction: 'business_initiated', state: 'ringing' })
    const accept = await call(CALLS, { body: acceptBody(parsed.id) })
    expect(errorMessage(accept.json)).toMatch(/business-initiated/)
    graph.calls.pickUp(parsed.id)
    expect(graph.calls.get(parsed.id)?.state).toBe('accepted')
  })

  it('refuses connect to an unknown person, and without permission when required', async () => {
    const { call } = await startGraph({ requireCallPermission: true })
    const session = { sdp_type: 'offer', sdp: OFFER }
    const unknown = await call(CALLS, { body: { to: '999', action: 'connect', session } })
    expect(GraphErrorBody.parse(unknown.json).error).toMatchObject({ error_subcode: 2018001 })
    const denied = await call(CALLS, { body: { to: PSID, action: 'connect', session } })
    expect(GraphErrorBody.parse(denied.json).error.code).toBe(10)
  })

  it('ends an unanswered call after the ring timeout', async () => {
    const { graph } = await startGraph({ ringTimeoutMs: 30 })
    const ringing = graph.calls.ring(PSID)
    const ended = await graph.next('terminated')
    expect(ended).toMatchObject({ callId: ringing.id, by: 'timeout' })
    expect(ended.summary.duration).toBe(0)
    expect(graph.calls.get(ringing.id)?.state).toBe('terminated')
  })
})
