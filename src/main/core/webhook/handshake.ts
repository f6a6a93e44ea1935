/**
 * Meta's subscription handshake: `GET <callback>?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..`
 * is answered with the bare challenge only when the mode and our verify token match.
 */
import { secretsEqual } from './signature'

/** Meta's challenges are short numbers; a cap keeps the echo from reflecting arbitrary payloads. */
const MAX_CHALLENGE_LENGTH = 256

export type HandshakeFailure = 'mode' | 'token' | 'challenge'

export type HandshakeResult =
  { ok: true; challenge: string } | { ok: false; reason: HandshakeFailure }

/** Each parameter must appear exactly once: a repeated one is ambiguous, so it fails. */
export function checkHandshake(query: URLSearchParams, verifyToken: string): HandshakeResult {
  const single = (name: string): string | undefined => {
    const values = query.getAll(name)
    return values.length === 1 ? values[0] : undefined
  }
  if (single('hub.mode') !== 'subscribe') return { ok: false, reason: 'mode' }
  if (!secretsEqual(single('hub.verify_token') ?? '', verifyToken)) {
    return { ok: false, reason: 'token' }
  }
  const challenge = single('hub.challenge')
  if (!challenge || challenge.length > MAX_CHALLENGE_LENGTH) {
    return { ok: false, reason: 'challenge' }
  }
  return { ok: true, challenge }
}
