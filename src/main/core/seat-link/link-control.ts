/**
 * The hub's few words to a seat that are about the link itself, not the service: sealed like
 * everything else, so a seat can act on them, which it must never do on what the carrier says.
 * - `refused`: the hub turns this desk away (removed, never paired, a spent code, replaced by a
 *   newer connection). Only the hub can seal it, so the seat may stop retrying on it; a reason in
 *   a WebSocket close frame, which a tunnel operator can write, is only ever "offline".
 * - `hub-url`: the hub's public address changed (a tunnel given another subdomain), or is not the
 *   one the seat came by (a seat on the local network): where to reconnect after a drop.
 *
 * One control message is one link message holding a JSON object. Its first byte is "{", never a
 * piece marker of link-frames.ts, so it travels between command frames without being mistaken for
 * one; before the welcome (pairing.ts) it is the first message, in the welcome's place.
 */
import type { SecureLink } from './secure-link'

export type LinkControl = { type: 'refused'; reason: string } | { type: 'hub-url'; url: string }

/** The first byte of every control message: "{" of its JSON. */
export const CONTROL_MARKER = 0x7b
const MAX_REASON = 300

/** Sends one control message; false when the link is closed already (nothing is said then). */
export function sendControl(link: Pick<SecureLink, 'send' | 'closed'>, message: LinkControl) {
  if (link.closed) return false
  try {
    link.send(Buffer.from(JSON.stringify(message)))
    return true
  } catch {
    return false
  }
}

/** Tells the seat why it is turned away, sealed, then closes the link with the same reason. */
export function refuseSealed(link: SecureLink, reason: string): void {
  sendControl(link, { type: 'refused', reason })
  link.close(reason)
}

/** A control message as sent, or undefined for anything else (a seat then ignores it). */
export function readControl(data: Uint8Array): LinkControl | undefined {
  if (data[0] !== CONTROL_MARKER) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(data).toString())
  } catch {
    return undefined
  }
  const { type, reason, url } = (value ?? {}) as Record<string, unknown>
  if (type === 'refused' && typeof reason === 'string') {
    return { type, reason: reason.slice(0, MAX_REASON) }
  }
  if (type === 'hub-url' && typeof url === 'string' && isHubAddress(url)) return { type, url }
  return undefined
}

/** An address a seat may be sent to: http(s) or ws(s), nothing else (no file:, no javascript:). */
export function isHubAddress(text: string): boolean {
  try {
    return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(text).protocol)
  } catch {
    return false
  }
}
