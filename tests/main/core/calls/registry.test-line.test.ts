/**
 * Calls rung by the built-in test line are marked `test` from their first snapshot to their last,
 * so onboarding can tell a customer's call (the proof the Page works) from the simulator's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CallRegistry } from '../../../../src/main/core/calls'
import type { Call } from '../../../../src/shared/calls'
import { PAGE, connect, terminate, useFakeClock } from './fixtures'

let registry: CallRegistry
let seen: Call[]

beforeEach(() => {
  useFakeClock()
  registry = new CallRegistry({ ringTimeoutMs: 30_000 })
  seen = []
  registry.on('call', (call) => seen.push(call))
})

afterEach(() => {
  registry.dispose()
  vi.useRealTimers()
})

describe('test-line calls', () => {
  it('carry test: true through every state, and real calls carry no such key', () => {
    registry.handleEvent(connect('c_test'), PAGE, undefined, { test: true })
    registry.handleEvent(connect('c_real'), PAGE)
    registry.beginAnswer('c_test', 'desk-1')
    registry.markConnected('c_test')
    registry.handleEvent(terminate('c_test'), PAGE, undefined, { test: true })

    const tests = seen.filter((call) => call.id === 'c_test')
    expect(tests.map((call) => call.state)).toEqual(['ringing', 'answering', 'connected', 'ended'])
    expect(tests.every((call) => call.test === true)).toBe(true)
    const real = seen.find((call) => call.id === 'c_real')
    expect(real).toBeDefined()
    expect(real && 'test' in real).toBe(false)
  })
})
