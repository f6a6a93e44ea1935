/**
 * Settings that apply without a restart, through the assembled core (no listener needed: webhook
 * events go straight into its registry, Graph's reject is spied on): Do not disturb in both of its
 * actions, the ring timeout of the next call, and test calls that keep ringing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  WEEKDAYS,
  type BusinessHours,
  type OpeningRange
} from '../../../../src/shared/business-hours'
import type { Call } from '../../../../src/shared/calls'
import type { SettingsPatch } from '../../../../src/shared/settings'
import type { SoftphoneCore } from '../../../../src/main/core/softphone-core'
import { connect } from '../calls/fixtures'
import { startCoreWithTestLine, type CoreUnderTest } from '../support/test-line-core'

let running: CoreUnderTest | undefined

afterEach(async () => {
  await running?.close()
  running = undefined
})

async function startCore(initial: SettingsPatch = {}, env: Record<string, string> = {}) {
  running = await startCoreWithTestLine(initial, env)
  const { core, settings } = running
  const seen: Call[] = []
  core.service.attach({
    id: 'ui',
    send: (message) => {
      if (message.event === 'callUpdated') seen.push(message.payload)
    }
  })
  const reject = vi.spyOn(core.graph, 'rejectCall').mockResolvedValue(undefined)
  return { core, settings, seen, reject }
}

const history = async (c: SoftphoneCore) => c.history.list({})

describe('Do not disturb in the core', () => {
  it('ring-out: the call rings silenced, ends as missed at the deadline, and is in history', async () => {
    const { core, seen, reject } = await startCore({
      doNotDisturb: { enabled: true, action: 'ring-out' },
      ringTimeoutSeconds: 0.2
    })
    const ringing = core.registry.handleEvent(connect('c_quiet'), 'page-1')
    // Silenced from the very first snapshot every UI receives: nothing may ring even briefly.
    expect(ringing).toMatchObject({ state: 'ringing', silenced: true })
    expect(seen[0]).toMatchObject({ id: 'c_quiet', state: 'ringing', silenced: true })

    await vi.waitFor(() => expect(core.registry.get('c_quiet')?.state).toBe('ended'))
    expect(core.registry.get('c_quiet')).toMatchObject({
      outcome: 'missed',
      reason: 'ring-timeout'
    })
    await vi.waitFor(async () =>
      expect(await history(core)).toMatchObject([{ callId: 'c_quiet', outcome: 'missed' }])
    )
    expect(reject).not.toHaveBeenCalled()
  })

  it('decline: the call is declined with Facebook at once, and is in history as declined', async () => {
    const { core, seen, reject } = await startCore({
      doNotDisturb: { enabled: true, action: 'decline' }
    })
    core.registry.handleEvent(connect('c_busy'), 'page-1')
    await vi.waitFor(() => expect(reject).toHaveBeenCalledWith('c_busy'))
    expect(core.registry.get('c_busy')).toMatchObject({
      state: 'ended',
      outcome: 'declined',
      reason: 'declined'
    })
    // Every UI saw it ring silently, then end: never an audible ring.
    expect(seen.map((call) => [call.state, call.state === 'ringing' && call.silenced])).toEqual([
      ['ringing', true],
      ['ended', false]
    ])
    await vi.waitFor(async () =>
      expect(await history(core)).toMatchObject([{ callId: 'c_busy', outcome: 'declined' }])
    )
  })

  it('never silences a test call: the owner pressed the button and waits for it to ring', async () => {
    const { core, seen } = await startCore({ doNotDisturb: { enabled: true, action: 'decline' } })
    const { callId } = (await core.service.dispatch(
      'startTestCall',
      {},
      { id: 'ui', send: () => {} }
    )) as {
      callId: string
    }
    expect(seen[0]).toMatchObject({ id: callId, state: 'ringing' })
    expect(seen[0]).not.toHaveProperty('silenced')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(core.registry.get(callId)?.state).toBe('ringing')
  })

  it('off: a call rings as usual; switched on while it rings, it goes quiet but is not declined', async () => {
    const { core, settings, reject } = await startCore({ doNotDisturb: { action: 'decline' } })
    expect(core.registry.handleEvent(connect('c_loud'), 'page-1')).not.toHaveProperty('silenced')
    await settings.update({ doNotDisturb: { enabled: true } })
    expect(core.registry.get('c_loud')).toMatchObject({ state: 'ringing', silenced: true })
    await settings.update({ doNotDisturb: { enabled: false } })
    expect(core.registry.get('c_loud')).toMatchObject({ state: 'ringing' })
    expect(core.registry.get('c_loud')).not.toHaveProperty('silenced')
    expect(reject).not.toHaveBeenCalled()
  })
})

describe('the ring timeout', () => {
  it('applies to the next call without a restart; a ringing call keeps its deadline', async () => {
    const { core, settings } = await startCore({ ringTimeoutSeconds: 30 })
    const first = core.registry.handleEvent(connect('c_first'), 'page-1')
    await settings.update({ ringTimeoutSeconds: 10 })
    const second = core.registry.handleEvent(connect('c_second'), 'page-1')
    if (first?.state !== 'ringing' || second?.state !== 'ringing') throw new Error('not ringing')
    expect(first.ringDeadline - Date.now()).toBeGreaterThan(25_000)
    expect(second.ringDeadline - Date.now()).toBeLessThanOrEqual(10_000)
    expect(second.ringDeadline - Date.now()).toBeGreaterThan(8_000)
    expect(core.registry.get('c_first')).toMatchObject({ ringDeadline: first.ringDeadline })
  })

  it('stays as SOFTPHONE_RING_TIMEOUT_S says when the environment sets it', async () => {
    const { core, settings } = await startCore({}, { SOFTPHONE_RING_TIMEOUT_S: '20' })
    await settings.update({ ringTimeoutSeconds: 5 })
    const call = core.registry.handleEvent(connect('c_env'), 'page-1')
    if (call?.state !== 'ringing') throw new Error('not ringing')
    expect(call.ringDeadline - Date.now()).toBeGreaterThan(15_000)
  })
})

describe('the ringtone setting', () => {
  it('takes one of the generated ringtones and refuses any other, naming the choices', async () => {
    const { settings } = await startCore()
    expect(settings.get().audio.ringtone).toBe('classic')
    await settings.update({ audio: { ringtone: 'chime' } })
    expect(settings.get().audio.ringtone).toBe('chime')
    await expect(
      settings.update({ audio: { ringtone: '/home/me/ring.mp3' as 'chime' } })
    ).rejects.toThrow('Invalid setting "audio.ringtone": must be one of classic, chime, digital')
  })
})

/** Closed every day (always outside the hours), or open all day every day. */
const week = (ranges: OpeningRange[]) =>
  Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])) as BusinessHours['weekly']
const closed = () => week([])
const allDay = () => week([{ open: '00:00', close: '23:59' }])
const schedule = (weekly: BusinessHours['weekly']): BusinessHours => ({
  timeZone: 'UTC',
  weekly,
  holidays: []
})

describe('Business hours in the core', () => {
  it('outside the hours with "decline": the call is declined with Facebook at once', async () => {
    const { core, reject } = await startCore({
      hours: { schedule: schedule(closed()), outside: 'decline' }
    })
    expect(core.registry.handleEvent(connect('c_night'), 'page-1')).toMatchObject({
      silenced: true
    })
    await vi.waitFor(() => expect(reject).toHaveBeenCalledWith('c_night'))
    expect(core.registry.get('c_night')).toMatchObject({ state: 'ended', outcome: 'declined' })
  })

  it('outside the hours with "quiet": it rings silenced and is not declined', async () => {
    const { core, reject } = await startCore({
      hours: { schedule: schedule(closed()), outside: 'quiet' }
    })
    expect(core.registry.handleEvent(connect('c_late'), 'page-1')).toMatchObject({
      state: 'ringing',
      silenced: true
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(core.registry.get('c_late')?.state).toBe('ringing')
    expect(reject).not.toHaveBeenCalled()
  })

  it('rings as usual inside the hours, and outside them with "ring"', async () => {
    const { core, settings } = await startCore({
      hours: { schedule: schedule(allDay()), outside: 'decline' }
    })
    expect(core.registry.handleEvent(connect('c_day'), 'page-1')).not.toHaveProperty('silenced')
    await settings.update({ hours: { schedule: schedule(closed()), outside: 'ring' } })
    expect(core.registry.handleEvent(connect('c_ring'), 'page-1')).not.toHaveProperty('silenced')
    // Switching to "quiet" while both ring silences them (the closed hours apply to both).
    await settings.update({ hours: { outside: 'quiet' } })
    expect(core.registry.get('c_day')).toMatchObject({ state: 'ringing', silenced: true })
    expect(core.registry.get('c_ring')).toMatchObject({ state: 'ringing', silenced: true })
  })
})
