/**
 * A hub stopping ends with Meta the calls its desks took (a seat's audio would go on without the
 * hub), gives Graph a bounded time, and records every live call as ended by the shutdown.
 */
import { describe, expect, it } from 'vitest'
import { CallRegistry, endCallsOnStop } from '../../../../src/main/core/calls'
import { memoryLogger } from '../../../../src/main/core/log'
import { connect } from './fixtures'

function hubWithCalls() {
  const registry = new CallRegistry({ ringTimeoutMs: 50_000 })
  for (const id of ['c_ringing', 'c_answering', 'c_connected']) {
    registry.handleEvent(connect(id, { from: `psid-${id}` }), 'page-1')
  }
  registry.beginAnswer('c_answering', 'seat-1', 'Front desk')
  registry.beginAnswer('c_connected', 'seat-2', 'Back office')
  registry.markConnected('c_connected')
  return registry
}

describe('ending calls when the hub stops', () => {
  it('terminates the calls desks took with Meta, then records every live call', async () => {
    const registry = hubWithCalls()
    const terminated: string[] = []
    const ended = await endCallsOnStop(
      registry,
      async (callId) => void terminated.push(callId),
      memoryLogger()
    )
    expect(terminated.sort()).toEqual(['c_answering', 'c_connected'])
    expect(ended.map((call) => [call.id, call.outcome, call.reason]).sort()).toEqual([
      ['c_answering', 'missed', 'shutdown'],
      ['c_connected', 'completed', 'shutdown'],
      ['c_ringing', 'missed', 'shutdown']
    ])
    expect(registry.list()).toEqual([])
  })

  it('records the calls all the same when Graph refuses or does not answer in time', async () => {
    const registry = hubWithCalls()
    const logger = memoryLogger()
    const started = Date.now()
    const ended = await endCallsOnStop(
      registry,
      (callId) =>
        callId === 'c_connected'
          ? Promise.reject(new Error('Graph is down'))
          : new Promise<void>(() => undefined),
      logger,
      50
    )
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(ended).toHaveLength(3)
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ callId: 'c_connected', error: 'Error: Graph is down' })
      })
    )
    expect(registry.list()).toEqual([])
  })
})
