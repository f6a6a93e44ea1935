/**
 * What "Add a desk" and `npm run hub -- add-desk` give out: one line that is enough on its own to
 * pair, the hub's public address with the pairing code as its fragment,
 * `https://hub.example.com#msp1.<id>.<secret>.<fingerprint>`. A link, so it can be pasted or
 * clicked; the code rides in the fragment, which browsers and proxies never send to a server.
 * The code's fingerprint still pins the hub's key, so whoever carries the address cannot
 * impersonate the hub (pairing-code.ts).
 */
import { parsePairingCode, PairingCodeError } from './pairing-code'

export interface ParsedInvitation {
  /** The hub's public address; absent when only the bare code was given. */
  hubUrl?: string | undefined
  /** The pairing code alone (`msp1....`), as pairWithHub takes it. */
  pairingCode: string
}

/** The one text a new desk is given: the hub's address, then `#` and the code. */
export function formatInvitation(hubUrl: string, pairingCode: string): string {
  const url = new URL(hubUrl)
  url.hash = ''
  url.search = ''
  return `${url.toString().replace(/\/+$/, '')}#${pairingCode}`
}

/**
 * Reads an invitation (or a bare pairing code); spaces and line breaks a copy may have added are
 * ignored. Throws a PairingCodeError saying what is wrong.
 */
export function parseInvitation(text: string): ParsedInvitation {
  const compact = text.replace(/\s+/g, '')
  const at = compact.lastIndexOf('#')
  if (at < 0) return { pairingCode: checkedCode(compact) }
  const pairingCode = checkedCode(compact.slice(at + 1))
  let url: URL
  try {
    url = new URL(compact.slice(0, at))
  } catch {
    throw new PairingCodeError('The address before the pairing code is not a web address')
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new PairingCodeError('The address before the pairing code must start with https://')
  }
  return { hubUrl: url.toString(), pairingCode }
}

function checkedCode(text: string): string {
  parsePairingCode(text)
  return text
}
