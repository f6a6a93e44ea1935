import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CallRegistry } from '../../../../src/main/core/calls'
import { memoryLogger } from '../../../../src/main/core/log'
import { toHistoryRecord, type Call, type EndedCall } from '../../../../src/shared/calls'
import {
  connect,
  expectRefusal,
  PAGE,
  PSID,
  recordingRegistry,
  T0,
  terminate,
  useFakeClock,
  withCall
} from './fixtures'

beforeEach(useFakeClock)
afterEach(() => {
  vi.useRealTimers()
})

const ANSWERED_ELSEWHERE = 'This call was already answered on another desk.'
const NOT_ANSWERED_YET = 'This call has not been answered yet.'
const ALREADY_ENDED = 'This call has already ended.'

describe('CallRegistry: answering', () => {
  it('ringing -> answering for the first client; the ring timer stops', () => {
    const { registry, calls } = withCall('ringing')
    const call = registry.beginAnswer('c1', 'desk-a')
    expect(call).toEqual({
      id: 'c1',
      pageId: PAGE,
      direction: 'inbound',
      caller: { psid: PSID },
      startedAt: T0,
      state: 'answering',
      answeredBy: 'desk-a'
    })
    expect(calls).toEqual([call])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('first answer wins: another desk gets a conflict, the same desk is told it is answering', () => {
    const { registry, calls } = withCall('ringing')
    registry.beginAnswer('c1', 'desk-a')
    expectRefusal(() => registry.beginAnswer('c1', 'desk-b'), 'conflict', ANSWERED_ELSEWHERE)
    expectRefusal(
      () => registry.beginAnswer('c1', 'desk-a'),
      'conflict',
      'You are already answering this call.'
    )
    expect(calls).toHaveLength(1)
    expect(registry.get('c1')).toMatchObject({ state: 'answering', answeredBy: 'desk-a' })
  })

  it('refuses an answer after the deadline even before the timer ran, and ends the call', () => {
    const { registry, ended } = withCall('ringing')
    vi.setSystemTime(T0 + 50_000)
    expectRefusal(
      () => registry.beginAnswer('c1', 'desk-a'),
      'conflict',
      'This call stopped ringing before anyone answered it.'
    )
    expect(ended).toEqual([expect.objectContaining({ outcome: 'missed', reason: 'ring-timeout' })])
  })

  it('refuses to answer an unknown call as not found', () => {
    const { registry } = recordingRegistry()
    expectRefusal(
      () => registry.beginAnswer('nope', 'desk-a'),
      'not-found',
      'This call is no longer available: it may have ended a while ago.'
    )
  })

  it('answering -> connected, stamped now; repeating it changes nothing', () => {
    const { registry, calls } = withCall('answering')
    vi.advanceTimersByTime(800)
    const call = registry.markConnected('c1')
    expect(call).toMatchObject({ state: 'connected', answeredBy: 'desk-a', connectedAt: T0 + 800 })
    expect(registry.markConnected('c1')).toBe(call)
    expect(calls).toEqual([call])
  })

  it('refuses to connect a call nobody answered', () => {
    const { registry } = withCall('ringing')
    expectRefusal(() => registry.markConnected('c1'), 'conflict', NOT_ANSWERED_YET)
  })

  it('answering -> failed, accept-failed, with the sentence for the user', () => {
    const { registry, calls, ended } = withCall('answering')
    const call = registry.answerFailed('c1', 'Meta refused the answer.')
    expect(call).toMatchObject({
      state: 'ended',
      outcome: 'failed',
      reason: 'accept-failed',
      error: 'Meta refused the answer.',
      answeredBy: 'desk-a'
    })
    expect(calls).toEqual([call])
    expect(ended).toEqual([call])
  })

  it('answering -> failed keeps a worded sentence as words, with its English', () => {
    const { registry } = withCall('answering')
    const call = registry.answerFailed('c1', { key: 'graph.unknownCall' })
    expect(call).toMatchObject({
      reason: 'accept-failed',
      error: 'This call no longer exists on Facebook; the caller may have hung up.',
      errorWords: { key: 'graph.unknownCall' }
    })
    expect(toHistoryRecord(call as EndedCall).errorWords).toEqual({ key: 'graph.unknownCall' })
  })

  it('refuses answerFailed on a ringing call', () => {
    const { registry } = withCall('ringing')
    expectRefusal(() => registry.answerFailed('c1', 'x'), 'conflict', NOT_ANSWERED_YET)
  })
})

describe('CallRegistry: declining and hanging up', () => {
  it('ringing -> declined; the ring timer stops', () => {
    const { registry, ended } = withCall('ringing')
    const call = registry.decline('c1')
    expect(call).toMatchObject({ state: 'ended', outcome: 'declined', reason: 'declined' })
    expect(ended).toEqual([call])
    expect(vi.getTimerCount()).toBe(0)
    expectRefusal(() => registry.decline('c1'), 'conflict', 'This call was already declined.')
  })

  it('refuses to decline a call another desk is answering', () => {
    const { registry } = withCall('answering')
    expectRefusal(() => registry.decline('c1'), 'conflict', ANSWERED_ELSEWHERE)
  })

  it('hangUp only notes the request: nothing is emitted until the call ends', () => {
    const { registry, calls } = withCall('connected')
    const call = registry.hangUp('c1')
    expect(call.state).toBe('connected')
    expect(calls).toEqual([])
  })

  it('refuses hangUp on a ringing or ended call', () => {
    const { registry } = withCall('ringing')
    expectRefusal(() => registry.hangUp('c1'), 'conflict', NOT_ANSWERED_YET)
    registry.handleEvent(terminate('c1'), PAGE)
    expectRefusal(
      () => registry.hangUp('c1'),
      'conflict',
      'The caller hung up before the call was answered.'
    )
  })

  it('markEnded: connected -> completed, we-hung-up; the terminate webhook after it is ignored', () => {
    const { registry, calls, ended } = withCall('connected')
    registry.hangUp('c1')
    vi.advanceTimersByTime(30_000)
    const call = registry.markEnded('c1')
    expect(call).toMatchObject({
      outcome: 'completed',
      reason: 'we-hung-up',
      connectedAt: T0,
      endedAt: T0 + 30_000
    })
    registry.handleEvent(terminate('c1', { status: 'Failed' }), PAGE)
    expect(registry.markEnded('c1')).toBe(call)
    expect(calls).toEqual([call])
    expect(ended).toEqual([call])
  })

  it('answering -> failed keeps a worded sentence as words, with its English', () => {
    const { registry } = withCall('answering')
    const call = registry.answerFailed('c1', { key: 'graph.unknownCall' })
    expect(call).toMatchObject({
      reason: 'accept-failed',
      error: 'This call no longer exists on Facebook; the caller may have hung up.',
      errorWords: { key: 'graph.unknownCall' }
    })
    expect(toHistoryRecord(call as EndedCall).errorWords).toEqual({ key: 'graph.unknownCall' })
  })

  it('markEnded: answering -> missed, we-hung-up; refused while ringing', () => {
    const ringing = withCall('ringing')
    expectRefusal(() => ringing.registry.markEnded('c1'), 'conflict', NOT_ANSWERED_YET)
    const { registry } = withCall('answering')
    expect(registry.markEnded('c1')).toMatchObject({ outcome: 'missed', reason: 'we-hung-up' })
  })
})

describe('CallRegistry: media failure and local endings', () => {
  it.each(['answering', 'connected'] as const)('%s -> failed, media-failed', (state) => {
    const { registry, ended } = withCall(state)
    const call = registry.mediaFailed('c1', 'The microphone could not be opened.')
    expect(call).toMatchObject({
      outcome: 'failed',
      reason: 'media-failed',
      error: 'The microphone could not be opened.'
    })
    expect(ended).toEqual([call])
  })

  it('refuses mediaFailed on a ringing or ended call', () => {
    const { registry } = withCall('ringing')
    expectRefusal(() => registry.mediaFailed('c1', 'x'), 'conflict', NOT_ANSWERED_YET)
    registry.endLocally('c1', 'missed', 'shutdown')
    expectRefusal(() => registry.mediaFailed('c1', 'x'), 'conflict', ALREADY_ENDED)
  })

  it('endLocally ends any live call with the given outcome and reason, once', () => {
    const { registry, ended } = withCall('ringing')
    const call = registry.endLocally('c1', 'missed', 'shutdown', 'The app was closed.')
    expect(call).toMatchObject({
      outcome: 'missed',
      reason: 'shutdown',
      error: 'The app was closed.'
    })
    expect(vi.getTimerCount()).toBe(0)
    expectRefusal(() => registry.endLocally('c1', 'failed', 'shutdown'), 'conflict', ALREADY_ENDED)
    expect(ended).toHaveLength(1)
  })

  it('endAllLive ends connected calls as completed and the rest as missed', () => {
    const { registry, ended } = recordingRegistry()
    registry.handleEvent(connect('ringing'), PAGE)
    registry.handleEvent(connect('talking'), PAGE)
    registry.beginAnswer('talking', 'desk-a')
    registry.markConnected('talking')
    registry.handleEvent(connect('over'), PAGE)
    registry.decline('over')
    const result = registry.endAllLive()
    expect(result.map((c) => [c.id, c.outcome, c.reason])).toEqual([
      ['ringing', 'missed', 'shutdown'],
      ['talking', 'completed', 'shutdown']
    ])
    expect(ended).toHaveLength(3)
    expect(registry.list()).toEqual([])
  })
})

describe('CallRegistry: caller profile', () => {
  it('merges name and photo as they arrive and re-emits the call', () => {
    const { registry, calls } = withCall('ringing')
    registry.updateCaller('c1', { photo: 'data:image/png;base64,AAAA' })
    const call = registry.updateCaller('c1', { name: 'Ada Lovelace' })
    expect(call).toMatchObject({
      state: 'ringing',
      caller: { psid: PSID, name: 'Ada Lovelace', photo: 'data:image/png;base64,AAAA' }
    })
    expect(calls).toHaveLength(2)
  })

  it('emits nothing when the profile adds nothing new', () => {
    const { registry, calls } = withCall('ringing')
    registry.updateCaller('c1', { name: 'Ada' })
    registry.updateCaller('c1', { name: 'Ada' })
    registry.updateCaller('c1', {})
    expect(calls).toHaveLength(1)
  })

  it('fills an ended call without a second ended event, and refuses an unknown one', () => {
    const { registry, calls, ended } = withCall('ringing')
    registry.handleEvent(terminate('c1'), PAGE)
    expect(registry.updateCaller('c1', { name: 'Ada' })).toMatchObject({
      state: 'ended',
      caller: { name: 'Ada' }
    })
    expect(calls.map((c) => c.state)).toEqual(['ended', 'ended'])
    expect(ended).toHaveLength(1)
    expect(() => registry.updateCaller('other', { name: 'x' })).toThrow()
  })
})

describe('CallRegistry: snapshots and listeners', () => {
  it('publishes a new frozen object per change and leaves the old ones as they were', () => {
    const { registry, calls } = recordingRegistry()
    registry.handleEvent(connect('c1'), PAGE)
    registry.beginAnswer('c1', 'desk-a')
    registry.markConnected('c1')
    const [ringing, answering, connected] = calls
    expect(ringing).toMatchObject({ state: 'ringing' })
    expect(ringing).not.toHaveProperty('answeredBy')
    expect(answering).not.toHaveProperty('ringDeadline')
    expect(connected).toMatchObject({ state: 'connected' })
    expect(new Set(calls).size).toBe(3)
    expect(Object.isFrozen(connected)).toBe(true)
    expect(Object.isFrozen(connected?.caller)).toBe(true)
    expect(() => {
      ;(connected as { state: string }).state = 'ended'
    }).toThrow(TypeError)
  })

  it('keeps working when a listener throws, and logs it', () => {
    const logger = memoryLogger()
    const registry = new CallRegistry({ logger })
    registry.on('call', () => {
      throw new Error('ui bridge down')
    })
    registry.on('ended', () => {
      throw new Error('disk full')
    })
    const calls: Call[] = []
    const ended: EndedCall[] = []
    registry.on('call', (call) => calls.push(call))
    registry.on('ended', (call) => ended.push(call))
    registry.handleEvent(connect('c1'), PAGE)
    registry.decline('c1')
    expect(calls.map((c) => c.state)).toEqual(['ringing', 'ended'])
    expect(ended).toHaveLength(1)
    expect(registry.get('c1')?.state).toBe('ended')
    const errors = logger.entries.filter((e) => e.level === 'error')
    expect(errors.map((e) => [e.fields.event, e.fields.error])).toEqual([
      ['call', 'Error: ui bridge down'],
      ['call', 'Error: ui bridge down'],
      ['ended', 'Error: disk full']
    ])
  })

  it('delivers changes made from inside a listener in order to every listener', () => {
    const { registry } = recordingRegistry()
    const seenByLater: Call['state'][] = []
    registry.on('call', (call) => {
      if (call.state === 'ringing') registry.beginAnswer(call.id, 'auto-answer')
    })
    registry.on('call', (call) => seenByLater.push(call.state))
    registry.handleEvent(connect('c1'), PAGE)
    expect(seenByLater).toEqual(['ringing', 'answering'])
    // The ring timer existed before the first emission, so answering from it stopped the timer.
    expect(vi.getTimerCount()).toBe(0)
  })
})
