/**
 * A desk's service as the shell sees it (desk-service-port): clients attach for events and ask
 * by `dispatch`. The test sets what the desk answers, sends events, and can hold the answers back
 * to let events overtake them (as a seat's, which asks its hub, does).
 */
import type { CommandName, CoreStatus, EventMessage } from '../../../../src/shared/api'
import { ServiceError } from '../../../../src/shared/api'
import type { Call } from '../../../../src/shared/calls'
import { REGISTRATION_IDLE } from '../../../../src/shared/tunnel'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'

export const HUB_STATUS: CoreStatus = {
  page: { configured: true, pageId: '42' },
  webhookUrl: 'http://127.0.0.1:47800/webhook',
  publicUrl: 'https://desk.example.com',
  tunnel: { state: 'up', url: 'https://desk.example.com' },
  registration: REGISTRATION_IDLE
}

export interface DeskState {
  status: CoreStatus
  calls: Call[]
  unseen: number
  /** listCalls fails (a seat whose hub is offline). */
  listFails: boolean
}

export function fakeDeskPort(initial: Partial<DeskState> = {}) {
  const clients = new Map<string, ClientHandle>()
  const state: DeskState = {
    status: HUB_STATUS,
    calls: [],
    unseen: 0,
    listFails: false,
    ...initial
  }
  const asked: { command: string; client: string }[] = []
  let held: Promise<void> | undefined
  const answer = (command: CommandName, client: ClientHandle): unknown => {
    switch (command) {
      case 'hello':
        return { clientId: client.id, status: state.status, calls: state.calls }
      case 'getStatus':
        return state.status
      case 'listCalls':
        if (state.listFails) throw new ServiceError('not-configured', 'The hub is offline.')
        return state.calls
      case 'getMissedCalls':
        return { unseen: state.unseen }
      default:
        throw new ServiceError('invalid-request', `not faked: ${command}`)
    }
  }
  return {
    state,
    asked,
    attach(client: ClientHandle) {
      clients.set(client.id, client)
      return () => void clients.delete(client.id)
    },
    async dispatch(name: string, _request: unknown, client: ClientHandle): Promise<unknown> {
      asked.push({ command: name, client: client.id })
      // What the desk knows now, sent once the answers are let go.
      const now = (() => {
        try {
          return { value: answer(name as CommandName, client) }
        } catch (error) {
          return { error }
        }
      })()
      await held
      if ('error' in now) throw now.error
      return now.value
    },
    emit(message: EventMessage) {
      for (const client of [...clients.values()]) client.send(message)
    },
    attached: () => [...clients.keys()],
    /** Answers wait until the returned function is called. */
    hold(): () => void {
      let release = (): void => undefined
      held = new Promise((resolve) => (release = resolve))
      return () => {
        held = undefined
        release()
      }
    }
  }
}

export type FakeDeskPort = ReturnType<typeof fakeDeskPort>

/** Lets pending answers and their handlers run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
