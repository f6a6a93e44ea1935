/**
 * What "Add a desk" and `npm run hub -- add-desk` give out: one line that is enough on its own to
 * pair, the hub's public address with the pairing code as its fragment,
 * `https://hub.example.com#msp1.<id>.<secret>.<fingerprint>`. A link, so it can be pasted or
 * clicked; the code rides in the fragment, which browsers and proxies never send to a server.
 * The code's fingerprint still pins the hub's key, so whoever carries the address cannot
 * impersonate the hub (pairing-code.ts).
 *
 * A hub that also accepts desks on its local network (hub-lan.ts) adds that address as a query,
 * `https://hub.example.com/?lan=192.168.1.20:47802#msp1....`, which the seat tries first. A query,
 * so that a desk reading invitations without it still finds the public address (and its seat link
 * address drops the query).
 */
import { words } from '../../../shared/words'
import { parsePairingCode, PairingCodeError } from './pairing-code'

export interface ParsedInvitation {
  /** The hub's public address; absent when only the bare code was given. */
  hubUrl?: string | undefined
  /** The hub's address on its local network (`http://192.168.1.20:47802`), when it gave one. */
  lanUrl?: string | undefined
  /** The pairing code alone (`msp1....`), as pairWithHub takes it. */
  pairingCode: string
}

/** Host and port, as the `lan` query carries them. */
const LAN_HOST = /^[A-Za-z0-9.-]{1,253}:\d{1,5}$/

/**
 * The one text a new desk is given: the hub's address (with its local network address, when
 * given as `host:port`), then `#` and the code.
 */
export function formatInvitation(hubUrl: string, pairingCode: string, lanHost?: string): string {
  const url = new URL(hubUrl)
  url.hash = ''
  url.search = ''
  if (lanHost && LAN_HOST.test(lanHost)) url.search = `lan=${lanHost}`
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
    throw PairingCodeError.of(words('config.invitation.addressNotWeb'))
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw PairingCodeError.of(words('config.invitation.addressNotHttps'))
  }
  const lanHost = url.searchParams.get('lan')
  url.search = ''
  const hubUrl = url.toString()
  if (lanHost && LAN_HOST.test(lanHost)) return { hubUrl, lanUrl: `http://${lanHost}`, pairingCode }
  return { hubUrl, pairingCode }
}

function checkedCode(text: string): string {
  parsePairingCode(text)
  return text
}
