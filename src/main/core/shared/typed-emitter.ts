/**
 * A tiny typed event emitter. Two properties matter more than features here:
 *
 * - A throwing (or rejecting) listener is reported and skipped: the registry's state must never
 *   depend on whether the history store or a UI bridge had a bad day.
 * - Emission is queued, not re-entrant: when a listener triggers another emission (the service
 *   answers a call from inside a `call` listener), the new event is delivered after the current
 *   one has reached every listener. Without this, later listeners would see the newer snapshot
 *   first and then the older one, and "replace by id" in a UI would go backwards.
 */

export type Listener<T> = (payload: T) => unknown
export type ListenerErrorHandler<Events> = (error: unknown, event: keyof Events) => void

type ListenerSets<Events> = { [K in keyof Events]?: Set<Listener<Events[K]>> }

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'then' in value &&
    typeof value.then === 'function'
  )
}

export class TypedEmitter<Events extends object> {
  private readonly listeners: ListenerSets<Events> = {}
  private readonly queue: (() => void)[] = []
  private draining = false

  constructor(private readonly onListenerError: ListenerErrorHandler<Events> = () => undefined) {}

  /** Subscribes; returns the function that unsubscribes (safe to call twice). */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const set: Set<Listener<Events[K]>> = this.listeners[event] ?? new Set()
    this.listeners[event] = set
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    this.queue.push(() => this.deliver(event, payload))
    if (this.draining) return
    this.draining = true
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) job()
    } finally {
      this.draining = false
    }
  }

  listenerCount(event: keyof Events): number {
    return this.listeners[event]?.size ?? 0
  }

  clear(): void {
    for (const key of Object.keys(this.listeners) as (keyof Events)[]) delete this.listeners[key]
    this.queue.length = 0
  }

  private deliver<K extends keyof Events>(event: K, payload: Events[K]): void {
    // A copy: a listener that unsubscribes (or subscribes) mid-delivery must not skip a neighbour.
    for (const listener of [...(this.listeners[event] ?? [])]) {
      try {
        const result = listener(payload)
        if (isPromiseLike(result))
          result.then(undefined, (error: unknown) => this.report(error, event))
      } catch (error) {
        this.report(error, event)
      }
    }
  }

  private report(error: unknown, event: keyof Events): void {
    try {
      this.onListenerError(error, event)
    } catch {
      // The reporter is usually a logger; if even that throws, there is nowhere left to say so.
    }
  }
}
