/**
 * The Noise CipherState (spec revision 34, section 5.1): a key k and a 64-bit nonce n that counts
 * every message. Because each side's counter only moves forward, a message replayed, reordered or
 * dropped on the way is decrypted under the wrong nonce and fails to authenticate.
 */
import { decrypt, encrypt } from './noise-primitives'

/** 2^64 - 1 is reserved by the spec: reaching it means the key is spent. */
const MAX_NONCE = 2n ** 64n - 1n

export class CipherState {
  private k: Buffer | undefined
  private n = 0n

  constructor(key?: Buffer) {
    this.initializeKey(key)
  }

  /** InitializeKey(key): a new key (or none) and the nonce back to zero. */
  initializeKey(key: Buffer | undefined): void {
    if (key && key.length !== 32) throw new Error('A ChaChaPoly key is 32 bytes')
    this.k = key
    this.n = 0n
  }

  hasKey(): boolean {
    return this.k !== undefined
  }

  /** SetNonce(nonce): only for the spec's out-of-order use; the seat link never calls it. */
  setNonce(nonce: bigint): void {
    this.n = nonce
  }

  /** EncryptWithAd(ad, plaintext): the plaintext itself while there is no key yet. */
  encryptWithAd(ad: Uint8Array, plaintext: Uint8Array): Buffer {
    if (!this.k) return Buffer.from(plaintext)
    this.checkNonce()
    const ciphertext = encrypt(this.k, this.n, ad, plaintext)
    this.n++
    return ciphertext
  }

  /**
   * DecryptWithAd(ad, ciphertext): throws when it does not authenticate, and then n stays where it
   * was (the spec's rule; the link closes on any failure anyway).
   */
  decryptWithAd(ad: Uint8Array, ciphertext: Uint8Array): Buffer {
    if (!this.k) return Buffer.from(ciphertext)
    this.checkNonce()
    const plaintext = decrypt(this.k, this.n, ad, ciphertext)
    this.n++
    return plaintext
  }

  private checkNonce(): void {
    if (this.n >= MAX_NONCE)
      throw new Error('Noise nonce exhausted: this key may not be used again')
  }
}
