/**
 * Holds what a transport delivers until someone asks for it: the handshake reads its messages one
 * at a time (awaiting in between, e.g. to check a key), and whatever arrived meanwhile is handed,
 * in order, to the link that takes over afterwards.
 */
import type { MessageTransport } from './message-transport'

const MAX_QUEUED = 64

export class TransportClosedError extends Error {
  constructor(readonly reason: string) {
    super(`The connection closed: ${reason}`)
  }
}

export class TransportInbox {
  private readonly queued: Uint8Array[] = []
  private waiting: { resolve: (data: Uint8Array) => void; reject: (e: Error) => void } | undefined
  private consumer: ((data: Uint8Array) => void) | undefined
  private closedReason: string | undefined
  private closeListener: ((reason: string) => void) | undefined
  private readonly unsubscribe: (() => void)[]
  private rejectClosed: (error: Error) => void = () => undefined
  /** Rejects with a TransportClosedError when the transport closes (never resolves). */
  readonly whenClosed = new Promise<never>((_resolve, reject) => (this.rejectClosed = reject))

  constructor(private readonly transport: MessageTransport) {
    // Nobody may be racing it when the close comes: that is not an unhandled rejection.
    this.whenClosed.catch(() => undefined)
    this.unsubscribe = [
      transport.onMessage((data) => this.deliver(data)),
      transport.onClose((reason) => this.closed(reason))
    ]
  }

  /** The next message, or a TransportClosedError once the transport has closed. */
  next(): Promise<Uint8Array> {
    const data = this.queued.shift()
    if (data) return Promise.resolve(data)
    if (this.closedReason !== undefined) {
      return Promise.reject(new TransportClosedError(this.closedReason))
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }))
  }

  /** From now on every message (queued ones first) goes to `consumer`, the close to `onClose`. */
  handOver(consumer: (data: Uint8Array) => void, onClose: (reason: string) => void): void {
    this.consumer = consumer
    this.closeListener = onClose
    for (let data = this.queued.shift(); data; data = this.queued.shift()) consumer(data)
    if (this.closedReason !== undefined) onClose(this.closedReason)
  }

  dispose(): void {
    for (const off of this.unsubscribe) off()
    this.queued.length = 0
  }

  private deliver(data: Uint8Array): void {
    if (this.closedReason !== undefined) return
    if (this.consumer) return this.consumer(data)
    const waiting = this.waiting
    this.waiting = undefined
    if (waiting) return waiting.resolve(data)
    // The handshake reads three messages at most: a peer that floods meanwhile is cut off.
    if (this.queued.length >= MAX_QUEUED) return this.transport.close('too many messages too early')
    this.queued.push(data)
  }

  private closed(reason: string): void {
    if (this.closedReason !== undefined) return
    this.closedReason = reason
    this.rejectClosed(new TransportClosedError(reason))
    this.waiting?.reject(new TransportClosedError(reason))
    this.waiting = undefined
    this.closeListener?.(reason)
  }
}
