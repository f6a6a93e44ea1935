/**
 * What the secure link needs from whatever carries it: whole messages both ways, and a close.
 * A WebSocket through the tunnel, a WebSocket on the local network or an in-memory pair in tests
 * all fit; none of them is trusted (the link authenticates and seals every byte itself).
 */
import type { WebSocket } from 'ws'

export interface MessageTransport {
  send(data: Uint8Array): void
  /** Every message that arrives, in order. Returns the function that unsubscribes. */
  onMessage(listener: (data: Uint8Array) => void): () => void
  /** Once, when either side closes or the carrier drops. */
  onClose(listener: (reason: string) => void): () => void
  close(reason: string): void
}

/**
 * A WebSocket (the `ws` package) as a message transport: binary messages, closed with a reason.
 * The server accepting seats should set `maxPayload` to MAX_NOISE_MESSAGE: no link message is
 * larger, so ws can refuse a bigger one before buffering it.
 */
export function webSocketTransport(socket: WebSocket): MessageTransport {
  return {
    send: (data) => socket.send(data, { binary: true }),
    onMessage(listener) {
      const handler = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
        // A text message is never ours: hand over bytes that will fail to authenticate.
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)
        listener(isBinary ? bytes : Buffer.alloc(0))
      }
      socket.on('message', handler)
      return () => socket.off('message', handler)
    },
    onClose(listener) {
      const handler = (_code: number, reason: Buffer): void => listener(reason.toString())
      socket.on('close', handler)
      return () => socket.off('close', handler)
    },
    // 1008: policy violation, the code for "refused"; a close reason is limited to 123 bytes.
    close: (reason) => socket.close(1008, reason.slice(0, 120))
  }
}
