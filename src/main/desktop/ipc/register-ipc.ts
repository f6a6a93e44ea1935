/**
 * The IPC handlers. Every message is checked twice before the core sees it: its sender (the top
 * frame of one of our windows, on our page) and its payload (zod). A message that fails either is
 * refused and logged, never passed on. Commands are served by `serveCommand`, as on every transport:
 * it checks the frame and shapes the reply, and the service validates each command's request.
 */
import { z } from 'zod'
import { IPC, type CallAction } from '../../../shared/ipc'
import type { ReplyFrame } from '../../../shared/command-protocol'
import type { Logger } from '../../core/log'
import { serveCommand, type CommandRunner } from '../../core/service/serve-command'
import type { ClientHandle } from '../../core/service/softphone-service'
import type { MicrophoneAccessCheck } from '../microphone-access'
import { checkSender, type IpcSenderEvent } from './sender-policy'

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, payload: unknown) => unknown): void
  removeHandler(channel: string): void
  on(channel: string, listener: (event: IpcSenderEvent, payload: unknown) => void): unknown
  removeListener(
    channel: string,
    listener: (event: IpcSenderEvent, payload: unknown) => void
  ): unknown
}

export interface IpcDeps {
  ipcMain: IpcMainLike
  service: CommandRunner
  /** The service client of each of our windows, by webContents id. */
  clients: { get(webContentsId: number): ClientHandle | undefined }
  isOwnPage: (url: string) => boolean
  /** Focuses the main window and hands it the action: only its renderer can answer. */
  forwardCallAction: (action: CallAction) => void
  /** What the OS says about the microphone, and its prompt where it has one (macOS). */
  microphone: MicrophoneAccessCheck
  log: Logger
}

const CallActionSchema = z
  .object({
    callId: z.string().min(1).max(256),
    action: z.enum(['answer', 'decline', 'focus'])
  })
  .strict() satisfies z.ZodType<CallAction>

/** Registers the handlers; the returned function removes them. */
export function registerIpc(deps: IpcDeps): () => void {
  const log = deps.log.child('ipc')

  const senderClient = (channel: string, event: IpcSenderEvent): ClientHandle | undefined => {
    const verdict = checkSender(event, {
      isOwnPage: deps.isOwnPage,
      isOurWindow: (id) => deps.clients.get(id) !== undefined
    })
    if (!verdict.ok) {
      log.warn('refused an IPC message', { channel, reason: verdict.reason })
      return undefined
    }
    return deps.clients.get(verdict.webContentsId)
  }

  deps.ipcMain.handle(IPC.command, async (event, payload): Promise<ReplyFrame> => {
    const client = senderClient(IPC.command, event)
    // A sender that fails the check learns nothing but that it was refused.
    if (!client) throw new Error('Refused')
    return serveCommand(deps.service, client, payload, log)
  })

  const onCallAction = (event: IpcSenderEvent, payload: unknown): void => {
    const client = senderClient(IPC.callAction, event)
    if (!client) return
    const parsed = CallActionSchema.safeParse(payload)
    if (!parsed.success) {
      log.warn('refused a malformed call action', { client: client.id })
      return
    }
    const action = parsed.data
    if (action.action === 'decline') {
      // Declining needs no media, so the toast's own client can do it without the main window.
      deps.service.dispatch('decline', { callId: action.callId }, client).catch((error) => {
        log.warn('decline from the toast failed', { callId: action.callId, error })
      })
      return
    }
    deps.forwardCallAction(action)
  }
  deps.ipcMain.on(IPC.callAction, onCallAction)

  // Only our own pages may learn the microphone's state, or make macOS show its prompt.
  deps.ipcMain.handle(IPC.microphoneAccess, (event) => {
    if (!senderClient(IPC.microphoneAccess, event)) throw new Error('Refused')
    return deps.microphone.status()
  })
  deps.ipcMain.handle(IPC.askMicrophone, async (event) => {
    if (!senderClient(IPC.askMicrophone, event)) throw new Error('Refused')
    return deps.microphone.ask()
  })

  return () => {
    deps.ipcMain.removeHandler(IPC.command)
    deps.ipcMain.removeHandler(IPC.microphoneAccess)
    deps.ipcMain.removeHandler(IPC.askMicrophone)
    deps.ipcMain.removeListener(IPC.callAction, onCallAction)
  }
}
