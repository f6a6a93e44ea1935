/**
 * The bridge between the sandboxed renderers and main. It exposes named functions only: the
 * renderer never gets `ipcRenderer`, so it can call nothing the contract does not name. Requests
 * are validated in main: a compromised renderer gains nothing by skipping this file. So it carries
 * names only, never the contract's schemas (tests/build/bundle-imports.test.ts keeps zod out).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { EventMessage } from '../shared/api'
import { createApi, isEventName } from '../shared/api-names'
import type { CommandFrame, ReplyFrame } from '../shared/command-protocol'
import { IPC, type CallAction, type MicrophoneAccess } from '../shared/ipc'
import { serviceFailure } from '../shared/service-error'
import type { ShellBridge, SoftphoneBridge } from './bridge'

const api = createApi(async (command, request) => {
  const frame: CommandFrame = { command, request }
  const reply = (await ipcRenderer.invoke(IPC.command, frame)) as ReplyFrame
  if (reply.ok) return reply.result
  // Rejected as plain data, not an Error: contextBridge copies an Error's message but drops its
  // `code`, which the page needs (a seat's 'forbidden' hides a section, a 'conflict' is no fault).
  // services/softphone.ts turns it back into a ServiceError.
  return Promise.reject(serviceFailure(reply.error))
})

const softphone: SoftphoneBridge = {
  ...api,
  on(event, listener) {
    if (!isEventName(event)) {
      throw new Error(`Unknown event "${String(event)}"`)
    }
    const handler = (_event: IpcRendererEvent, message: EventMessage): void => {
      if (message.event === event) (listener as (payload: unknown) => void)(message.payload)
    }
    ipcRenderer.on(IPC.event, handler)
    return () => {
      ipcRenderer.off(IPC.event, handler)
    }
  }
}

const shell: ShellBridge = {
  requestCallAction(action) {
    ipcRenderer.send(IPC.callAction, action)
  },
  onCallActionRequested(listener) {
    const handler = (_event: IpcRendererEvent, action: CallAction): void => listener(action)
    ipcRenderer.on(IPC.callActionRequested, handler)
    return () => {
      ipcRenderer.off(IPC.callActionRequested, handler)
    }
  },
  async microphoneAccess() {
    return (await ipcRenderer.invoke(IPC.microphoneAccess)) as MicrophoneAccess
  },
  async askMicrophone() {
    return (await ipcRenderer.invoke(IPC.askMicrophone)) as MicrophoneAccess
  }
}

contextBridge.exposeInMainWorld('softphone', softphone)
contextBridge.exposeInMainWorld('shell', shell)
