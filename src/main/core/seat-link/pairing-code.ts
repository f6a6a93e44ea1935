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
import { words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

const PREFIX = 'msp1'
const FORMAT = /^msp1\.([0-9a-f]{12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

export interface PairingCode {
  id: string
  secret: string
  /** SHA-256 of the hub's static public key. */
  hubFingerprint: Buffer
}

/**
 * A paste that is no pairing code or invitation. `words` say it for the join form in the desk's
 * language; the message is their English without its full stop, as a seat's status line ends.
 */
export class PairingCodeError extends Error {
  constructor(
    message: string,
    readonly words?: Words
  ) {
    super(message)
  }

  static of(said: Words): PairingCodeError {
    return new PairingCodeError(englishWords(said).replace(/\.$/, ''), said)
  }
}

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
    throw PairingCodeError.of(words('config.invitation.notCode'))
  }
  return { id: match[1]!, secret: match[2]!, hubFingerprint: Buffer.from(match[3]!, 'base64url') }
}
