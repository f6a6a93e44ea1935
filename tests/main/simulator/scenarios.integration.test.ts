/**
 * Every scenario against the real core: webhook listener and Graph client on loopback, the real
 * bridge, the simulator as Meta and the caller, werift desks answering through the service API.
 * Each test asserts the scenario's own report and, independently, what the core did: registry
 * state, the history file on disk, and the requests the fake Graph received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src/main/core/history'
import { silentLogger } from '../../../src/main/core/log'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import {
  findScenario,
  formatReport,
  runScenario,
  type ScenarioReport
} from '../../../src/main/simulator/scenarios'

let rig: InProcessRig

beforeAll(async () => {
  rig = await startInProcessRig()
})

afterAll(async () => {
  await rig?.close()
})

async function run(name: string): Promise<ScenarioReport> {
  const scenario = findScenario(name)
  if (!scenario) throw new Error(`no scenario ${name}`)
  const before = new Set(rig.sim.graph.calls.list().map((call) => call.id))
  const report = await runScenario(scenario, rig.env)
  // On failure the message lists every check, so the cause shows without a debugger.
  expect(report.passed, formatReport(report).join('\n')).toBe(true)
  expect(report.checks.length).toBeGreaterThan(3)
  lastCallIds = rig.sim.graph.calls
    .list()
    .map((call) => call.id)
    .filter((id) => !before.has(id))
  return report
}

/** The calls the last scenario placed, oldest first. */
let lastCallIds: string[] = []

function callsRequests(callId: string) {
  return rig.sim.graph.requests.filter(
    (request) =>
      request.path.endsWith('/calls') &&
      (request.body as Record<string, unknown> | undefined)?.['call_id'] === callId
  )
}

async function historyOnDisk() {
  const store = await HistoryStore.open(rig.dataDir, silentLogger)
  try {
    return await store.list()
  } finally {
    await store.close()
  }
}

describe('scenarios against the real core', () => {
  it('caller-hangs-up: audio both ways, completed, on disk', async () => {
    const report = await run('caller-hangs-up')
    const heard = report.checks.find((check) => check.name.startsWith('the desk hears'))
    expect(heard?.detail).toMatch(/^4[34]\d Hz, -\d+\.\d dBFS/)

    const [callId] = lastCallIds
    if (!callId) throw new Error('no call placed')
    expect(rig.core.registry.get(callId)).toMatchObject({
      state: 'ended',
      outcome: 'completed',
      reason: 'caller-hung-up'
    })
    const accept = callsRequests(callId).find((request) => request.action === 'accept')
    const offer = (accept?.body as { session: { sdp: string } }).session.sdp
    expect(offer).toMatch(/^m=audio /m)
    expect(offer).not.toMatch(/a=candidate/)
    const record = (await historyOnDisk()).find((r) => r.callId === callId)
    expect(record).toMatchObject({ outcome: 'completed', reason: 'caller-hung-up' })
    expect(record?.caller.name).toBe('Ada Lovelace')
  })

  it('app-hangs-up: terminate reaches Graph, completed by us', async () => {
    await run('app-hangs-up')
    const [callId] = lastCallIds
    if (!callId) throw new Error('no call placed')
    expect(callsRequests(callId).map((r) => [r.action, r.status])).toEqual([
      ['accept', 200],
      ['terminate', 200]
    ])
    expect(rig.sim.graph.calls.get(callId)).toMatchObject({
      state: 'completed',
      endedBy: 'business'
    })
    expect(rig.core.registry.get(callId)).toMatchObject({
      outcome: 'completed',
      reason: 'we-hung-up'
    })
  })

  it('missed: the ring deadline ends it, Meta asked nothing', async () => {
    await run('missed')
    const [callId] = lastCallIds
    if (!callId) throw new Error('no call placed')
    expect(callsRequests(callId)).toEqual([])
    const record = (await historyOnDisk()).find((r) => r.callId === callId)
    expect(record).toMatchObject({ outcome: 'missed', reason: 'ring-timeout', durationSeconds: 0 })
  })

  it('declined: reject reaches Graph', async () => {
    await run('declined')
    const [callId] = lastCallIds
    if (!callId) throw new Error('no call placed')
    expect(callsRequests(callId).map((r) => [r.action, r.status])).toEqual([['reject', 200]])
    expect(rig.sim.graph.calls.get(callId)?.state).toBe('rejected')
  })

  it('two-calls: two callers at once, each heard on its own desk', async () => {
    const report = await run('two-calls')
    expect(lastCallIds).toHaveLength(2)
    const heard = report.checks.filter((check) => /desk hears/.test(check.name))
    expect(heard.map((check) => check.name)).toEqual([
      'call A: the desk hears 440 Hz from the caller',
      'call B: the desk hears 660 Hz from the caller'
    ])
    for (const callId of lastCallIds) {
      expect(rig.core.registry.get(callId)).toMatchObject({ state: 'ended', outcome: 'completed' })
    }
    expect(rig.core.registry.list()).toEqual([])
  })

  it('token-expired: accept refused with the reconnect sentence, failed', async () => {
    await run('token-expired')
    const [callId] = lastCallIds
    if (!callId) throw new Error('no call placed')
    const accept = callsRequests(callId).find((request) => request.action === 'accept')
    expect(accept?.status).toBe(401)
    const call = rig.core.registry.get(callId)
    expect(call).toMatchObject({ state: 'ended', outcome: 'failed', reason: 'accept-failed' })
    expect(call?.state === 'ended' ? call.error : '').toMatch(/Reconnect the Page in Settings/)
    // Meta never saw an accept: the call rang on there until the caller gave up.
    expect(rig.sim.graph.calls.get(callId)).toMatchObject({ state: 'terminated', endedBy: 'user' })
  })

  it('duplicate-and-out-of-order: one ring for three connects, none after a terminate', async () => {
    await run('duplicate-and-out-of-order')
    const [first, late] = lastCallIds
    if (!first || !late) throw new Error('two calls expected')
    const onDisk = await historyOnDisk()
    expect(onDisk.filter((r) => r.callId === first)).toHaveLength(1)
    expect(onDisk.find((r) => r.callId === late)).toMatchObject({
      outcome: 'missed',
      reason: 'caller-hung-up'
    })
  })
})
