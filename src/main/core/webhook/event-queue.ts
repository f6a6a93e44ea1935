/**
 * Runs delivery work one item at a time, in arrival order, each on a later turn of the event loop
 * than the request that queued it: the acknowledgement is always on the wire before processing
 * starts, and a slow or async consumer cannot reorder deliveries. A failing task is logged and the
 * queue moves on, so one bad delivery never blocks or loses the ones after it.
 */
import type { Logger } from '../log'

/** Backlog size that earns a warning: the consumer is not keeping up and memory is growing. */
const BACKLOG_WARNING = 1000

export interface EventQueue {
  push(task: () => void | Promise<void>): void
  /** Settles once every task queued so far, and any queued meanwhile, has finished. */
  drained(): Promise<void>
  readonly pending: number
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export function createEventQueue(logger: Logger): EventQueue {
  let tail: Promise<void> = Promise.resolve()
  let pending = 0
  let warned = false
  return {
    push(task) {
      pending += 1
      if (pending >= BACKLOG_WARNING && !warned) {
        warned = true
        logger.warn('webhook consumer is falling behind', { pending })
      }
      tail = tail
        .then(nextTurn)
        .then(task)
        .catch((error: unknown) => logger.error('webhook consumer failed', { error }))
        .finally(() => {
          pending -= 1
          if (pending === 0) warned = false
        })
    },
    async drained() {
      let seen: Promise<void>
      do {
        seen = tail
        await seen
      } while (seen !== tail)
    },
    get pending() {
      return pending
    }
  }
}
