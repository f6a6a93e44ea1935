/**
 * Each window's webContents is one client of the service, like a browser tab on the WebSocket
 * bridge: it receives every event and is named in answers ("answered by window-3"). It is detached
 * when its webContents is destroyed, so the service never sends to a dead renderer.
 */
import type { EventMessage } from '../../../shared/api'
import { IPC } from '../../../shared/ipc'
import type { ClientHandle } from '../../core/service/softphone-service'

export interface ClientWebContents {
  readonly id: number
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
  once(event: 'destroyed', listener: () => void): unknown
}

export interface ClientService {
  attach(client: ClientHandle): () => void
}

export class WindowClients {
  private readonly clients = new Map<number, { handle: ClientHandle; detach: () => void }>()

  constructor(private readonly service: ClientService) {}

  attach(contents: ClientWebContents): ClientHandle {
    const existing = this.clients.get(contents.id)
    if (existing) return existing.handle
    const handle: ClientHandle = {
      id: `window-${contents.id}`,
      send: (message: EventMessage) => {
        if (!contents.isDestroyed()) contents.send(IPC.event, message)
      }
    }
    const detach = this.service.attach(handle)
    this.clients.set(contents.id, { handle, detach })
    contents.once('destroyed', () => this.detach(contents.id))
    return handle
  }

  get(webContentsId: number): ClientHandle | undefined {
    return this.clients.get(webContentsId)?.handle
  }

  has(webContentsId: number): boolean {
    return this.clients.has(webContentsId)
  }

  detach(webContentsId: number): void {
    this.clients.get(webContentsId)?.detach()
    this.clients.delete(webContentsId)
  }

  dispose(): void {
    for (const id of [...this.clients.keys()]) this.detach(id)
  }
}
