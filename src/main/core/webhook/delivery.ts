/**
 * Turns the verified raw bytes of a POST into a Page delivery envelope, or says why it is not one.
 * Only the envelope is checked here; the items inside are unpacked later, after the acknowledgement.
 */
import { DeliveryEnvelope } from '../../../shared/webhook'

export type ParsedDelivery =
  { ok: true; envelope: DeliveryEnvelope } | { ok: false; reason: 'encoding' | 'json' | 'envelope' }

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function parseDelivery(raw: Buffer): ParsedDelivery {
  let text: string
  try {
    text = utf8.decode(raw)
  } catch {
    return { ok: false, reason: 'encoding' }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'json' }
  }
  const envelope = DeliveryEnvelope.safeParse(json)
  return envelope.success
    ? { ok: true, envelope: envelope.data }
    : { ok: false, reason: 'envelope' }
}
