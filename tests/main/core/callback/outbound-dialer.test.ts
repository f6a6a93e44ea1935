/**
 * The early-webhook race: Meta may send a call's business_initiated connect and call_status
 * before the connect POST has told us the call id. Nothing of it may be lost or misread.
 */
import { describe, expect, it, vi } from 'vitest'
import { OutboundDialer } from '../../../../src/main/core/callback'
import { CallRegistry } from '../../../../src/main/core/calls'
import type { ConnectResult } from '../../../../src/main/core/graph'
import { GraphError } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import type { Call } from '../../../../src/shared/calls'
import { CallEvent } from '../../../../src/shared/webhook'

const PAGE = 'page-1'
const PSID = 'psid-1'
const now = (): number => Date.now() / 1000

const ev = (fields: Record<string, unknown>): CallEvent => CallEvent.parse(fields)
const status = (id: string | undefined, call_status: 'ringing' | 'accepted', to = PSID) =>
  ev({ event: 'call_status', ...(id ? { id } : {}), recipient_id: to, call_status })
const outboundConnect = (id: string, to = PSID) =>
  ev({
    event: 'connect',
    id,
    from: PAGE,
    to,
    timestamp: now(),
    call_direction: 'business_initiated'
  })
const inboundConnect = (id: string) =>
  ev({ event: 'connect', id, from: 'psid-9', to: PAGE, timestamp: now() })
const terminate = (id: string) =>
  ev({ event: 'terminate', id, timestamp: now(), status: 'Completed' })

/** A connect POST the test answers (or fails) when it wants. */
function heldConnect() {
  let settle: { resolve: (r: ConnectResult) => void; reject: (e: unknown) => void } | undefined
  const connect = vi.fn(
    (_psid: string, _sdp: string) =>
      new Promise<ConnectResult>((resolve, reject) => (settle = { resolve, reject }))
  )
  return {
    connect,
    answer: (callId: string) => settle?.resolve({ callId, answer: 'v=0 answer' }),
    fail: (error: unknown) => settle?.reject(error)
  }
}

function setup() {
  const registry = new CallRegistry({ ringTimeoutMs: 50_000 })
  const seen: Call[] = []
  registry.on('call', (call) => seen.push(call))
  const graph = heldConnect()
  const terminated: string[] = []
  const dialer = new OutboundDialer({
    registry,
    connect: graph.connect,
    terminate: async (callId) => void terminated.push(callId),
    logger: memoryLogger()
  })
  const deliver = (event: CallEvent): void => dialer.handleEvent(event, PAGE, Date.now())
  const place = () =>
    dialer.place({ psid: PSID, pageId: PAGE, clientId: 'desk-a', offerSdp: 'v=0 offer' })
  return { registry, seen, graph, terminated, dialer, deliver, place }
}

describe('OutboundDialer', () => {
  it('registers the call as answering for the client that placed it', async () => {
    const { registry, graph, place } = setup()
    const placing = place()
    graph.answer('o1')
    await expect(placing).resolves.toEqual({ callId: 'o1', answer: 'v=0 answer' })
    expect(graph.connect).toHaveBeenCalledWith(PSID, 'v=0 offer')
    expect(registry.get('o1')).toMatchObject({
      state: 'answering',
      direction: 'outbound',
      answeredBy: 'desk-a',
      caller: { psid: PSID }
    })
  })

  it('applies a connect, ringing and accepted that beat the POST response, in order', async () => {
    const { registry, seen, graph, deliver, place } = setup()
    const placing = place()
    deliver(outboundConnect('o1'))
    deliver(status('o1', 'ringing'))
    deliver(status('o1', 'accepted'))
    // Nothing reached the registry yet: it would have dropped all three.
    expect(seen).toEqual([])
    graph.answer('o1')
    await placing
    expect(seen.map((call) => call.state)).toEqual(['answering', 'answering', 'connected'])
    expect(seen[1]).toHaveProperty('customerRingingAt')
    expect(registry.get('o1')?.state).toBe('connected')
  })

  it('matches call_status without an id by its recipient, before and after the POST', async () => {
    const { registry, graph, deliver, place } = setup()
    const placing = place()
    deliver(status(undefined, 'ringing'))
    graph.answer('o1')
    await placing
    expect(registry.get('o1')).toHaveProperty('customerRingingAt')
    deliver(status(undefined, 'accepted'))
    expect(registry.get('o1')?.state).toBe('connected')
    // Someone else's call_status without an id is dropped, not pinned on this call.
    deliver(status(undefined, 'ringing', 'psid-other'))
    expect(registry.get('o1')?.state).toBe('connected')
  })

  it('never holds up an inbound call while a placement is in flight', async () => {
    const { registry, graph, deliver, place } = setup()
    const placing = place()
    deliver(inboundConnect('in1'))
    expect(registry.get('in1')?.state).toBe('ringing')
    graph.answer('o1')
    await placing
  })

  it('passes on a waiting event that was not ours once the POST is over', async () => {
    const { registry, graph, deliver, place } = setup()
    const placing = place()
    // A terminate for an unknown id could be ours; it was not.
    deliver(terminate('in-early'))
    expect(registry.get('in-early')).toBeUndefined()
    graph.answer('o1')
    await placing
    expect(registry.get('in-early')).toMatchObject({ state: 'ended', outcome: 'missed' })
  })

  it('a terminate that beats the POST ends the call as not answered', async () => {
    const { registry, graph, deliver, place } = setup()
    const placing = place()
    deliver(status('o1', 'ringing'))
    deliver(terminate('o1'))
    graph.answer('o1')
    await placing
    expect(registry.get('o1')).toMatchObject({
      state: 'ended',
      direction: 'outbound',
      outcome: 'no-answer',
      reason: 'no-answer'
    })
  })

  it('ends a call Meta started although the POST failed, and drops its later events', async () => {
    const { registry, graph, terminated, deliver, place } = setup()
    const placing = place()
    deliver(status('orphan', 'ringing'))
    graph.fail(new GraphError({ kind: 'unavailable', message: 'timed out', timedOut: true }))
    await expect(placing).rejects.toBeInstanceOf(GraphError)
    expect(terminated).toEqual(['orphan'])
    deliver(terminate('orphan'))
    // No phantom "missed call" for a call this desk placed and gave up on.
    expect(registry.get('orphan')).toBeUndefined()
  })

  it('drops the terminate of an outbound call placed elsewhere instead of calling it missed', () => {
    const { registry, deliver } = setup()
    deliver(outboundConnect('elsewhere', 'psid-7'))
    deliver(terminate('elsewhere'))
    expect(registry.get('elsewhere')).toBeUndefined()
  })

  it('refuses a second call to the same person while one is being placed or live', async () => {
    const { graph, place } = setup()
    const first = place()
    await expect(place()).rejects.toMatchObject({
      code: 'conflict',
      message: 'A call to this customer is already in progress.'
    })
    graph.answer('o1')
    await first
    await expect(place()).rejects.toMatchObject({ code: 'conflict' })
    expect(graph.connect).toHaveBeenCalledTimes(1)
  })
})
