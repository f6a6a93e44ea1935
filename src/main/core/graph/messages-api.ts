/**
 * The Send API (`POST /{page-id}/messages`) for the follow-up: the missed-call reply as plain text,
 * and the same text in a button template with Meta's `audio_call` button. Shapes and sources are
 * in docs/graph-messages.md. Each method throws GraphError and none retries: a refusal (outside the
 * messaging window, a limit) is the customer's or Meta's answer, and sending again would not change it.
 */
import { SendMessageResponse } from '../../../shared/graph'
import { CALL_BUTTON_DAYS } from '../../../shared/missed-reply'
import type { GraphTransport } from './transport'

/**
 * `RESPONSE`: a reply inside the 24-hour standard messaging window. A call does not open that
 * window (Meta lists only messages, button taps, ads, m.me and ig.me links, reactions and
 * comments), so outside it Meta refuses with 10/2018278; no message tag fits a missed call.
 */
const MESSAGING_TYPE = 'RESPONSE'

export interface CallButtonMessage {
  /** Text above the button, at most 640 characters. */
  text: string
  /** The button's words, at most 20 characters. */
  title: string
}

export class GraphMessagesApi {
  constructor(private readonly http: GraphTransport) {}

  sendText(psid: string, text: string): Promise<SendMessageResponse> {
    return this.send(psid, { text })
  }

  /** The button template with one `audio_call` button, clickable for 7 days (Meta's maximum). */
  sendCallButton(psid: string, message: CallButtonMessage): Promise<SendMessageResponse> {
    return this.send(psid, {
      attachment: {
        type: 'template',
        payload: {
          template_type: 'button',
          text: message.text,
          buttons: [{ type: 'audio_call', title: message.title, expires_in_days: CALL_BUTTON_DAYS }]
        }
      }
    })
  }

  private send(psid: string, message: Record<string, unknown>): Promise<SendMessageResponse> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'messages'],
      body: { recipient: { id: psid }, messaging_type: MESSAGING_TYPE, message },
      schema: SendMessageResponse,
      context: 'setup'
    })
  }
}
