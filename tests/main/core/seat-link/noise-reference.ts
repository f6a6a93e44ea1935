/**
 * noise-handshake (holepunch, on libsodium through sodium-native): an independent Noise
 * implementation our own is checked against. It speaks Noise_XX_25519_ChaChaPoly_BLAKE2b only
 * (its hash is fixed), so interop runs our code with the BLAKE2b hash; SHA-256 is pinned by the
 * spec's test vectors instead.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export interface ReferenceKeyPair {
  publicKey: Buffer
  secretKey: Buffer
}

export interface ReferenceNoise {
  initialise(prologue: Uint8Array): void
  send(payload?: Uint8Array): Buffer
  recv(message: Uint8Array): Buffer
  complete: boolean
  rs: Buffer | null
  tx: Buffer | null
  rx: Buffer | null
  hash: Buffer | null
}

export interface ReferenceCipher {
  encrypt(plaintext: Uint8Array, ad?: Uint8Array): Buffer
  decrypt(ciphertext: Uint8Array, ad?: Uint8Array): Buffer
}

const NoiseState = require('noise-handshake') as new (
  pattern: 'XX',
  initiator: boolean,
  staticKeyPair: ReferenceKeyPair
) => ReferenceNoise
const CipherState = require('noise-handshake/cipher') as new (key: Buffer) => ReferenceCipher

export function referenceNoise(initiator: boolean, keyPair: ReferenceKeyPair): ReferenceNoise {
  return new NoiseState('XX', initiator, keyPair)
}

export function referenceCipher(key: Buffer): ReferenceCipher {
  return new CipherState(Buffer.from(key))
}
