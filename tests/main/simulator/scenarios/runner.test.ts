/**
 * The scenario machinery without a core: checks and steps, the event watch, the runner's handling
 * of failures and desks, and the report's lines.
 */
import { describe, expect, it } from 'vitest'
import type { EventListener } from '../../../../src/shared/bridge-client'
import type { EventName, SoftphoneApi, SoftphoneEvents } from '../../../../src/shared/api'
import type { Call } from '../../../../src/shared/calls'
import type { Simulator } from '../../../../src/main/simulator/simulator'
import {
  CallWatch,
  Recorder,
  StopScenario,
  formatReport,
  runScenario,
  tally,
  type CoreClient,
  type Scenario
} from '../../../../src/main/simulator/scenarios'

/** Events on demand, as a bridge client would deliver them. */
function fakeCore(): CoreClient & {
  emit<K extends EventName>(event: K, payload: SoftphoneEvents[K]): void
  listeners: number
} {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  return {
    api: {} as SoftphoneApi,
    on<K extends EventName>(event: K, listener: EventListener<K>) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => void set.delete(wrapped)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    get listeners() {
      return [...listeners.values()].reduce((sum, set) => sum + set.size, 0)
    }
  }
}

const base = (id: string) => ({
  id,
  pageId: 'p',
  direction: 'inbound' as const,
  caller: { psid: 'x' },
  startedAt: 1
})
const ringing = (id: string): Call => ({ ...base(id), state: 'ringing', ringDeadline: 2 })

describe('Recorder', () => {
  it('records checks and equalities with what was seen', () => {
    const report = new Recorder()
    expect(report.passed).toBe(false)
    report.check('a', true, 'fine')
    report.equal('b', 'missed (ring-timeout)', 'missed (ring-timeout)')
    expect(report.passed).toBe(true)
    report.equal('c', 3, 4)
    expect(report.passed).toBe(false)
    expect(report.checks).toEqual([
      { name: 'a', pass: true, detail: 'fine' },
      { name: 'b', pass: true, detail: 'missed (ring-timeout)' },
      { name: 'c', pass: false, detail: '3, not 4' }
    ])
  })

  it('stops at a failed step but goes on after a failed attempt', async () => {
    const report = new Recorder()
    await expect(
      report.step(
        'ok',
        async () => 42,
        (n) => `got ${n}`
      )
    ).resolves.toBe(42)
    await expect(
      report.attempt('soft', async () => Promise.reject(new Error('meh')))
    ).resolves.toBeUndefined()
    await expect(
      report.step('hard', async () => {
        throw new Error('nope')
      })
    ).rejects.toBeInstanceOf(StopScenario)
    expect(report.checks.map((c) => [c.name, c.pass, c.detail])).toEqual([
      ['ok', true, 'got 42'],
      ['soft', false, 'meh'],
      ['hard', false, 'nope']
    ])
  })
})

describe('CallWatch', () => {
  it('resolves waits for past and future updates and collapses repeated states', async () => {
    const core = fakeCore()
    const watch = new CallWatch(core)
    core.emit('callUpdated', ringing('c1'))
    core.emit('callUpdated', { ...ringing('c1'), caller: { psid: 'x', name: 'Ada' } })
    await expect(watch.untilState('c1', 'ringing', 100)).resolves.toMatchObject({ id: 'c1' })
    const ended = watch.untilState('c1', 'ended', 1000)
    core.emit('callUpdated', {
      ...base('c1'),
      state: 'ended',
      outcome: 'missed',
      reason: 'ring-timeout',
      endedAt: 3
    })
    await expect(ended).resolves.toMatchObject({ outcome: 'missed' })
    expect(watch.statesOf('c1')).toEqual(['ringing', 'ended'])
    expect(watch.updatesOf('c1')).toHaveLength(3)
    watch.close()
    expect(core.listeners).toBe(0)
  })

  it('fails a wait with the last state it saw', async () => {
    const core = fakeCore()
    const watch = new CallWatch(core)
    core.emit('callUpdated', ringing('c2'))
    await expect(watch.untilState('c2', 'connected', 50)).rejects.toThrow(
      /did not show the call connected within 50 ms \(last seen: ringing\)/
    )
    await expect(watch.untilHistory('c2', 50)).rejects.toThrow(/no history record/)
    watch.close()
  })
})

describe('runScenario', () => {
  const env = (core: CoreClient) => ({ sim: {} as Simulator, core, ringTimeoutMs: 5000 })

  it('reports a broken scenario as a failed check and closes its desks', async () => {
    const core = fakeCore()
    let closed = false
    const scenario: Scenario = {
      name: 'broken',
      summary: 'throws',
      async run(ctx) {
        const desk = ctx.newDesk()
        const close = desk.close.bind(desk)
        desk.close = async () => {
          closed = true
          await close()
        }
        ctx.report.check('first', true)
        throw new Error('boom')
      }
    }
    const report = await runScenario(scenario, env(core))
    expect(report.passed).toBe(false)
    expect(report.checks.at(-1)).toEqual({
      name: 'the scenario runs to its end',
      pass: false,
      detail: 'boom'
    })
    expect(closed).toBe(true)
    expect(core.listeners).toBe(0)
  })

  it('ends at a failed step without an extra check', async () => {
    const scenario: Scenario = {
      name: 'stops',
      summary: 'a step fails',
      async run(ctx) {
        await ctx.report.step('must', async () => {
          throw new Error('missing')
        })
        ctx.report.check('never reached', true)
      }
    }
    const report = await runScenario(scenario, env(fakeCore()))
    expect(formatReport(report)).toEqual(['FAIL stops: must (missing)'])
    expect(tally([report])).toEqual({ passed: 0, failed: 1 })
  })
})
