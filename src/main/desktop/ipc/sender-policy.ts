/**
 * Who may talk to main over IPC (VS Code's validatedIpcMain): the top frame of one of our own
 * windows, showing one of our own pages. A frame the renderer embedded, a page it navigated to, or
 * a webContents main did not create gets nothing, whatever it sends.
 */

/** The parts of an IpcMainEvent / IpcMainInvokeEvent the check reads. */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number }
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

export type SenderVerdict = { ok: true; webContentsId: number } | { ok: false; reason: string }

export interface SenderPolicyDeps {
  isOwnPage: (url: string) => boolean
  /** True for the webContents of our windows (those attached as service clients). */
  isOurWindow: (webContentsId: number) => boolean
}

export function checkSender(event: IpcSenderEvent, deps: SenderPolicyDeps): SenderVerdict {
  const frame = event.senderFrame
  // Null when the frame navigated or was destroyed before the message was handled.
  if (!frame) return { ok: false, reason: 'the sending frame is gone' }
  if (frame.parent !== null) return { ok: false, reason: 'the sender is not a top frame' }
  if (!deps.isOurWindow(event.sender.id)) return { ok: false, reason: 'the sender is not ours' }
  if (!deps.isOwnPage(frame.url)) return { ok: false, reason: 'the sender shows a foreign page' }
  return { ok: true, webContentsId: event.sender.id }
}
