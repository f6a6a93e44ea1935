/**
 * The Noise SymmetricState (spec revision 34, section 5.2): the chaining key ck and the handshake
 * hash h, which together bind every byte of the handshake (prologue included) to the keys.
 */
import { CipherState } from './noise-cipher-state'
import { hash, hkdf, type NoiseHash } from './noise-primitives'

/** A HASHLEN-64 output is cut to the 32 bytes a ChaChaPoly key holds (section 5.2). */
function cipherKey(output: Buffer): Buffer {
  return output.subarray(0, 32)
}

export class SymmetricState {
  private readonly cipher = new CipherState()
  private ck: Buffer
  private h: Buffer

  /** InitializeSymmetric(protocol_name). */
  constructor(
    private readonly fn: NoiseHash,
    protocolName: string
  ) {
    const name = Buffer.from(protocolName, 'ascii')
    if (name.length <= fn.hashLen) {
      this.h = Buffer.alloc(fn.hashLen)
      name.copy(this.h)
    } else {
      this.h = hash(fn, name)
    }
    this.ck = Buffer.from(this.h)
  }

  mixKey(inputKeyMaterial: Uint8Array): void {
    const [ck, tempK] = hkdf(this.fn, this.ck, inputKeyMaterial, 2)
    this.ck = ck!
    this.cipher.initializeKey(cipherKey(tempK!))
  }

  mixHash(data: Uint8Array): void {
    this.h = hash(this.fn, this.h, data)
  }

  /** For the psk modifier; XX without psk never calls it, but the state object is the spec's. */
  mixKeyAndHash(inputKeyMaterial: Uint8Array): void {
    const [ck, tempH, tempK] = hkdf(this.fn, this.ck, inputKeyMaterial, 3)
    this.ck = ck!
    this.mixHash(tempH!)
    this.cipher.initializeKey(cipherKey(tempK!))
  }

  getHandshakeHash(): Buffer {
    return Buffer.from(this.h)
  }

  hasKey(): boolean {
    return this.cipher.hasKey()
  }

  encryptAndHash(plaintext: Uint8Array): Buffer {
    const ciphertext = this.cipher.encryptWithAd(this.h, plaintext)
    this.mixHash(ciphertext)
    return ciphertext
  }

  decryptAndHash(ciphertext: Uint8Array): Buffer {
    const plaintext = this.cipher.decryptWithAd(this.h, ciphertext)
    this.mixHash(ciphertext)
    return plaintext
  }

  /** Split(): the initiator's sending and receiving CipherStates, in that order. */
  split(): [CipherState, CipherState] {
    const [tempK1, tempK2] = hkdf(this.fn, this.ck, Buffer.alloc(0), 2)
    return [new CipherState(cipherKey(tempK1!)), new CipherState(cipherKey(tempK2!))]
  }
}
