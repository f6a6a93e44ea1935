/**
 * Hang ups a seat could not send because its hub was offline (issue #13, item 8). The seat's
 * audio has already stopped; the hub still holds the call with Meta, so the hang up is sent as
 * soon as the link is back, in the order they were made.
 */
import type { Logger } from '../log'

export class HangUpQueue {
  private readonly callIds: string[] = []
  private flushing: Promise<void> | undefined

  constructor(
    private readonly log: Logger,
    /** Called whenever the queue changes, so the seat's status can say what waits. */
    private readonly changed: () => void
  ) {}

  list(): string[] {
    return [...this.callIds]
  }

  add(callId: string): void {
    if (this.callIds.includes(callId)) return
    this.callIds.push(callId)
    this.changed()
  }

  /**
   * Sends every queued hang up; one the hub refuses (the call ended meanwhile) is dropped, one
   * that could not be sent (the link fell again) stays for the next time. One flush at a time.
   */
  flush(send: (callId: string) => Promise<void>, online: () => boolean): Promise<void> {
    if (this.flushing) return this.flushing
    const run = (async () => {
      // Yield first: with nothing to await, the finally below would run before `flushing` is set.
      await Promise.resolve()
      try {
        while (this.callIds.length > 0 && online()) {
          const callId = this.callIds[0] as string
          try {
            await send(callId)
            this.log.info('sent a hang up queued while the hub was offline', { callId })
          } catch (error) {
            if (!online()) break
            this.log.info('the hub refused a queued hang up', { callId, error: String(error) })
          }
          this.callIds.shift()
          this.changed()
        }
      } finally {
        this.flushing = undefined
      }
    })()
    this.flushing = run
    return run
  }
}
