import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import { createEventQueue } from '../../../../src/main/core/webhook/event-queue'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('createEventQueue', () => {
  it('runs tasks one at a time in push order, even when earlier ones are slower', async () => {
    const queue = createEventQueue(memoryLogger())
    const log: string[] = []
    ;[30, 10, 0].forEach((delay, i) =>
      queue.push(async () => {
        log.push(`start ${i}`)
        await sleep(delay)
        log.push(`end ${i}`)
      })
    )
    await queue.drained()
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2'])
  })

  it('never runs a task in the same turn that pushed it', async () => {
    const queue = createEventQueue(memoryLogger())
    let ran = false
    queue.push(() => {
      ran = true
    })
    await Promise.resolve()
    await Promise.resolve()
    expect(ran).toBe(false)
    await queue.drained()
    expect(ran).toBe(true)
  })

  it('logs a throwing or rejecting task and keeps going', async () => {
    const logger = memoryLogger()
    const queue = createEventQueue(logger)
    const done: number[] = []
    queue.push(() => {
      throw new Error('sync boom')
    })
    queue.push(() => Promise.reject(new Error('async boom')))
    queue.push(() => {
      done.push(3)
    })
    await queue.drained()
    expect(done).toEqual([3])
    const errors = logger.entries.filter((e) => e.level === 'error')
    expect(errors.map((e) => e.fields['error'])).toEqual(['Error: sync boom', 'Error: async boom'])
    expect(queue.pending).toBe(0)
  })

  it('drained waits for tasks queued while draining', async () => {
    const queue = createEventQueue(memoryLogger())
    const log: number[] = []
    queue.push(async () => {
      await sleep(5)
      log.push(1)
      queue.push(() => {
        log.push(2)
      })
    })
    await queue.drained()
    expect(log).toEqual([1, 2])
  })
})
