/**
 * Two message transports joined by a relay the test controls, like the tunnel operator: it sees
 * every message and may forward it, alter it, drop it, hold it back or send it twice. Delivery is
 * asynchronous and in order, as over a socket.
 */
import type { MessageTransport } from '../../../../src/main/core/seat-link/message-transport'

export type Direction = 'seat->hub' | 'hub->seat'

/** Returns what to forward in place of `data` (nothing drops it; two messages add one). */
export type Relay = (direction: Direction, data: Buffer, index: number) => Buffer[]

const passThrough: Relay = (_direction, data) => [data]

export interface RelayedPair {
  seat: MessageTransport
  hub: MessageTransport
  /** Everything that crossed the relay, as it was sent. */
  seen: { direction: Direction; data: Buffer }[]
  /** Why each side's transport was closed, by whom. */
  closes: { side: 'seat' | 'hub'; reason: string }[]
}

export function relayedPair(relay: Relay = passThrough): RelayedPair {
  const messageListeners = {
    seat: new Set<(d: Uint8Array) => void>(),
    hub: new Set<(d: Uint8Array) => void>()
  }
  const closeListeners = {
    seat: new Set<(r: string) => void>(),
    hub: new Set<(r: string) => void>()
  }
  const counts: Record<Direction, number> = { 'seat->hub': 0, 'hub->seat': 0 }
  const pair: RelayedPair = { seen: [], closes: [], seat: undefined!, hub: undefined! }
  let open = true

  const closeBoth = (side: 'seat' | 'hub', reason: string): void => {
    pair.closes.push({ side, reason })
    if (!open) return
    open = false
    setImmediate(() => {
      for (const listener of closeListeners.seat) listener(reason)
      for (const listener of closeListeners.hub) listener(reason)
    })
  }

  const end = (side: 'seat' | 'hub'): MessageTransport => {
    const direction: Direction = side === 'seat' ? 'seat->hub' : 'hub->seat'
    const other = side === 'seat' ? 'hub' : 'seat'
    return {
      send(data) {
        if (!open) throw new Error('transport closed')
        const copy = Buffer.from(data)
        pair.seen.push({ direction, data: copy })
        for (const forwarded of relay(direction, Buffer.from(copy), counts[direction]++)) {
          setImmediate(() => {
            if (open) for (const listener of messageListeners[other]) listener(forwarded)
          })
        }
      },
      onMessage(listener) {
        messageListeners[side].add(listener)
        return () => messageListeners[side].delete(listener)
      },
      onClose(listener) {
        closeListeners[side].add(listener)
        return () => closeListeners[side].delete(listener)
      },
      close: (reason) => closeBoth(side, reason)
    }
  }
  pair.seat = end('seat')
  pair.hub = end('hub')
  return pair
}

/** Resolves on the next turn of the event loop after everything queued so far was delivered. */
export function settle(turns = 5): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left === 0) resolve()
      else setImmediate(() => step(left - 1))
    }
    step(turns)
  })
}
