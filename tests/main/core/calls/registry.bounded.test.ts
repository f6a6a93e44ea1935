/** Item 7: at most `maxRinging` calls ring at once; a flood beyond it is recorded, never rung. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { connect, PAGE, recordingRegistry, terminate, useFakeClock } from './fixtures'
import { defaultSettings } from '../../../../src/main/core/config'

beforeEach(useFakeClock)
afterEach(() => {
  vi.useRealTimers()
})

describe('CallRegistry: bounded ringing', () => {
  it('records connects beyond the limit as missed, too many ringing, without a ringing snapshot', () => {
    let limit = 2
    const { registry, calls, ended } = recordingRegistry({ maxRinging: () => limit })
    for (const id of ['c1', 'c2', 'c3', 'c4']) registry.handleEvent(connect(id), PAGE)
    expect(calls.filter((call) => call.state === 'ringing').map((call) => call.id)).toEqual([
      'c1',
      'c2'
    ])
    expect(ended.map((call) => [call.id, call.outcome, call.reason])).toEqual([
      ['c3', 'missed', 'too-many-ringing'],
      ['c4', 'missed', 'too-many-ringing']
    ])
    expect(ended[0]?.error).toMatch(/too many calls were ringing/i)
    expect(ended[0]?.errorWords).toEqual({ key: 'calls.tooManyRinging' })

    // A place frees up when a ringing call ends; a raised limit applies to the next connect.
    registry.handleEvent(terminate('c1'), PAGE)
    registry.handleEvent(connect('c5'), PAGE)
    limit = 3
    registry.handleEvent(connect('c6'), PAGE)
    expect(registry.list().map((call) => call.id)).toEqual(['c2', 'c5', 'c6'])
  })

  it('defaults to 20 calls in the settings', () => {
    expect(defaultSettings().maxRingingCalls).toBe(20)
  })
})
