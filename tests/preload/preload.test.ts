/**
 * The preload with a hand-written fake of the two Electron modules it touches: it exposes named
 * functions only, turns every command into one invoke on the command channel, rebuilds refused
 * commands as sentences, and subscribes to events by name.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { commandRequests } from '../../src/shared/api'
import type { ReplyFrame } from '../../src/shared/command-protocol'
import { IPC } from '../../src/shared/ipc'
import { asServiceError, ServiceError } from '../../src/shared/service-error'
import type { ShellBridge, SoftphoneBridge } from '../../src/preload/bridge'

type Handler = (event: unknown, payload: unknown) => void

const exposed = new Map<string, unknown>()
const invoked: { channel: string; payload: unknown }[] = []
const sent: { channel: string; payload: unknown }[] = []
const handlers = new Map<string, Set<Handler>>()
let reply: ReplyFrame = { ok: true, result: 'fine' }

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value)
  },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      invoked.push({ channel, payload })
      return reply
    },
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
    on: (channel: string, handler: Handler) => {
      const set = handlers.get(channel) ?? new Set()
      set.add(handler)
      handlers.set(channel, set)
    },
    off: (channel: string, handler: Handler) => handlers.get(channel)?.delete(handler)
  }
}))

const emit = (channel: string, payload: unknown): void => {
  for (const handler of handlers.get(channel) ?? []) handler({}, payload)
}

let softphone: SoftphoneBridge
let shell: ShellBridge

beforeAll(async () => {
  await import('../../src/preload/index')
  softphone = exposed.get('softphone') as SoftphoneBridge
  shell = exposed.get('shell') as ShellBridge
})

describe('preload', () => {
  it('exposes the contract’s commands and the shell actions, and nothing like ipcRenderer', () => {
    expect([...exposed.keys()].sort()).toEqual(['shell', 'softphone'])
    const names = Object.keys(softphone).filter((key) => key !== 'on')
    expect(names.sort()).toEqual(Object.keys(commandRequests).sort())
    for (const value of [...Object.values(softphone), ...Object.values(shell)]) {
      expect(typeof value).toBe('function')
    }
    expect(Object.keys(shell).sort()).toEqual([
      'askMicrophone',
      'microphoneAccess',
      'onCallActionRequested',
      'requestCallAction'
    ])
  })

  it('sends each command as one invoke on the command channel', async () => {
    reply = { ok: true, result: { answer: 'v=0' } }
    await expect(softphone.accept({ callId: 'c_1', sdp: 'v=0 offer' })).resolves.toEqual({
      answer: 'v=0'
    })
    expect(invoked.at(-1)).toEqual({
      channel: IPC.command,
      payload: { command: 'accept', request: { callId: 'c_1', sdp: 'v=0 offer' } }
    })
  })

  it('rejects a refused command as plain data, so its code survives contextBridge', async () => {
    reply = { ok: false, error: { code: 'conflict', message: 'Answered by Front desk.' } }
    const failure = softphone.decline({ callId: 'c_1' })
    // contextBridge copies a plain object's keys but only an Error's message.
    await expect(failure).rejects.not.toBeInstanceOf(Error)
    await expect(failure).rejects.toEqual({ code: 'conflict', message: 'Answered by Front desk.' })
    // ...and the page makes it a ServiceError again (services/softphone.ts).
    const rebuilt = await failure.catch((reason: unknown) => asServiceError(reason))
    expect(rebuilt).toBeInstanceOf(ServiceError)
    expect(rebuilt).toMatchObject({ code: 'conflict', message: 'Answered by Front desk.' })
  })

  it('delivers only the subscribed event, until unsubscribed, and refuses unknown names', () => {
    const seen: unknown[] = []
    const off = softphone.on('status', (status) => seen.push(status))
    emit(IPC.event, { event: 'callUpdated', payload: { id: 'c_1' } })
    emit(IPC.event, { event: 'status', payload: 'up' })
    off()
    emit(IPC.event, { event: 'status', payload: 'again' })
    expect(seen).toEqual(['up'])
    expect(() => softphone.on('nope' as 'status', () => undefined)).toThrow('Unknown event')
  })

  it('forwards the toast’s choice and hands the main window the chosen action', () => {
    shell.requestCallAction({ callId: 'c_1', action: 'answer' })
    expect(sent.at(-1)).toEqual({
      channel: IPC.callAction,
      payload: { callId: 'c_1', action: 'answer' }
    })
    const actions: unknown[] = []
    const off = shell.onCallActionRequested((action) => actions.push(action))
    emit(IPC.callActionRequested, { callId: 'c_1', action: 'answer' })
    off()
    emit(IPC.callActionRequested, { callId: 'c_2', action: 'answer' })
    expect(actions).toEqual([{ callId: 'c_1', action: 'answer' }])
  })

  it('asks main about the microphone on its own channels, and hands back what the OS said', async () => {
    // Main answers these with the bare status, not a ReplyFrame.
    reply = 'denied' as unknown as ReplyFrame
    await expect(shell.microphoneAccess()).resolves.toBe('denied')
    expect(invoked.at(-1)).toEqual({ channel: IPC.microphoneAccess, payload: undefined })
    reply = 'granted' as unknown as ReplyFrame
    await expect(shell.askMicrophone()).resolves.toBe('granted')
    expect(invoked.at(-1)).toEqual({ channel: IPC.askMicrophone, payload: undefined })
  })
})
