/**
 * The text the hub shows in "Add a desk" and the seat pastes: everything a seat needs to pair
 * securely, in one line. `msp1.<code id>.<secret>.<hub key fingerprint>`:
 * - code id (12 hex): which pending code this is, so wrong tries count against it;
 * - secret (128 bits, base64url): proves the seat was given the code; it only ever travels inside
 *   the encrypted handshake, to a hub whose key already matched the fingerprint;
 * - fingerprint (SHA-256 of the hub's static public key, base64url): what the seat checks the key
 *   the hub presents in the handshake against, and then pins.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

const PREFIX = 'msp1'
const FORMAT = /^msp1\.([0-9a-f]{12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

export interface PairingCode {
  id: string
  secret: string
  /** SHA-256 of the hub's static public key. */
  hubFingerprint: Buffer
}

export class PairingCodeError extends Error {}

export function keyFingerprint(publicKey: Uint8Array): Buffer {
  return createHash('sha256').update(publicKey).digest()
}

export function fingerprintMatches(publicKey: Uint8Array, fingerprint: Buffer): boolean {
  const actual = keyFingerprint(publicKey)
  return actual.length === fingerprint.length && timingSafeEqual(actual, fingerprint)
}

export function formatPairingCode(code: PairingCode): string {
  return [PREFIX, code.id, code.secret, code.hubFingerprint.toString('base64url')].join('.')
}

/** Reads a pasted code; spaces and line breaks a copy may have added are ignored. */
export function parsePairingCode(text: string): PairingCode {
  const match = FORMAT.exec(text.replace(/\s+/g, ''))
  if (!match) {
    throw new PairingCodeError('This is not a pairing code: copy the whole line the hub shows')
  }
  return { id: match[1]!, secret: match[2]!, hubFingerprint: Buffer.from(match[3]!, 'base64url') }
}
