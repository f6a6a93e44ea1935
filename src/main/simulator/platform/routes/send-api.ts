/**
 * The Send API's shapes as Meta checks them (docs/graph-messages.md): a message is text or one
 * attachment; a button template has text (at most 640 characters) and one to three buttons; an
 * `audio_call` button has a title (at most 20) and may say for how many days it stays clickable
 * (`expires_in_days`, 1 to 7). And Meta's messaging window: a `RESPONSE` (the default) to a person
 * whose window is closed is refused with code 10, subcode 2018278. The `calling_optin` request is
 * left to the call-permission limit, its own rule.
 */
import { GraphError, invalidParam } from '../graph-error'
import { isRecord } from '../params'
import type { World } from '../world'

const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG']
const BUTTON_TYPES = ['web_url', 'postback', 'phone_number', 'audio_call', 'account_link']
const MAX_TEXT = 2000
const MAX_TEMPLATE_TEXT = 640
const MAX_TITLE = 20
const MAX_CALL_BUTTON_DAYS = 7

export function outsideWindow(): GraphError {
  return new GraphError({
    code: 10,
    subcode: 2018278,
    message: '(#10) This message is sent outside of allowed window.'
  })
}

function checkButton(button: unknown, index: number): void {
  if (!isRecord(button)) throw invalidParam(`buttons[${index}] must be an object`)
  const { type, title } = button
  if (typeof type !== 'string' || !BUTTON_TYPES.includes(type))
    throw invalidParam(`buttons[${index}].type must be one of ${BUTTON_TYPES.join(', ')}`)
  if (typeof title !== 'string' || title.length === 0)
    throw invalidParam(`buttons[${index}].title is required`)
  if (title.length > MAX_TITLE)
    throw invalidParam(`buttons[${index}].title must be at most ${MAX_TITLE} characters`)
  if (type !== 'audio_call') return
  const days = button['expires_in_days']
  const wholeDays = typeof days === 'number' && Number.isInteger(days)
  if (days !== undefined && (!wholeDays || days < 1 || days > MAX_CALL_BUTTON_DAYS))
    throw invalidParam(`buttons[${index}].expires_in_days must be 1 to ${MAX_CALL_BUTTON_DAYS}`)
}

function checkTemplate(payload: Record<string, unknown>): void {
  if (payload['template_type'] !== 'button') return
  const text = payload['text']
  if (typeof text !== 'string' || text.length === 0) throw invalidParam('payload.text is required')
  if (text.length > MAX_TEMPLATE_TEXT)
    throw invalidParam(`payload.text must be at most ${MAX_TEMPLATE_TEXT} characters`)
  const buttons = payload['buttons']
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3)
    throw invalidParam('payload.buttons must hold 1 to 3 buttons')
  buttons.forEach(checkButton)
}

/** Throws Meta's refusal for a message it would not take; returns the template type, if any. */
export function checkMessage(
  world: Pick<World, 'closedWindows'>,
  psid: string,
  messagingType: unknown,
  message: Record<string, unknown>
): string | undefined {
  if (messagingType !== undefined && !MESSAGING_TYPES.includes(String(messagingType)))
    throw invalidParam(`messaging_type must be one of ${MESSAGING_TYPES.join(', ')}`)
  const { text, attachment } = message
  if ((text === undefined) === (attachment === undefined))
    throw invalidParam('message must have either text or attachment')
  let templateType: string | undefined
  if (text !== undefined) {
    if (typeof text !== 'string' || text.length === 0) throw invalidParam('message.text is empty')
    if (text.length > MAX_TEXT)
      throw invalidParam(`message.text must be at most ${MAX_TEXT} characters`)
  } else {
    if (!isRecord(attachment) || !isRecord(attachment['payload']))
      throw invalidParam('message.attachment.payload is required')
    if (attachment['type'] === 'template') {
      const type = attachment['payload']['template_type']
      templateType = typeof type === 'string' ? type : undefined
      checkTemplate(attachment['payload'])
    }
  }
  const response = messagingType === undefined || messagingType === 'RESPONSE'
  if (response && templateType !== 'calling_optin' && world.closedWindows.has(psid))
    throw outsideWindow()
  return templateType
}
