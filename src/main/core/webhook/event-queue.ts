/**
 * Runs delivery work one item at a time, in arrival order, never inside the request that queued
 * it: the acknowledgement is on the wire before processing starts, and a slow or async consumer
 * cannot reorder deliveries. A failing task is logged and the queue moves on, so one bad delivery
 * never blocks or loses the ones after it. Synchronous tasks run back to back in one turn without
 * a promise each: at hundreds of deliveries a second, per-item allocations show up in latency.
 */
import type { Logger } from '../log'

/** Backlog size that earns a warning: the consumer is not keeping up and memory is growing. */
const BACKLOG_WARNING = 1000

export type QueueTask = () => void | Promise<void>

export interface EventQueue {
  push(task: QueueTask): void
  /** Settles once every task queued so far, and any queued meanwhile, has finished. */
  drained(): Promise<void>
  readonly pending: number
}

function isThenable(value: unknown): value is PromiseLike<void> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

export function createEventQueue(logger: Logger): EventQueue {
  const tasks: QueueTask[] = []
  let running = false
  let warned = false
  let idle: (() => void)[] = []

  const fail = (error: unknown): void => logger.error('webhook consumer failed', { error })

  const run = async (): Promise<void> => {
    while (tasks.length > 0) {
      const task = tasks[0]!
      try {
        const result = task()
        if (isThenable(result)) await result
      } catch (error) {
        fail(error)
      }
      tasks.shift()
    }
    running = false
    warned = false
    const waiting = idle
    idle = []
    for (const resolve of waiting) resolve()
  }

  return {
    push(task) {
      tasks.push(task)
      if (tasks.length >= BACKLOG_WARNING && !warned) {
        warned = true
        logger.warn('webhook consumer is falling behind', { pending: tasks.length })
      }
      if (running) return
      running = true
      setImmediate(() => void run())
    },
    drained() {
      return running ? new Promise((resolve) => idle.push(resolve)) : Promise.resolve()
    },
    get pending() {
      return tasks.length
    }
  }
}
