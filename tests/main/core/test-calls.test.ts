/**
 * A call is the test line's by its own `test` flag, and by nothing else: the core sends its Graph
 * actions to the simulator, keeps the flag on its history line, and never reports its figures to
 * Meta. The calls here are marked test straight into the registry, so the test line never placed
 * them: only the flag can tell.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SettingsPatch } from '../../../src/shared/settings'
import { connect, terminate } from './calls/fixtures'
import { startCoreWithTestLine, type CoreUnderTest } from './support/test-line-core'

let running: CoreUnderTest | undefined

afterEach(async () => {
  await running?.close()
  running = undefined
})

const UI = { id: 'ui', send: () => undefined }
const FIGURES = { rttMs: 31, jitterMs: 4, lossPercent: 1, packetsReceived: 700, packetsLost: 7 }

async function startCore(initial: SettingsPatch = {}) {
  running = await startCoreWithTestLine(initial)
  const { core } = running
  const graph = {
    reject: vi.spyOn(core.graph, 'rejectCall').mockResolvedValue(undefined),
    metrics: vi.spyOn(core.graph, 'sendCallMetrics').mockResolvedValue(undefined)
  }
  return { core, graph }
}

/** Rings a call of the connected Page (a test one when `test`), and ends it answered here. */
function talkAndEnd(core: CoreUnderTest['core'], callId: string, test: boolean): void {
  const origin = test ? { test: true } : {}
  core.registry.handleEvent(connect(callId), 'page-1', undefined, origin)
  core.registry.beginAnswer(callId, UI.id)
  core.registry.markConnected(callId)
  core.registry.handleEvent(terminate(callId), 'page-1', undefined, origin)
}

describe('test calls, known by call.test', () => {
  it("go to the test line's Graph; a customer's call goes to Meta's", async () => {
    const { core, graph } = await startCore()
    core.registry.handleEvent(connect('c_test'), 'page-1', undefined, { test: true })
    core.registry.handleEvent(connect('c_real'), 'page-1')

    await core.service.dispatch('decline', { callId: 'c_test' }, UI)
    await core.service.dispatch('decline', { callId: 'c_real' }, UI)

    expect(graph.reject.mock.calls).toEqual([['c_real']])
  })

  it('keep the flag on their history line, and never send their figures to Meta', async () => {
    const { core, graph } = await startCore({ quality: { sendToMeta: true } })
    talkAndEnd(core, 'c_test', true)
    talkAndEnd(core, 'c_real', false)
    await vi.waitFor(() => expect(core.history.get('c_real')).toBeDefined())
    await vi.waitFor(() => expect(core.history.get('c_test')).toBeDefined())

    await core.service.dispatch('reportCallQuality', { callId: 'c_test', ...FIGURES }, UI)
    await core.service.dispatch('reportCallQuality', { callId: 'c_real', ...FIGURES }, UI)

    await vi.waitFor(() => expect(core.history.get('c_real')?.quality?.sentToMetaAt).toBeDefined())
    expect(graph.metrics.mock.calls.map(([callId]) => callId)).toEqual(['c_real'])
    expect(core.history.get('c_test')).toMatchObject({ test: true, quality: FIGURES })
    expect(core.history.get('c_test')?.quality?.sentToMetaAt).toBeUndefined()
    expect(core.history.get('c_real')).not.toHaveProperty('test')
  })
})
