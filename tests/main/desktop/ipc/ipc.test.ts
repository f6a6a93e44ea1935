import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ServiceError, type EventMessage } from '../../../../src/shared/api'
import { INTERNAL_FAILURE, INVALID_FRAME } from '../../../../src/shared/command-protocol'
import { IPC, type CallAction } from '../../../../src/shared/ipc'
import { REGISTRATION_IDLE, TUNNEL_OFF } from '../../../../src/shared/tunnel'
import { memoryLogger } from '../../../../src/main/core/log'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'
import { registerIpc } from '../../../../src/main/desktop/ipc/register-ipc'
import { WindowClients } from '../../../../src/main/desktop/ipc/window-clients'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'
import { microphoneAccessCheck } from '../../../../src/main/desktop/microphone-access'
import {
  FakeIpcMain,
  FakeSystemPreferences,
  FakeWebContents,
  ipcEvent
} from '../../../mocks/electron'

const source = createRendererSource({ rendererDir: '/opt/softphone/out/renderer' })

function fakeService() {
  const attached = new Map<string, ClientHandle>()
  return {
    attached,
    attach: vi.fn((client: ClientHandle) => {
      attached.set(client.id, client)
      return () => attached.delete(client.id)
    }),
    dispatch: vi.fn(async (name: string, _request: unknown, _client: ClientHandle) => {
      if (name === 'fail') throw new ServiceError('conflict', 'Answered on another desk.')
      if (name === 'crash') throw new Error('EACCES: /home/user/.config/secret path')
      return { ran: name }
    })
  }
}

function page(url: string): FakeWebContents {
  const contents = new FakeWebContents()
  contents.mainFrame.url = url
  return contents
}

describe('IPC', () => {
  let ipcMain: FakeIpcMain
  let service: ReturnType<typeof fakeService>
  let clients: WindowClients
  let main: FakeWebContents
  let toast: FakeWebContents
  let forwarded: CallAction[]
  let log: ReturnType<typeof memoryLogger>
  let unregister: () => void
  let preferences: FakeSystemPreferences

  beforeEach(() => {
    ipcMain = new FakeIpcMain()
    service = fakeService()
    clients = new WindowClients(service)
    main = page(source.url('index'))
    toast = page(source.url('toast'))
    clients.attach(main)
    clients.attach(toast)
    forwarded = []
    log = memoryLogger()
    preferences = new FakeSystemPreferences()
    unregister = registerIpc({
      ipcMain,
      service,
      clients,
      isOwnPage: source.isOwnPage,
      forwardCallAction: (action) => forwarded.push(action),
      microphone: microphoneAccessCheck(preferences, 'darwin'),
      log
    })
  })

  describe('senders', () => {
    it('runs a command for the top frame of one of our windows, as that window', async () => {
      const reply = await ipcMain.invoke(IPC.command, ipcEvent(main), {
        command: 'hello',
        request: {}
      })
      expect(reply).toEqual({ ok: true, result: { ran: 'hello' } })
      expect(service.dispatch).toHaveBeenCalledWith(
        'hello',
        {},
        service.attached.get(`window-${main.id}`)
      )
    })

    it.each<[string, () => ReturnType<typeof ipcEvent>]>([
      ['a subframe of our page', () => ipcEvent(main, { parent: { url: main.url, parent: null } })],
      ['a frame showing another page', () => ipcEvent(main, { url: 'https://evil.example/' })],
      ['a frame showing another local file', () => ipcEvent(main, { url: 'file:///tmp/x.html' })],
      ['a blank frame', () => ipcEvent(main, { url: 'about:blank' })],
      ['a frame that is gone', () => ipcEvent(main, null)],
      ['a webContents that is not one of our windows', () => ipcEvent(page(source.url('index')))]
    ])('refuses %s and never reaches the service', async (_name, event) => {
      await expect(
        ipcMain.invoke(IPC.command, event(), { command: 'hello', request: {} })
      ).rejects.toThrow('Refused')
      ipcMain.sendFrom(IPC.callAction, event(), { callId: 'c_1', action: 'decline' })
      ipcMain.sendFrom(IPC.callAction, event(), { callId: 'c_1', action: 'answer' })
      expect(service.dispatch).not.toHaveBeenCalled()
      expect(forwarded).toEqual([])
      expect(log.entries.some((entry) => entry.message === 'refused an IPC message')).toBe(true)
    })

    it('refuses a window once its webContents is destroyed', async () => {
      main.destroy()
      await expect(
        ipcMain.invoke(IPC.command, ipcEvent(main), { command: 'hello', request: {} })
      ).rejects.toThrow('Refused')
    })
  })

  describe('payloads', () => {
    // What a command frame may be is serveCommand's to decide (tests/main/core/service); here, that
    // IPC hands it every payload, whatever its shape, and returns its refusal as the reply.
    it.each([
      ['nothing', undefined],
      ['a string', 'hello'],
      ['an array', ['hello', {}]],
      ['an oversized command name', { command: 'x'.repeat(65), request: {} }]
    ])('refuses %s with the invalid-frame reply', async (_name, payload) => {
      const reply = await ipcMain.invoke(IPC.command, ipcEvent(main), payload)
      expect(reply).toEqual({ ok: false, error: INVALID_FRAME })
      expect(service.dispatch).not.toHaveBeenCalled()
    })

    it('returns a service error as a value with its code and sentence', async () => {
      const reply = await ipcMain.invoke(IPC.command, ipcEvent(main), {
        command: 'fail',
        request: {}
      })
      expect(reply).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'Answered on another desk.' }
      })
    })

    it('never returns the text of an unexpected error', async () => {
      const reply = await ipcMain.invoke(IPC.command, ipcEvent(main), {
        command: 'crash',
        request: {}
      })
      expect(reply).toEqual({ ok: false, error: INTERNAL_FAILURE })
      expect(log.entries.filter((entry) => entry.message === 'a command failed')).toHaveLength(1)
    })

    it.each([
      ['no payload', undefined],
      ['an unknown action', { callId: 'c_1', action: 'transfer' }],
      ['an empty call id', { callId: '', action: 'answer' }],
      ['an oversized call id', { callId: 'c'.repeat(257), action: 'answer' }],
      ['extra fields', { callId: 'c_1', action: 'answer', sdp: 'v=0' }]
    ])('refuses a call action with %s', (_name, payload) => {
      ipcMain.sendFrom(IPC.callAction, ipcEvent(toast), payload)
      expect(forwarded).toEqual([])
      expect(service.dispatch).not.toHaveBeenCalled()
    })
  })

  describe('call actions from the toast', () => {
    it('forwards Answer and focus to the main window', () => {
      ipcMain.sendFrom(IPC.callAction, ipcEvent(toast), { callId: 'c_1', action: 'answer' })
      ipcMain.sendFrom(IPC.callAction, ipcEvent(toast), { callId: 'c_2', action: 'focus' })
      expect(forwarded).toEqual([
        { callId: 'c_1', action: 'answer' },
        { callId: 'c_2', action: 'focus' }
      ])
      expect(service.dispatch).not.toHaveBeenCalled()
    })

    it('declines straight away, as the toast', () => {
      ipcMain.sendFrom(IPC.callAction, ipcEvent(toast), { callId: 'c_1', action: 'decline' })
      expect(forwarded).toEqual([])
      expect(service.dispatch).toHaveBeenCalledWith(
        'decline',
        { callId: 'c_1' },
        service.attached.get(`window-${toast.id}`)
      )
    })
  })

  describe('microphone access', () => {
    it('tells our page what macOS says, and asks only when it asks', async () => {
      preferences.microphone = 'not-determined'
      await expect(ipcMain.invoke(IPC.microphoneAccess, ipcEvent(main))).resolves.toBe(
        'not-determined'
      )
      expect(preferences.asks).toBe(0)
      await expect(ipcMain.invoke(IPC.askMicrophone, ipcEvent(main))).resolves.toBe('granted')
      expect(preferences.asks).toBe(1)
    })

    it('refuses a page that is not ours, which never makes macOS prompt', async () => {
      preferences.microphone = 'not-determined'
      const stranger = page('https://evil.example/')
      await expect(ipcMain.invoke(IPC.askMicrophone, ipcEvent(stranger))).rejects.toThrow('Refused')
      await expect(ipcMain.invoke(IPC.microphoneAccess, ipcEvent(stranger))).rejects.toThrow(
        'Refused'
      )
      expect(preferences.asks).toBe(0)
    })
  })

  it('removes its handlers', async () => {
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.listenerCount(IPC.callAction)).toBe(0)
  })
})

describe('window clients', () => {
  it('delivers service events to the webContents on the event channel until it is destroyed', () => {
    const service = fakeService()
    const clients = new WindowClients(service)
    const contents = page(source.url('index'))
    const handle = clients.attach(contents)
    expect(handle.id).toBe(`window-${contents.id}`)
    expect(clients.attach(contents)).toBe(handle)
    const message: EventMessage = {
      event: 'status',
      payload: {
        page: { configured: false },
        webhookUrl: null,
        publicUrl: null,
        tunnel: TUNNEL_OFF,
        registration: REGISTRATION_IDLE
      }
    }
    handle.send(message)
    expect(contents.sent).toEqual([{ channel: IPC.event, args: [message] }])
    contents.destroy()
    expect(service.attached.size).toBe(0)
    expect(clients.has(contents.id)).toBe(false)
    expect(() => handle.send(message)).not.toThrow()
  })
})
