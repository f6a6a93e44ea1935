/**
 * The missed-call reply (issue 16 item 2): for each announced missed call, when the owner switched
 * it on and the customer got no reply in the last 12 hours, the owner's text goes out through the
 * Send API, alone, in a button template with the `audio_call` button, or followed by the
 * `calling_optin` request (through the call back's own checks, so Meta's limits are respected).
 * What came of it (sent, refused in words with Meta's code, skipped) is written to the call's
 * history record and told to the follow-up port. Nothing is retried: a refusal is Meta's answer.
 *
 * It also sends the call button a desk asks for from a history entry (item 4).
 */
import type { HistoryRecord } from '../../../shared/calls'
import type { MissedCall, ReplyOutcome } from '../../../shared/follow-up'
import {
  refusalWords,
  type CallButtonResult,
  type RefusalWords
} from '../../../shared/missed-reply'
import type { Settings } from '../../../shared/settings'
import { ServiceError } from '../../../shared/api'
import type { CallButtonMessage, GraphMessagesApi } from '../graph'
import { GraphError } from '../graph'
import type { Logger } from '../log'
import type { MissedCalls } from './missed-calls'
import type { MissedReplyState } from './missed-reply-state'
import { callButtonMessage, composeReply } from './missed-reply-text'

export interface MissedReplyDeps {
  settings: { get(): Settings }
  state: MissedReplyState
  messages: Pick<GraphMessagesApi, 'sendText' | 'sendCallButton'>
  /** The call back's `calling_optin` request, refused (ServiceError) past Meta's limit. */
  permission: { request(psid: string): Promise<unknown> }
  /** The customer's name when the call carried none (the profile cache). */
  names: { get(psid: string): Promise<{ name?: string | undefined } | undefined> }
  history: {
    update(
      callId: string,
      patch: Pick<HistoryRecord, 'followUp'>
    ): Promise<HistoryRecord | undefined>
  }
  /** A history record changed: every desk is shown it again. */
  historyChanged: (record: HistoryRecord) => void
  port: Pick<MissedCalls, 'reportOutcome'>
  now?: (() => number) | undefined
  logger: Logger
}

type Refused = Extract<ReplyOutcome, { state: 'refused' }>

/** Meta's refusal (or why Meta was never reached) as words and its code. */
export function refusalOf(error: unknown, at: number): Refused {
  if (error instanceof GraphError) {
    let words: RefusalWords = refusalWords(error.code, error.subcode)
    if (error.kind === 'not-configured') words = 'noPage'
    else if (error.code === undefined && error.kind === 'unavailable') words = 'unreachable'
    return { state: 'refused', at, words, graphCode: error.code }
  }
  // The call back refused the permission request itself: Meta's limit was reached.
  if (error instanceof ServiceError && error.code === 'conflict') {
    return { state: 'refused', at, words: 'permissionLimit' }
  }
  if (error instanceof ServiceError && error.code === 'not-configured') {
    return { state: 'refused', at, words: 'noPage' }
  }
  return { state: 'refused', at, words: 'other' }
}

export class MissedReply {
  private readonly now: () => number
  private readonly log: Logger

  constructor(private readonly deps: MissedReplyDeps) {
    this.now = deps.now ?? Date.now
    this.log = deps.logger.child('missed-reply')
  }

  /** Decides, sends, records and tells; resolves with what became of the reply. */
  async handle(missed: MissedCall): Promise<ReplyOutcome> {
    const { state } = this.deps
    await state.markAnnounced(missed.callId, this.now())
    const outcome = await this.reply(missed)
    this.log.info('missed-call reply', {
      callId: missed.callId,
      reason: missed.reason,
      outcome: outcome.state,
      ...(outcome.state === 'refused' ? { words: outcome.words, code: outcome.graphCode } : {})
    })
    await this.record(missed, outcome)
    this.deps.port.reportOutcome(missed.callId, missed.psid, outcome)
    return outcome
  }

  /** The `audio_call` button a desk sends from a history entry; Meta's refusal comes back in words. */
  async sendCallButton(psid: string): Promise<CallButtonResult> {
    try {
      await this.deps.messages.sendCallButton(psid, callButtonMessage(this.deps.settings.get()))
      return { state: 'sent', at: this.now() }
    } catch (error) {
      const refused = refusalOf(error, this.now())
      this.log.warn('the call button was not sent', {
        words: refused.words,
        code: refused.graphCode
      })
      return {
        state: 'refused',
        at: refused.at,
        words: refused.words as RefusalWords,
        graphCode: refused.graphCode
      }
    }
  }

  private async reply(missed: MissedCall): Promise<ReplyOutcome> {
    const { state } = this.deps
    const settings = this.deps.settings.get()
    const at = this.now()
    if (!settings.missedCallReply.enabled) return { state: 'skipped', at, why: 'off' }
    if (state.repliedWithin(missed.psid, at) !== undefined) {
      return { state: 'skipped', at, why: 'replied-recently' }
    }
    // Noted before the request: a second missed call meanwhile must not send a second reply.
    const noted = state.markReplied(missed.psid, at)
    const name = missed.name ?? (await this.nameOf(missed.psid))
    const message = composeReply(settings, name, at)
    const extra = settings.missedCallReply.extra
    try {
      await this.send(missed.psid, message, extra)
      await noted
      return { state: 'sent', at: this.now(), extra }
    } catch (error) {
      await noted
      await state.unmarkReplied(missed.psid, at)
      return refusalOf(error, this.now())
    }
  }

  private async send(
    psid: string,
    message: CallButtonMessage,
    extra: Settings['missedCallReply']['extra']
  ): Promise<void> {
    const { messages } = this.deps
    if (extra === 'call-button') {
      await messages.sendCallButton(psid, message)
      return
    }
    await messages.sendText(psid, message.text)
    if (extra !== 'permission-request') return
    // The text went out; a request Meta's limit refuses leaves the reply sent, said in the log.
    await this.deps.permission.request(psid).catch((error: unknown) => {
      this.log.warn('the call permission request did not go with the reply', {
        words: refusalOf(error, this.now()).words
      })
    })
  }

  private async nameOf(psid: string): Promise<string | undefined> {
    try {
      return (await this.deps.names.get(psid))?.name
    } catch {
      return undefined
    }
  }

  private async record(missed: MissedCall, reply: ReplyOutcome): Promise<void> {
    try {
      const stored = await this.deps.history.update(missed.callId, {
        followUp: { reason: missed.reason, reply }
      })
      if (stored) this.deps.historyChanged(stored)
    } catch (error) {
      this.log.warn('could not write the reply to history', {
        callId: missed.callId,
        error: String(error)
      })
    }
  }
}
