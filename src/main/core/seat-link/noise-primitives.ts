/**
 * The crypto functions the Noise Protocol Framework (revision 34, section 4 and 12) names, each
 * from Node's crypto and nothing home-made: X25519 (DH), ChaCha20-Poly1305 (the AEAD), SHA-256 or
 * BLAKE2b (HASH), RFC 2104 HMAC over that hash and the spec's HKDF built on it.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject
} from 'node:crypto'

/** Noise's DHLEN for 25519. */
export const DHLEN = 32
/** The Poly1305 tag every encrypted Noise message carries. */
export const TAGLEN = 16
/** The spec's limit on any Noise message (section 3). */
export const MAX_NOISE_MESSAGE = 65535

export interface KeyPair {
  /** The raw 32-byte X25519 public key. */
  publicKey: Buffer
  privateKey: KeyObject
}

/** A Noise HASH function: its name in the protocol name, HASHLEN, and Node's digest name. */
export interface NoiseHash {
  name: 'SHA256' | 'BLAKE2b'
  hashLen: 32 | 64
  nodeName: 'sha256' | 'blake2b512'
}

export const SHA256: NoiseHash = { name: 'SHA256', hashLen: 32, nodeName: 'sha256' }
/** BLAKE2b with a 64-byte digest, unkeyed, as section 12.8 defines it. */
export const BLAKE2B: NoiseHash = { name: 'BLAKE2b', hashLen: 64, nodeName: 'blake2b512' }

// DER headers of an X25519 key (RFC 8410): Node imports and exports raw keys through them.
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex')
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex')

export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('x25519')
  return { privateKey, publicKey: rawPublicKey(publicKey) }
}

/** A keypair from its raw 32-byte private key (persisted keys, the spec's test vectors). */
export function keyPairFromPrivate(raw: Uint8Array): KeyPair {
  if (raw.length !== DHLEN) throw new Error('An X25519 private key is 32 bytes')
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, raw]),
    format: 'der',
    type: 'pkcs8'
  })
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) }
}

export function rawPrivateKey(pair: KeyPair): Buffer {
  return pair.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_X25519.length)
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length)
}

/**
 * DH(key_pair, public_key). OpenSSL refuses a low-order public key (all-zero output): that throws,
 * and the handshake using it aborts, which the spec allows (section 12.1).
 */
export function dh(pair: KeyPair, publicKey: Uint8Array): Buffer {
  if (publicKey.length !== DHLEN) throw new Error('An X25519 public key is 32 bytes')
  const peer = createPublicKey({
    key: Buffer.concat([SPKI_X25519, publicKey]),
    format: 'der',
    type: 'spki'
  })
  return diffieHellman({ privateKey: pair.privateKey, publicKey: peer })
}

/** The 96-bit ChaChaPoly nonce: 32 bits of zeros, then the 64-bit counter little-endian. */
function chachaNonce(n: bigint): Buffer {
  const nonce = Buffer.alloc(12)
  nonce.writeBigUInt64LE(n, 4)
  return nonce
}

/** ENCRYPT(k, n, ad, plaintext): ciphertext followed by the 16-byte tag. */
export function encrypt(k: Buffer, n: bigint, ad: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', k, chachaNonce(n), { authTagLength: TAGLEN })
  cipher.setAAD(ad, { plaintextLength: plaintext.length })
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
}

/** DECRYPT(k, n, ad, ciphertext): throws when the tag does not authenticate. */
export function decrypt(k: Buffer, n: bigint, ad: Uint8Array, ciphertext: Uint8Array): Buffer {
  if (ciphertext.length < TAGLEN) throw new Error('Ciphertext shorter than its tag')
  const body = ciphertext.subarray(0, ciphertext.length - TAGLEN)
  const decipher = createDecipheriv('chacha20-poly1305', k, chachaNonce(n), {
    authTagLength: TAGLEN
  })
  decipher.setAAD(ad, { plaintextLength: body.length })
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAGLEN))
  return Buffer.concat([decipher.update(body), decipher.final()])
}

export function hash(fn: NoiseHash, ...data: Uint8Array[]): Buffer {
  const h = createHash(fn.nodeName)
  for (const part of data) h.update(part)
  return h.digest()
}

/** HMAC-HASH(key, data): RFC 2104 over the hash (OpenSSL pads with its BLOCKLEN, 64 or 128). */
function hmac(fn: NoiseHash, key: Uint8Array, ...data: Uint8Array[]): Buffer {
  const mac = createHmac(fn.nodeName, key)
  for (const part of data) mac.update(part)
  return mac.digest()
}

/** HKDF(chaining_key, input_key_material, num_outputs) exactly as section 4.3 writes it. */
export function hkdf(
  fn: NoiseHash,
  chainingKey: Uint8Array,
  inputKeyMaterial: Uint8Array,
  numOutputs: 2 | 3
): Buffer[] {
  const tempKey = hmac(fn, chainingKey, inputKeyMaterial)
  const output1 = hmac(fn, tempKey, Buffer.from([0x01]))
  const output2 = hmac(fn, tempKey, output1, Buffer.from([0x02]))
  if (numOutputs === 2) return [output1, output2]
  const output3 = hmac(fn, tempKey, output2, Buffer.from([0x03]))
  return [output1, output2, output3]
}
