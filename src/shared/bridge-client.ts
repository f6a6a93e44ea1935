/**
 * The client end of the WebSocket bridge. It turns a socket into the same `SoftphoneApi` the preload
 * exposes over IPC, so UI code cannot tell the transports apart. Works with the browser's WebSocket
 * and with the `ws` package in Node.
 */
import type { EventName, SoftphoneApi, SoftphoneEvents } from './api'
import { createApi } from './api-names'
import type { BridgeRequest, BridgeServerFrame } from './command-protocol'
import { ServiceError } from './service-error'
import { isWords } from './words'
import { serviceError } from './service-words-english'

/** The part of the WebSocket interface both the browser and `ws` provide. */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: () => void): void
}

export type EventListener<K extends EventName> = (payload: SoftphoneEvents[K]) => void

export interface BridgeClient {
  api: SoftphoneApi
  on<K extends EventName>(event: K, listener: EventListener<K>): () => void
  onClose(listener: () => void): void
  close(): void
}

const OPEN = 1

export function createBridgeClient(socket: SocketLike): BridgeClient {
  let nextId = 1
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const closeListeners: (() => void)[] = []

  socket.addEventListener('message', ({ data }) => {
    if (typeof data !== 'string') return
    let frame: BridgeServerFrame
    try {
      frame = JSON.parse(data) as BridgeServerFrame
    } catch {
      return
    }
    if (frame.type === 'response') {
      const waiter = pending.get(frame.id)
      if (!waiter) return
      pending.delete(frame.id)
      if (frame.ok) waiter.resolve(frame.result)
      else {
        const { code, message, words } = frame.error
        waiter.reject(new ServiceError(code, message, isWords(words) ? words : undefined))
      }
    } else if (frame.type === 'event') {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload)
    }
  })
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) {
      waiter.reject(serviceError('internal', 'connectionLost'))
    }
    pending.clear()
    for (const listener of closeListeners) listener()
  })

  function call(command: string, request: unknown): Promise<unknown> {
    if (socket.readyState !== OPEN) {
      return Promise.reject(serviceError('internal', 'connectionClosed'))
    }
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      const frame: BridgeRequest = { type: 'request', id, command, request }
      socket.send(JSON.stringify(frame))
    })
  }

  const api = createApi(call)

  return {
    api,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
    onClose(listener) {
      closeListeners.push(listener)
    },
    close() {
      socket.close()
    }
  }
}
