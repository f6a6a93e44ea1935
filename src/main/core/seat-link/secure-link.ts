/**
 * The seat link's end-to-end channel over any message transport: a Noise XX handshake, then every
 * frame sealed with the transport CipherStates it produced.
 *
 * Wire: the three handshake messages, then one sealed frame per transport message. The first
 * handshake message carries the link version in clear, and the same version is in the prologue,
 * so a relay that rewrites it breaks the handshake. Each side's frames are numbered by its nonce:
 * a frame flipped, replayed, reordered or dropped fails to decrypt, and any failure closes the
 * link for good (a tampered stream is never resynchronised).
 */
import type { MessageTransport } from './message-transport'
import type { CipherState } from './noise-cipher-state'
import { HandshakeState, type HandshakeResult } from './noise-handshake-state'
import { MAX_NOISE_MESSAGE, SHA256, TAGLEN, type KeyPair, type NoiseHash } from './noise-primitives'
import { TransportClosedError, TransportInbox } from './transport-inbox'
import { TypedEmitter } from '../shared/typed-emitter'

/** Bumped when the link's messages change; a seat and a hub must run the same. */
export const SEAT_LINK_VERSION = '1'
/** The largest message one frame carries (a Noise message is at most 65535 bytes, tag included). */
export const MAX_FRAME_PLAINTEXT = MAX_NOISE_MESSAGE - TAGLEN
const HANDSHAKE_TIMEOUT_MS = 10_000
const NO_AD = Buffer.alloc(0)
const MAX_UNHEARD = 256

export function seatLinkPrologue(version: string): Buffer {
  return Buffer.from(`messenger-softphone seat link v${version}`)
}

export type SeatLinkErrorCode = 'version-mismatch' | 'refused' | 'handshake-failed' | 'timeout'

export class SeatLinkError extends Error {
  constructor(
    readonly code: SeatLinkErrorCode,
    message: string
  ) {
    super(message)
  }
}

/** The other end as the handshake revealed it, with the payload of the message that carried it. */
export interface RemotePeer {
  publicKey: Buffer
  payload: Buffer
}

export interface SecureLinkOptions {
  transport: MessageTransport
  /** The seat connects (initiator); the hub accepts (responder). */
  role: 'initiator' | 'responder'
  staticKeyPair: KeyPair
  /**
   * Decides whether the remote static key may go on: the seat checks the hub's key (pinned, or its
   * fingerprint from the pairing code) before it sends anything of its own; the hub checks the
   * seat's key or its pairing claim. Anything but true closes the link.
   */
  authorize: (peer: RemotePeer) => boolean | Promise<boolean>
  /** Initiator only: the payload of the third message, encrypted to the already-checked hub. */
  finalPayload?: Uint8Array
  version?: string
  hash?: NoiseHash
  handshakeTimeoutMs?: number
}

/** Runs the handshake; resolves with the open link, or rejects (and closes the transport). */
export async function openSecureLink(options: SecureLinkOptions): Promise<SecureLink> {
  const { transport } = options
  const inbox = new TransportInbox(transport)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    // Timer "handshake timeout" (once per secure link handshake).
    timer = setTimeout(
      () => reject(new SeatLinkError('timeout', 'The secure handshake took too long')),
      options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS
    )
  })
  try {
    // A close while authorize() is still deciding ends the handshake there and then.
    const result = await Promise.race([runHandshake(options, inbox), timeout, inbox.whenClosed])
    return new SecureLink(transport, inbox, result)
  } catch (error) {
    const failure = asSeatLinkError(error)
    inbox.dispose()
    transport.close(failure.message)
    throw failure
  } finally {
    clearTimeout(timer)
  }
}

async function runHandshake(
  options: SecureLinkOptions,
  inbox: TransportInbox
): Promise<HandshakeResult> {
  const version = options.version ?? SEAT_LINK_VERSION
  const handshake = new HandshakeState({
    initiator: options.role === 'initiator',
    hash: options.hash ?? SHA256,
    prologue: seatLinkPrologue(version),
    staticKeyPair: options.staticKeyPair
  })
  const check = async (publicKey: Buffer, payload: Buffer): Promise<void> => {
    if ((await options.authorize({ publicKey, payload })) !== true) {
      throw new SeatLinkError('refused', 'The other side’s key was refused')
    }
  }
  if (options.role === 'initiator') {
    options.transport.send(handshake.writeMessage(Buffer.from(version)).message)
    const second = handshake.readMessage(await inbox.next())
    await check(handshake.remoteStatic()!, second.payload)
    const third = handshake.writeMessage(options.finalPayload ?? NO_AD)
    options.transport.send(third.message)
    return third.result!
  }
  const first = await inbox.next()
  const theirs = handshake.readMessage(first).payload.toString()
  if (theirs !== version) {
    throw new SeatLinkError(
      'version-mismatch',
      `This hub speaks seat link version ${version} and the seat ${theirs.slice(0, 20)}: ` +
        whichToUpdate(version, theirs)
    )
  }
  options.transport.send(handshake.writeMessage(NO_AD).message)
  const third = handshake.readMessage(await inbox.next())
  await check(third.result!.remoteStatic, third.payload)
  return third.result!
}

function whichToUpdate(hub: string, seat: string): string {
  const [h, t] = [Number(hub), Number(seat)]
  if (!Number.isFinite(h) || !Number.isFinite(t)) return 'update the older app'
  return h > t ? 'update the seat' : 'update the hub'
}

function asSeatLinkError(error: unknown): SeatLinkError {
  if (error instanceof SeatLinkError) return error
  if (error instanceof TransportClosedError) {
    return new SeatLinkError(
      'handshake-failed',
      `The connection closed during the handshake (${error.reason})`
    )
  }
  // Decryption failures and malformed messages: never say more to a peer that may be an attacker.
  return new SeatLinkError('handshake-failed', 'The secure handshake failed')
}

interface SecureLinkEvents {
  message: Buffer
  close: string
}

export class SecureLink {
  /** The remote's static public key: the seat's identity at the hub, the hub's at the seat. */
  readonly remoteStatic: Buffer
  /** Both ends share it; a channel binding for anything that must be tied to this session. */
  readonly handshakeHash: Buffer
  private readonly sender: CipherState
  private readonly receiver: CipherState
  private readonly events = new TypedEmitter<SecureLinkEvents>()
  private closedReason: string | undefined
  private readonly unheard: Buffer[] = []
  private readonly takers: { resolve: (data: Buffer) => void; reject: (e: Error) => void }[] = []

  constructor(
    private readonly transport: MessageTransport,
    private readonly inbox: TransportInbox,
    result: HandshakeResult
  ) {
    this.remoteStatic = result.remoteStatic
    this.handshakeHash = result.handshakeHash
    this.sender = result.send
    this.receiver = result.receive
    // Frames that raced the end of the handshake are waiting in the inbox; deliver them after
    // the caller had its chance to subscribe.
    queueMicrotask(() =>
      inbox.handOver(
        (frame) => this.receive(frame),
        (reason) => this.shut(reason, false)
      )
    )
  }

  get closed(): boolean {
    return this.closedReason !== undefined
  }

  get closeReason(): string | undefined {
    return this.closedReason
  }

  /** Seals and sends one message; throws when the link is closed or the message too big. */
  send(data: Uint8Array): void {
    if (this.closedReason !== undefined) throw new Error(`The link is closed: ${this.closedReason}`)
    if (data.length > MAX_FRAME_PLAINTEXT) {
      throw new RangeError(`A link message is at most ${MAX_FRAME_PLAINTEXT} bytes`)
    }
    const frame = this.sender.encryptWithAd(NO_AD, data)
    try {
      this.transport.send(frame)
    } catch (error) {
      this.shut(`the connection failed (${String(error)})`, true)
      throw error
    }
  }

  /**
   * Subscribes to the messages. Those that arrived while nobody listened (between the handshake
   * and the first subscriber, or between two) are delivered to it first, in order.
   */
  onMessage(listener: (data: Buffer) => void): () => void {
    const off = this.events.on('message', listener)
    for (let data = this.unheard.shift(); data; data = this.unheard.shift()) {
      this.events.emit('message', data)
    }
    return off
  }

  /**
   * Takes exactly the next message (one that nobody heard yet first), before any subscriber sees
   * it; the messages after it stay for the subscribers. Rejects with the reason if the link closes.
   */
  nextMessage(): Promise<Buffer> {
    const waiting = this.unheard.shift()
    if (waiting) return Promise.resolve(waiting)
    if (this.closedReason !== undefined) return Promise.reject(new Error(this.closedReason))
    return new Promise((resolve, reject) => this.takers.push({ resolve, reject }))
  }

  /** Called once with the reason; at once (next tick) when the link is closed already. */
  onClose(listener: (reason: string) => void): () => void {
    if (this.closedReason !== undefined) {
      const reason = this.closedReason
      queueMicrotask(() => listener(reason))
      return () => undefined
    }
    return this.events.on('close', listener)
  }

  close(reason = 'closed'): void {
    this.shut(reason, true)
  }

  private receive(frame: Uint8Array): void {
    if (this.closedReason !== undefined) return
    if (frame.length > MAX_NOISE_MESSAGE) return this.shut('a frame was too large', true)
    let data: Buffer
    try {
      data = this.receiver.decryptWithAd(NO_AD, frame)
    } catch {
      return this.shut(
        'a frame failed to authenticate (altered, replayed, reordered or lost)',
        true
      )
    }
    const taker = this.takers.shift()
    if (taker) return taker.resolve(data)
    if (this.events.listenerCount('message') > 0) return this.events.emit('message', data)
    // Held for the next subscriber, within reason: a peer must not fill our memory meanwhile.
    if (this.unheard.length >= MAX_UNHEARD) return this.shut('too many messages unread', true)
    this.unheard.push(data)
  }

  private shut(reason: string, closeTransport: boolean): void {
    if (this.closedReason !== undefined) return
    this.closedReason = reason
    this.inbox.dispose()
    if (closeTransport) this.transport.close(reason)
    for (const taker of this.takers.splice(0)) taker.reject(new Error(reason))
    this.events.emit('close', reason)
    this.events.clear()
  }
}
