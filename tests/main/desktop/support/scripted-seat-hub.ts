/**
 * A seat desk's hub, scripted: what it holds (calls, the missed count) is what it answers, its
 * events are the test's to send, and `asked` lists what the seat forwarded. With the real
 * SeatService on top, the shell runs as on a seat desk.
 */
import type { CommandName, EventMessage, EventName } from '../../../../src/shared/api'
import { createApi } from '../../../../src/shared/api-names'
import type { Call } from '../../../../src/shared/calls'
import type { HubLinkStatus } from '../../../../src/shared/hub-link'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import type { HubConnection } from '../../../../src/main/core/seat/hub-connection'
import { HUB_STATUS } from './fake-desk-port'

/** The seat's link as the hub knows it: what the hub names as `answeredBy` for this seat. */
export const SEAT_LINK_ID = 'seat-link'

export function hubHolding(held: { calls: Call[]; unseen: number }) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const asked: CommandName[] = []
  const link: HubLinkStatus = { state: 'online' }
  const answers: Partial<Record<CommandName, () => unknown>> = {
    hello: () => ({ clientId: SEAT_LINK_ID, status: HUB_STATUS, calls: held.calls }),
    listCalls: () => held.calls,
    getMissedCalls: () => ({ unseen: held.unseen }),
    accept: () => ({ answer: 'v=0 answer' })
  }
  const hub: HubConnection = {
    hubName: 'Front desk',
    api: createApi(async (command) => {
      asked.push(command)
      const answer = answers[command]
      if (!answer) throw new Error(`not scripted: ${command}`)
      return answer()
    }),
    status: () => link,
    onStatus: () => () => undefined,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    },
    onClose: () => undefined,
    close: () => undefined
  }
  const emit = (message: EventMessage): void => {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
  }
  return { hub, held, asked, emit }
}

/** A desk's own settings that never change. */
export function fixedSettings() {
  const current: Settings = defaultSettings()
  return {
    get: () => current,
    update: async () => current,
    onChange: () => () => undefined
  }
}
