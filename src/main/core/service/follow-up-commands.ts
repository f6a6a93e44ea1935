/**
 * The follow-up's part of the service (issue 16): the "Send a call button" command (item 4), and
 * each history record the missed-call reply brings up to date, shown again on every desk.
 */
import { wordedError } from '../../../shared/words-english'
import type { EventMessage } from '../../../shared/api'
import type { HistoryRecord } from '../../../shared/calls'
import type { CallButtonResult } from '../../../shared/missed-reply'

export interface FollowUpServicePort {
  sendCallButton(psid: string): Promise<CallButtonResult>
  /** A record the follow-up changed (its reply's outcome); returns the function that stops. */
  onHistoryChanged(listener: (record: HistoryRecord) => void): () => void
}

export function followUpCommands(
  port: FollowUpServicePort | undefined,
  broadcast: (message: EventMessage) => void,
  cleanups: (() => void)[]
): { sendCallButton: (request: { psid: string }) => Promise<CallButtonResult> } {
  const off = port?.onHistoryChanged((record) =>
    broadcast({ event: 'historyAdded', payload: record })
  )
  if (off) cleanups.push(off)
  return {
    async sendCallButton({ psid }) {
      if (!port) throw wordedError('not-configured', 'followUp.messagesUnavailable')
      return port.sendCallButton(psid)
    }
  }
}
