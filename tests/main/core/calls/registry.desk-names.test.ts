/**
 * The desk that answered (issue 13, item 7): the registry keeps its name from the answer to the end,
 * through every path a call can take, so every desk can show "Answered by <desk>" and history can
 * name it. A test call keeps the desk that started it from its first snapshot.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  callStatus,
  connect,
  expectRefusal,
  PAGE,
  PSID,
  recordingRegistry,
  T0,
  terminate,
  useFakeClock
} from './fixtures'

beforeEach(useFakeClock)
afterEach(() => {
  vi.useRealTimers()
})

describe('CallRegistry: the desk that answered', () => {
  it('is on the answering, connected and ended snapshots, and named to a late answer', () => {
    const { registry, calls, ended } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    registry.beginAnswer('c1', 'seat-1', 'Front desk')
    expectRefusal(
      () => registry.beginAnswer('c1', 'main-window', 'Hub desk'),
      'conflict',
      'This call was already answered by Front desk.'
    )
    registry.markConnected('c1')
    registry.handleEvent(terminate('c1'), PAGE)
    expect(
      calls.map((call) => [call.state, 'answeredByDesk' in call && call.answeredByDesk])
    ).toEqual([
      ['ringing', false],
      ['answering', 'Front desk'],
      ['connected', 'Front desk'],
      ['ended', 'Front desk']
    ])
    expect(ended[0]).toMatchObject({ answeredBy: 'seat-1', answeredByDesk: 'Front desk' })
  })

  it('is left out when the answering client names no desk', () => {
    const { registry } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    expect(registry.beginAnswer('c1', 'seat-1')).not.toHaveProperty('answeredByDesk')
  })

  it('is the placing desk of an outbound call, kept when the customer picks up', () => {
    const { registry } = recordingRegistry()
    registry.registerOutbound({
      callId: 'o1',
      pageId: PAGE,
      psid: PSID,
      startedAt: T0,
      clientId: 'seat-1',
      deskName: 'Front desk'
    })
    registry.handleEvent(callStatus('o1', 'accepted'), PAGE)
    expect(registry.get('o1')).toMatchObject({ state: 'connected', answeredByDesk: 'Front desk' })
  })

  it('names the desk a test call rings on, from its first snapshot to its end', () => {
    const { registry, calls } = recordingRegistry()
    registry.handleEvent(connect('t1'), PAGE, undefined, { test: true, testDesk: 'owner' })
    registry.beginAnswer('t1', 'main-window', 'Hub desk')
    registry.handleEvent(terminate('t1'), PAGE)
    expect(calls.map((call) => call.testDesk)).toEqual(['owner', 'owner', 'owner'])
    // A real call has no desk of its own, whatever the delivery claims.
    registry.handleEvent(connect('c2'), PAGE, undefined, { testDesk: 'owner' })
    expect(registry.get('c2')).not.toHaveProperty('testDesk')
  })
})
