/**
 * The Noise HandshakeState (spec revision 34, section 5.3) for the XX pattern (section 7.5):
 *
 *   XX:
 *     -> e
 *     <- e, ee, s, es
 *     -> s, se
 *
 * Both sides send their static key encrypted and each learns and can check the other's. The
 * pattern is interpreted token by token as the spec writes it, so nothing here is protocol design.
 */
import type { CipherState } from './noise-cipher-state'
import { DHLEN, dh, generateKeyPair, MAX_NOISE_MESSAGE, TAGLEN } from './noise-primitives'
import type { KeyPair, NoiseHash } from './noise-primitives'
import { SymmetricState } from './noise-symmetric-state'

type Token = 'e' | 's' | 'ee' | 'es' | 'se' | 'ss'

/** Message patterns of XX, alternating initiator -> responder -> initiator. */
const XX: readonly (readonly Token[])[] = [['e'], ['e', 'ee', 's', 'es'], ['s', 'se']]

export function protocolName(fn: NoiseHash): string {
  return `Noise_XX_25519_ChaChaPoly_${fn.name}`
}

export interface HandshakeOptions {
  initiator: boolean
  hash: NoiseHash
  /** Mixed into h first: unless both sides use the same bytes, the handshake fails. */
  prologue: Uint8Array
  /** The local static keypair s. */
  staticKeyPair: KeyPair
  /** A preset ephemeral e: for the spec's test vectors only, never in use (it must be fresh). */
  ephemeralKeyPair?: KeyPair
}

/** What Split() hands over when the last message is written or read. */
export interface HandshakeResult {
  send: CipherState
  receive: CipherState
  /** The remote party's static public key rs, learned (and authenticated) in the handshake. */
  remoteStatic: Buffer
  /** h at the end: a channel binding both sides share. */
  handshakeHash: Buffer
}

export class HandshakeState {
  private readonly symmetric: SymmetricState
  private readonly initiator: boolean
  private readonly s: KeyPair
  private e: KeyPair | undefined
  private rs: Buffer | undefined
  private re: Buffer | undefined
  private next = 0
  private failed = false
  private result: HandshakeResult | undefined

  /** Initialize(handshake_pattern, initiator, prologue, s, e, rs, re): XX has no pre-messages. */
  constructor(options: HandshakeOptions) {
    this.symmetric = new SymmetricState(options.hash, protocolName(options.hash))
    this.symmetric.mixHash(options.prologue)
    this.initiator = options.initiator
    this.s = options.staticKeyPair
    this.e = options.ephemeralKeyPair
  }

  /** True when it is this side's turn to write. */
  isMyTurn(): boolean {
    return this.next % 2 === (this.initiator ? 0 : 1)
  }

  isComplete(): boolean {
    return this.result !== undefined
  }

  /** The remote static key once its "s" token has been read (during or after the handshake). */
  remoteStatic(): Buffer | undefined {
    return this.rs && Buffer.from(this.rs)
  }

  /** WriteMessage(payload, message_buffer); the result once the last message is written. */
  writeMessage(payload: Uint8Array): { message: Buffer; result?: HandshakeResult } {
    this.checkTurn(true)
    return this.guarded(() => {
      const parts: Buffer[] = []
      for (const token of XX[this.next]!) {
        if (token === 'e') {
          this.e ??= generateKeyPair()
          parts.push(this.e.publicKey)
          this.symmetric.mixHash(this.e.publicKey)
        } else if (token === 's') {
          parts.push(this.symmetric.encryptAndHash(this.s.publicKey))
        } else {
          this.mixDh(token)
        }
      }
      parts.push(this.symmetric.encryptAndHash(payload))
      const message = Buffer.concat(parts)
      if (message.length > MAX_NOISE_MESSAGE) throw new Error('Handshake message too long')
      return { message, result: this.advance() }
    })
  }

  /** ReadMessage(message, payload_buffer); throws (and the handshake is dead) on any fault. */
  readMessage(message: Uint8Array): { payload: Buffer; result?: HandshakeResult } {
    this.checkTurn(false)
    return this.guarded(() => {
      if (message.length > MAX_NOISE_MESSAGE) throw new Error('Handshake message too long')
      let offset = 0
      const take = (length: number): Buffer => {
        if (offset + length > message.length) throw new Error('Handshake message too short')
        const part = Buffer.from(message.subarray(offset, offset + length))
        offset += length
        return part
      }
      for (const token of XX[this.next]!) {
        if (token === 'e') {
          this.re = take(DHLEN)
          this.symmetric.mixHash(this.re)
        } else if (token === 's') {
          const length = this.symmetric.hasKey() ? DHLEN + TAGLEN : DHLEN
          this.rs = this.symmetric.decryptAndHash(take(length))
        } else {
          this.mixDh(token)
        }
      }
      const payload = this.symmetric.decryptAndHash(message.subarray(offset))
      return { payload, result: this.advance() }
    })
  }

  /** The DH tokens exactly as section 5.3 lists them for each role. */
  private mixDh(token: Exclude<Token, 'e' | 's'>): void {
    const need = <T>(key: T | undefined): T => {
      if (key === undefined) throw new Error(`Noise token ${token} before its keys`)
      return key
    }
    const i = this.initiator
    const [local, remote] =
      token === 'ee'
        ? [need(this.e), need(this.re)]
        : token === 'es'
          ? i
            ? [need(this.e), need(this.rs)]
            : [this.s, need(this.re)]
          : token === 'se'
            ? i
              ? [this.s, need(this.re)]
              : [need(this.e), need(this.rs)]
            : [this.s, need(this.rs)]
    this.symmetric.mixKey(dh(local, remote))
  }

  private advance(): HandshakeResult | undefined {
    this.next++
    if (this.next < XX.length) return undefined
    const [initiatorSend, responderSend] = this.symmetric.split()
    this.result = {
      send: this.initiator ? initiatorSend : responderSend,
      receive: this.initiator ? responderSend : initiatorSend,
      remoteStatic: Buffer.from(this.rs!),
      handshakeHash: this.symmetric.getHandshakeHash()
    }
    // The ephemeral private key has done its work; dropping it is what makes the session's
    // secrets unrecoverable later (forward secrecy).
    this.e = undefined
    return this.result
  }

  private checkTurn(writing: boolean): void {
    if (this.failed) throw new Error('This handshake failed and may not be used again')
    if (this.next >= XX.length) throw new Error('The handshake is already complete')
    if (this.isMyTurn() !== writing) {
      throw new Error(writing ? 'Not our turn to write' : 'Not our turn to read')
    }
  }

  /** The spec: after any error the HandshakeState is discarded, never retried. */
  private guarded<T>(step: () => T): T {
    try {
      return step()
    } catch (error) {
      this.failed = true
      throw error
    }
  }
}
