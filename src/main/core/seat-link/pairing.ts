/**
 * Pairing a seat with its hub, and every later connection, over a carrier we do not trust.
 *
 * Why a tunnel operator cannot break it. localtunnel's server ends TLS and sees, and may change,
 * every byte between seat and hub. So trust never rests on the carrier:
 * - The code the hub shows carries the SHA-256 fingerprint of the hub's long-term static key
 *   (pairing-code.ts). In the Noise XX handshake the hub must present that key and prove it holds
 *   its private half (the "es" DH); the seat refuses any other key before sending its own static
 *   key or anything secret. A man in the middle can relay the handshake but cannot present the
 *   hub's key, so it cannot read or alter what follows.
 * - The code's one-time secret never crosses in clear: it is the payload of XX's third message,
 *   encrypted to keys that only the fingerprinted hub can derive. We chose this over a Noise psk
 *   (XXpsk3): with a psk a wrong secret only shows as a failed decryption, so the hub could not
 *   tell which code was tried to count its wrong tries (5 void it), and pairing and reconnecting
 *   would need two protocol variants. Sent after the hub key is checked, the secret is exactly as
 *   confidential, and the hub compares it in constant time.
 * - A recorded handshake is worthless: both sides make fresh ephemeral keys every time, so a
 *   replayed third message (and the secret inside it) does not decrypt in a new session, and a
 *   used code is gone anyway (single use, 10 minutes, 5 wrong tries, a global rate limit).
 * - The hub keeps only the seat's static public key under a unique desk name (seat-registry.ts),
 *   never a reusable secret: each reconnect proves possession of the seat's private key in a new
 *   handshake ("se"), which nothing recorded can replay. Removing the seat revokes that key.
 * Pairing and reconnecting are the same handshake; only the third message's payload (a pairing
 * claim, or empty) differs. The hub answers an accepted seat with a first "welcome" frame.
 */
import { readControl, refuseSealed } from './link-control'
import type { MessageTransport } from './message-transport'
import type { KeyPair } from './noise-primitives'
import {
  fingerprintMatches,
  formatPairingCode,
  keyFingerprint,
  parsePairingCode
} from './pairing-code'
import type { PairingCodes } from './pairing-codes'
import { openSecureLink, SeatLinkError, type RemotePeer, type SecureLink } from './secure-link'
import { SeatRegistryError, type SeatRecord, type SeatRegistry } from './seat-registry'
import { words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

const WELCOME_TIMEOUT_MS = 10_000
export const REMOVED_REASON = 'This desk was removed from the hub'

/**
 * The hub turned this desk away, in a sealed message (link-control.ts): only the hub could have
 * said it, so the seat may believe it.
 */
export class SealedRefusalError extends SeatLinkError {
  constructor(readonly reason: string) {
    super('refused', reason)
  }
}

export interface HubPairing {
  keyPair: KeyPair
  codes: PairingCodes
  seats: SeatRegistry
  /** The hub's desk name, told to each seat in its welcome (read at each connection). */
  hubName?: (() => string) | undefined
}

export interface LinkOptions {
  version?: string
  handshakeTimeoutMs?: number
}

/** "Add a desk": a one-time code for a desk to be named `name`, as the text to show. */
export function issuePairingCode(
  hub: HubPairing,
  name: string
): { text: string; expiresAt: number } {
  if (hub.seats.hasName(name)) throw new SeatRegistryError(`A desk named "${name.trim()}" exists`)
  const code = hub.codes.issue(name)
  const text = formatPairingCode({
    id: code.id,
    secret: code.secret,
    hubFingerprint: keyFingerprint(hub.keyPair.publicKey)
  })
  return { text, expiresAt: code.expiresAt }
}

interface Welcome {
  type: 'welcome'
  /** The seat's own desk name, as the hub knows it. */
  name: string
  paired: boolean
  /** The hub's desk name, for "the hub (Front desk)"; absent from hubs before it was sent. */
  hub?: string | undefined
}

/** A hub's name longer than a desk name may be is cut there (it is shown, never trusted). */
const HUB_NAME_MAX = 60

/**
 * The hub's side of one incoming connection: resolves with the seat once it proved a listed key
 * or redeemed a pairing code; rejects (and closes the carrier with the reason) otherwise. A seat
 * removed later is cut off at once.
 */
export async function acceptSeat(
  transport: MessageTransport,
  hub: HubPairing,
  options: LinkOptions = {}
): Promise<{ link: SecureLink; seat: SeatRecord; paired: boolean }> {
  // Decided inside the handshake; a new seat is only written down once the handshake is over,
  // so a pairing that fails at the last moment (a timeout, a drop) leaves no desk behind.
  let known: SeatRecord | undefined
  let newName: string | undefined
  // A seat turned away still completes the handshake, so that it hears why sealed: a reason in
  // clear could be a tunnel operator's, and the seat would have to keep knocking.
  let refusal: string | undefined
  const authorize = ({ publicKey, payload }: RemotePeer): boolean => {
    known = hub.seats.findByKey(publicKey)
    if (payload.length === 0) {
      if (!known) refusal = 'This desk is not paired with this hub'
      return true
    }
    if (known) {
      refusal = englishWords(words('seatRefused.alreadyPaired'))
      return true
    }
    const claim = readClaim(payload)
    const result = hub.codes.redeem(claim?.id ?? '', claim?.secret ?? '')
    if (!result.ok) {
      refusal =
        result.reason === 'rate-limited'
          ? englishWords(words('seatRefused.tooManyAttempts'))
          : englishWords(words('seatRefused.codeRefused'))
    } else newName = result.name
    return true
  }
  const link = await openSecureLink({
    transport,
    role: 'responder',
    staticKeyPair: hub.keyPair,
    authorize,
    ...options
  })
  if (refusal !== undefined) {
    refuseSealed(link, refusal)
    throw new SeatLinkError('refused', refusal)
  }
  let seat: SeatRecord
  try {
    seat = known ?? (await hub.seats.add(newName!, link.remoteStatic))
  } catch (error) {
    const reason = error instanceof SeatRegistryError ? error.message : 'The hub could not save it'
    if (error instanceof SeatRegistryError) refuseSealed(link, reason)
    else link.close(reason)
    throw new SeatLinkError('refused', reason)
  }
  const stopWatching = hub.seats.onRemoved((removed) => {
    if (removed.publicKey.equals(link.remoteStatic)) refuseSealed(link, REMOVED_REASON)
  })
  link.onClose(stopWatching)
  // Removed while its handshake was still running: refused all the same.
  if (!hub.seats.findByKey(link.remoteStatic)) refuseSealed(link, REMOVED_REASON)
  if (link.closed) {
    // Gone before it could hear it was paired: it will pair again, so forget this half-pairing.
    if (!known) await hub.seats.remove(seat.name)
    throw new SeatLinkError('refused', link.closeReason ?? 'closed')
  }
  const paired = known === undefined
  const hubName = hub.hubName?.()
  const welcome: Welcome = {
    type: 'welcome',
    name: seat.name,
    paired,
    ...(hubName ? { hub: hubName } : {})
  }
  link.send(Buffer.from(JSON.stringify(welcome)))
  return { link, seat, paired }
}

/** A seat's first connection: checks the hub's key against the code, then redeems it. */
export async function pairWithHub(
  transport: MessageTransport,
  seat: { keyPair: KeyPair; code: string },
  options: LinkOptions & { welcomeTimeoutMs?: number } = {}
): Promise<{ link: SecureLink; hubPublicKey: Buffer; name: string; hubName?: string }> {
  let code
  try {
    code = parsePairingCode(seat.code)
  } catch (error) {
    transport.close('no valid pairing code')
    throw error
  }
  const link = await openSecureLink({
    transport,
    role: 'initiator',
    staticKeyPair: seat.keyPair,
    authorize: ({ publicKey }) => {
      if (!fingerprintMatches(publicKey, code.hubFingerprint)) {
        throw new SeatLinkError('refused', englishWords(words('seatRefused.notTheCodesHub')))
      }
      return true
    },
    finalPayload: Buffer.from(JSON.stringify({ pair: { id: code.id, secret: code.secret } })),
    version: options.version,
    handshakeTimeoutMs: options.handshakeTimeoutMs
  })
  const welcome = await awaitWelcome(link, options.welcomeTimeoutMs)
  return { link, hubPublicKey: link.remoteStatic, ...welcomed(welcome) }
}

/** A paired seat's later connections: only the pinned hub key is accepted. */
export async function connectToHub(
  transport: MessageTransport,
  seat: { keyPair: KeyPair; hubPublicKey: Buffer },
  options: LinkOptions & { welcomeTimeoutMs?: number } = {}
): Promise<{ link: SecureLink; name: string; hubName?: string }> {
  const link = await openSecureLink({
    transport,
    role: 'initiator',
    staticKeyPair: seat.keyPair,
    authorize: ({ publicKey }) => {
      if (!publicKey.equals(seat.hubPublicKey)) {
        throw new SeatLinkError('refused', englishWords(words('seatRefused.notTheHub')))
      }
      return true
    },
    version: options.version,
    handshakeTimeoutMs: options.handshakeTimeoutMs
  })
  const welcome = await awaitWelcome(link, options.welcomeTimeoutMs)
  return { link, ...welcomed(welcome) }
}

/** What the seat keeps of its welcome: its name and, when the hub sent one, the hub's. */
function welcomed(welcome: Welcome): { name: string; hubName?: string } {
  const hubName = typeof welcome.hub === 'string' ? welcome.hub.trim().slice(0, HUB_NAME_MAX) : ''
  return hubName ? { name: welcome.name, hubName } : { name: welcome.name }
}

function readClaim(payload: Buffer): { id: string; secret: string } | undefined {
  try {
    const value = JSON.parse(payload.toString()) as { pair?: { id?: unknown; secret?: unknown } }
    const { id, secret } = value.pair ?? {}
    return typeof id === 'string' && typeof secret === 'string' ? { id, secret } : undefined
  } catch {
    return undefined
  }
}

/**
 * The hub's first frame says the seat was let in, or (sealed) why not; a close first carries a
 * reason nobody vouches for.
 */
async function awaitWelcome(link: SecureLink, timeoutMs = WELCOME_TIMEOUT_MS): Promise<Welcome> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    // Timer "welcome timeout" (once per pairing).
    timer = setTimeout(() => reject(new Error('no welcome from the hub')), timeoutMs)
  })
  let data: Buffer
  try {
    data = await Promise.race([link.nextMessage(), timeout])
  } catch (error) {
    const reason = (error as Error).message
    link.close(reason)
    throw new SeatLinkError('refused', link.closeReason ?? reason)
  } finally {
    clearTimeout(timer)
  }
  const control = readControl(data)
  if (control?.type === 'refused') {
    link.close(control.reason)
    throw new SealedRefusalError(control.reason)
  }
  let welcome: Partial<Welcome> | undefined
  try {
    welcome = JSON.parse(data.toString()) as Partial<Welcome>
  } catch {
    welcome = undefined
  }
  if (welcome?.type !== 'welcome' || typeof welcome.name !== 'string') {
    link.close('expected a welcome')
    throw new SeatLinkError('refused', 'The hub did not let this desk in')
  }
  return welcome as Welcome
}
