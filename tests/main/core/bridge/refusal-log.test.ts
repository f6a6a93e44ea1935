import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  createRefusalLog,
  REFUSAL_LOG_INTERVAL_MS,
  type RefusalLogTimers
} from '../../../../src/main/core/bridge/refusal-log'

function fakeTimers(): RefusalLogTimers & { fire(): void; pending(): number } {
  let callbacks: (() => void)[] = []
  return {
    setTimeout: (callback, ms) => {
      expect(ms).toBe(REFUSAL_LOG_INTERVAL_MS)
      callbacks.push(callback)
      return callback
    },
    clearTimeout: (handle) => (callbacks = callbacks.filter((c) => c !== handle)),
    fire() {
      const due = callbacks
      callbacks = []
      for (const callback of due) callback()
    },
    pending: () => callbacks.length
  }
}

describe('refused bridge connections', () => {
  it('are logged at most once a minute, with a count', () => {
    const logger = memoryLogger()
    const timers = fakeTimers()
    const refusals = createRefusalLog(logger, timers)
    const lines = () => logger.entries.filter((entry) => entry.level === 'warn')

    refusals.note('bad token', null)
    expect(lines()).toEqual([
      expect.objectContaining({
        fields: expect.objectContaining({ count: 1, reason: 'bad token' })
      })
    ])
    for (let i = 0; i < 500; i++)
      refusals.note(i % 2 ? 'bad token' : 'origin not allowed', 'https://evil.example')
    expect(lines()).toHaveLength(1)

    timers.fire()
    expect(lines()).toHaveLength(2)
    expect(lines()[1]!.fields).toMatchObject({
      count: 500,
      reasons: 'origin not allowed: 250, bad token: 250',
      origins: ['https://evil.example']
    })
    // A quiet minute ends the counting: the next refusal is logged at once again.
    timers.fire()
    expect(timers.pending()).toBe(0)
    refusals.note('bad token', null)
    expect(lines()).toHaveLength(3)
    refusals.dispose()
    expect(timers.pending()).toBe(0)
  })
})
