/**
 * The seat's service against a scripted hub: what it says when the hub is slow, falls mid-command
 * or turned the desk away, and which of the hub's events its windows hear.
 */
import { describe, expect, it } from 'vitest'
import type { CommandName, EventMessage, EventName } from '../../../../src/shared/api'
import { createApi } from '../../../../src/shared/api-names'
import type { HubLinkStatus } from '../../../../src/shared/hub-link'
import type { Call } from '../../../../src/shared/calls'
import type { CallBackTaskList } from '../../../../src/shared/call-back-tasks'
import { defaultSettings, type Settings, type SettingsPatch } from '../../../../src/shared/settings'
import { memoryLogger } from '../../../../src/main/core/log'
import type { HubConnection } from '../../../../src/main/core/seat/hub-connection'
import { LEAVE_CALL_LIVE_SENTENCE, SeatService } from '../../../../src/main/core/seat/seat-service'

/** A hub whose replies the test decides, one command at a time. */
class ScriptedHub implements HubConnection {
  readonly hubName = 'Front desk'
  link: HubLinkStatus = { state: 'online' }
  reply: (command: CommandName, request: unknown) => Promise<unknown> = async () => undefined
  readonly sent: CommandName[] = []
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private readonly statusListeners = new Set<(status: HubLinkStatus) => void>()
  readonly api = createApi((command, request) => {
    this.sent.push(command)
    return this.reply(command, request)
  })

  status(): HubLinkStatus {
    return this.link
  }
  onStatus(listener: (status: HubLinkStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }
  on(event: EventName, listener: (payload: never) => void): () => void {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    set.add(listener as (payload: unknown) => void)
    return () => set.delete(listener as (payload: unknown) => void)
  }
  onClose(): void {}
  close(): void {}
  emit(message: EventMessage): void {
    for (const listener of this.listeners.get(message.event) ?? []) listener(message.payload)
  }
  setLink(link: HubLinkStatus): void {
    this.link = link
    for (const listener of this.statusListeners) listener(link)
  }
}

function seatOn(hub: ScriptedHub, forwardTimeoutMs = 2000, own: Settings = defaultSettings()) {
  const heard: EventMessage[] = []
  let current = own
  const listeners: ((settings: Settings) => void)[] = []
  const settings = {
    get: () => current,
    update: async (patch: SettingsPatch) => {
      current = { ...current, ...patch } as Settings
      for (const listener of listeners) listener(current)
      return current
    },
    onChange: (listener: (settings: Settings) => void) => {
      listeners.push(listener)
      return () => undefined
    }
  }
  const service = new SeatService({ hub, settings, logger: memoryLogger(), forwardTimeoutMs })
  const client = { id: 'window-1', send: (message: EventMessage) => heard.push(message) }
  service.attach(client)
  return { service, client, heard }
}

describe('SeatService', () => {
  it('gives up on a hub that does not answer, with a sentence', async () => {
    const hub = new ScriptedHub()
    hub.reply = () => new Promise(() => undefined)
    const { service, client } = seatOn(hub, 50)
    await expect(service.dispatch('listCalls', {}, client)).rejects.toThrow(
      'The hub did not answer in time.'
    )
  })

  it('says the hub is offline when the link falls during a command, and queues a hang up', async () => {
    const hub = new ScriptedHub()
    const { service, client, heard } = seatOn(hub)
    hub.reply = async () => {
      hub.setLink({ state: 'offline', reason: 'the hub stopped answering pings.' })
      throw new Error('socket closed')
    }
    await expect(service.dispatch('decline', { callId: 'c_1' }, client)).rejects.toThrow(
      'The hub is offline: the hub stopped answering pings.'
    )
    await expect(service.dispatch('hangUp', { callId: 'c_2' }, client)).resolves.toBeUndefined()
    const last = heard.filter((m) => m.event === 'status').at(-1)
    expect(last?.event === 'status' && last.payload.hub?.queuedHangUps).toEqual(['c_2'])
  })

  it('passes on the sentence of a hub that turned the desk away, without sending anything', async () => {
    const hub = new ScriptedHub()
    const { service, client } = seatOn(hub)
    await Promise.resolve()
    hub.sent.splice(0)
    const sentence = 'Front desk removed this desk; pair it again to use it.'
    hub.setLink({ state: 'refused', sentence })
    await expect(service.dispatch('accept', { callId: 'c', sdp: 'v=0' }, client)).rejects.toThrow(
      sentence
    )
    expect(hub.sent).not.toContain('accept')
  })

  it('forwards the hub’s call events but keeps its own settings and status', async () => {
    const hub = new ScriptedHub()
    const { heard } = seatOn(hub)
    heard.splice(0)
    hub.emit({ event: 'missedCalls', payload: { unseen: 2 } })
    hub.emit({ event: 'settings', payload: { ...defaultSettings(), theme: 'dark' } })
    hub.emit({
      event: 'status',
      payload: {
        page: { configured: true, pageId: '42' },
        webhookUrl: 'http://127.0.0.1:1/webhook',
        publicUrl: 'https://hub.example',
        tunnel: { state: 'up', url: 'https://hub.example' },
        registration: { state: 'not-needed', reason: 'no-public-url' }
      }
    })
    expect(heard.map((m) => m.event)).toEqual(['missedCalls', 'status'])
    const status = heard[1]
    expect(status?.event === 'status' && status.payload).toMatchObject({
      page: { configured: true, pageId: '42' },
      webhookUrl: null,
      publicUrl: null,
      hub: { name: 'Front desk', link: { state: 'online' } }
    })
  })

  it('sends queued hang ups in order when the link is back, dropping those the hub refuses', async () => {
    const hub = new ScriptedHub()
    hub.link = { state: 'offline', reason: 'no network' }
    const { service, client, heard } = seatOn(hub)
    for (const callId of ['c_1', 'c_2', 'c_3']) {
      await service.dispatch('hangUp', { callId }, client)
    }
    expect(hub.sent).toEqual([])
    const hungUp: string[] = []
    hub.reply = async (command, request) => {
      if (command !== 'hangUp') return { clientId: 'seat-link', status: undefined, calls: [] }
      const { callId } = request as { callId: string }
      hungUp.push(callId)
      if (callId === 'c_1') throw new Error('That call has already ended.')
      // The link falls again while c_2 is being sent: c_3 waits for the next time.
      if (callId === 'c_2') hub.setLink({ state: 'offline', reason: 'no network' })
    }
    hub.setLink({ state: 'online' })
    await expect.poll(() => hungUp).toEqual(['c_1', 'c_2'])
    const queued = () => {
      const last = heard.filter((m) => m.event === 'status').at(-1)
      return last?.event === 'status' ? last.payload.hub?.queuedHangUps : undefined
    }
    await expect.poll(queued).toEqual(['c_3'])
    hub.setLink({ state: 'online' })
    await expect.poll(queued).toEqual([])
    expect(hungUp).toEqual(['c_1', 'c_2', 'c_3'])
  })

  it('leaves a call at once when its hang up must wait, until the hub tells the call’s end', async () => {
    const hub = new ScriptedHub()
    const { service, client, heard } = seatOn(hub)
    const connected = {
      id: 'c_1',
      pageId: 'page-1',
      state: 'connected',
      direction: 'inbound',
      caller: { psid: 'psid-1' },
      startedAt: 1_000,
      connectedAt: 2_000,
      answeredBy: 'seat-link',
      answeredByDesk: 'Front desk'
    } as Call
    const hubEnd = {
      ...connected,
      state: 'ended',
      outcome: 'completed',
      reason: 'we-hung-up',
      endedAt: 9_000
    } as Call
    let hangUpReached: (() => void) | undefined
    let live = [connected]
    hub.reply = async (command) => {
      if (command === 'hello') return { clientId: 'seat-link', status: undefined, calls: live }
      if (command === 'listCalls') return live
      if (command !== 'hangUp') return undefined
      // The hub tells the call's end before it answers the hang up, as the real one does.
      await new Promise<void>((resolve) => (hangUpReached = resolve))
      live = []
      hub.emit({ event: 'callUpdated', payload: hubEnd })
    }
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0 offer' }, client)
    hub.emit({ event: 'callUpdated', payload: connected })
    const lastCall = () =>
      heard.flatMap((message) => (message.event === 'callUpdated' ? [message.payload] : [])).at(-1)
    expect(lastCall()).toMatchObject({ state: 'connected', answeredBy: 'window-1' })

    hub.setLink({ state: 'offline', reason: 'the hub stopped answering pings.' })
    await service.dispatch('hangUp', { callId: 'c_1' }, client)
    const endedHere = lastCall()
    expect(endedHere).toMatchObject({
      id: 'c_1',
      state: 'ended',
      outcome: 'completed',
      reason: 'we-hung-up',
      connectedAt: 2_000,
      answeredBy: 'window-1',
      answeredByDesk: 'Front desk'
    })
    expect(service.status().hub?.queuedHangUps).toEqual(['c_1'])
    // Restarted, the hub tells the call live again before the hang up reaches it: still ended here.
    hub.emit({ event: 'callUpdated', payload: connected })
    expect(lastCall()).toEqual(endedHere)

    hub.setLink({ state: 'online' })
    await expect.poll(() => hangUpReached).toBeDefined()
    // A window that opens meanwhile is not shown the call live either.
    expect(await service.dispatch('listCalls', {}, client)).toEqual([])
    hangUpReached!()
    await expect.poll(() => service.status().hub?.queuedHangUps).toEqual([])
    // The hub's own end is passed on as it is (its history is the one record).
    expect(lastCall()).toMatchObject({ state: 'ended', endedAt: 9_000, answeredBy: 'window-1' })
    expect(hub.sent.filter((command) => command === 'hangUp')).toHaveLength(1)
  })

  it('refuses a command it does not know, and a request that is not valid', async () => {
    const { service, client } = seatOn(new ScriptedHub())
    await expect(service.dispatch('formatDisk', {}, client)).rejects.toThrow(/Unknown command/)
    await expect(service.dispatch('hangUp', {}, client)).rejects.toThrow(/not valid \(callId\)/)
  })

  it('with Ring on this desk off, shows calls silenced to its windows, and rings again when on', async () => {
    const hub = new ScriptedHub()
    const own = defaultSettings()
    const quiet = { ...own, desk: { ...own.desk, ringHere: false } }
    const { service, client, heard } = seatOn(hub, 2000, quiet)
    const ringing = {
      id: 'c_1',
      state: 'ringing',
      direction: 'inbound',
      caller: { psid: 'psid-1' },
      startedAt: 1,
      ringDeadline: 60_000
    } as Call
    hub.reply = async (command) => (command === 'listCalls' ? [ringing] : undefined)
    hub.emit({ event: 'callUpdated', payload: ringing })
    const lastCall = () =>
      heard.flatMap((message) => (message.event === 'callUpdated' ? [message.payload] : [])).at(-1)
    expect(lastCall()).toMatchObject({ id: 'c_1', silenced: true })
    expect(await service.dispatch('listCalls', {}, client)).toEqual([
      expect.objectContaining({ id: 'c_1', silenced: true })
    ])
    // It can still be answered from the list: the accept goes to the hub as any other.
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0 offer' }, client)
    expect(hub.sent).toContain('accept')

    await service.dispatch('updateSettings', { desk: { ...own.desk, ringHere: true } }, client)
    expect(lastCall()).toMatchObject({ id: 'c_1', state: 'ringing' })
    expect(lastCall()).not.toHaveProperty('silenced')
  })

  it('will not leave while a call answered here goes on, until the hub ends it or forgot it', async () => {
    const hub = new ScriptedHub()
    let hubCalls: Call[] = []
    hub.reply = async (command) =>
      command === 'hello' ? { clientId: 'seat-link', status: {}, calls: hubCalls } : undefined
    const own = defaultSettings()
    const settings = { get: () => own, update: async () => own, onChange: () => () => undefined }
    const leaves: string[] = []
    const service = new SeatService({
      hub,
      settings,
      logger: memoryLogger(),
      leave: async () => {
        leaves.push('left')
        return { removedAtHub: true }
      }
    })
    const client = { id: 'window-1', send: () => undefined }
    service.attach(client)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const base = { direction: 'inbound', caller: { psid: 'psid-1' }, startedAt: 1 } as const
    const connected = (id: string, answeredBy: string) =>
      ({ ...base, id, state: 'connected', answeredBy, connectedAt: 2 }) as Call

    // Answered by another desk: nothing holds this one back.
    hub.emit({ event: 'callUpdated', payload: connected('c_0', 'other-desk') })
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, client)
    hub.emit({ event: 'callUpdated', payload: connected('c_1', 'seat-link') })
    await expect(service.dispatch('leaveHub', {}, client)).rejects.toThrow(LEAVE_CALL_LIVE_SENTENCE)

    // The hub cannot be reached: the call goes on here (its media does not pass the hub).
    hub.setLink({ state: 'offline', reason: 'the hub stopped answering pings.' })
    await expect(service.dispatch('leaveHub', {}, client)).rejects.toThrow(LEAVE_CALL_LIVE_SENTENCE)
    // Back, a hub that no longer knows the call (restarted without it) lets the desk go.
    hubCalls = []
    hub.setLink({ state: 'online' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(leaves).toEqual([])
    await expect(service.dispatch('leaveHub', {}, client)).resolves.toEqual({ removedAtHub: true })

    // Ended at the hub, a call answered here holds nothing back either.
    await service.dispatch('accept', { callId: 'c_2', sdp: 'v=0' }, client)
    hub.emit({ event: 'callUpdated', payload: connected('c_2', 'seat-link') })
    await expect(service.dispatch('leaveHub', {}, client)).rejects.toThrow(LEAVE_CALL_LIVE_SENTENCE)
    hub.emit({
      event: 'callUpdated',
      payload: {
        ...connected('c_2', 'seat-link'),
        state: 'ended',
        outcome: 'completed',
        reason: 'caller-hung-up',
        endedAt: 3
      } as Call
    })
    await expect(service.dispatch('leaveHub', {}, client)).resolves.toEqual({ removedAtHub: true })
  })

  it('passes the To call back list on, and catches up with it when the link is back', async () => {
    const hub = new ScriptedHub()
    const { heard } = seatOn(hub)
    const list: CallBackTaskList = {
      tasks: [
        {
          psid: 'ada',
          name: 'Ada',
          firstMissedAt: 1,
          lastMissedAt: 1,
          missedCount: 1,
          lastReason: 'rang-out',
          reply: null,
          permission: 'unknown',
          state: 'open'
        }
      ]
    }
    hub.emit({ event: 'callBackTasks', payload: list })
    expect(heard).toContainEqual({ event: 'callBackTasks', payload: list })

    heard.length = 0
    const changed = { tasks: [{ ...list.tasks[0]!, missedCount: 2 }] }
    hub.reply = async (command) => {
      if (command === 'hello') return { clientId: 'hub-1', status: {}, calls: [] }
      if (command === 'listCallBackTasks') return changed
      return undefined
    }
    hub.setLink({ state: 'offline', reason: 'the hub stopped answering pings.' })
    hub.setLink({ state: 'online' })
    await expect
      .poll(() => heard.filter((message) => message.event === 'callBackTasks').at(-1))
      .toEqual({ event: 'callBackTasks', payload: changed })
  })
})
