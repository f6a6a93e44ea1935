import { describe, expect, it } from 'vitest'
import type { CipherState } from '../../../../src/main/core/seat-link/noise-cipher-state'
import {
  HandshakeState,
  type HandshakeResult
} from '../../../../src/main/core/seat-link/noise-handshake-state'
import {
  BLAKE2B,
  generateKeyPair,
  keyPairFromPrivate,
  rawPrivateKey,
  SHA256,
  type KeyPair,
  type NoiseHash
} from '../../../../src/main/core/seat-link/noise-primitives'
import { XX_VECTORS } from './cacophony-xx-vectors'
import { referenceCipher, referenceNoise } from './noise-reference'

const hex = (text: string): Buffer => Buffer.from(text, 'hex')
const PROLOGUE = Buffer.from('messenger-softphone seat link 1')

function pair(hash: NoiseHash, initiatorKey = generateKeyPair(), responderKey = generateKeyPair()) {
  return {
    initiator: new HandshakeState({
      initiator: true,
      hash,
      prologue: PROLOGUE,
      staticKeyPair: initiatorKey
    }),
    responder: new HandshakeState({
      initiator: false,
      hash,
      prologue: PROLOGUE,
      staticKeyPair: responderKey
    })
  }
}

describe('Noise XX against the cacophony test vectors', () => {
  for (const vector of XX_VECTORS) {
    it(`reproduces ${vector.protocol_name} byte for byte`, () => {
      const hash = vector.protocol_name.endsWith('SHA256') ? SHA256 : BLAKE2B
      const initiator = new HandshakeState({
        initiator: true,
        hash,
        prologue: hex(vector.init_prologue),
        staticKeyPair: keyPairFromPrivate(hex(vector.init_static)),
        ephemeralKeyPair: keyPairFromPrivate(hex(vector.init_ephemeral))
      })
      const responder = new HandshakeState({
        initiator: false,
        hash,
        prologue: hex(vector.resp_prologue),
        staticKeyPair: keyPairFromPrivate(hex(vector.resp_static)),
        ephemeralKeyPair: keyPairFromPrivate(hex(vector.resp_ephemeral))
      })
      const results: { initiator?: HandshakeResult; responder?: HandshakeResult } = {}
      vector.messages.slice(0, 3).forEach((step, index) => {
        const [writer, reader, writerName, readerName] =
          index % 2 === 0
            ? ([initiator, responder, 'initiator', 'responder'] as const)
            : ([responder, initiator, 'responder', 'initiator'] as const)
        const written = writer.writeMessage(hex(step.payload))
        expect(written.message.toString('hex')).toBe(step.ciphertext)
        const read = reader.readMessage(written.message)
        expect(read.payload.toString('hex')).toBe(step.payload)
        if (written.result) results[writerName] = written.result
        if (read.result) results[readerName] = read.result
      })
      const i = results.initiator!
      const r = results.responder!
      expect(i.handshakeHash.toString('hex')).toBe(vector.handshake_hash)
      expect(r.handshakeHash.toString('hex')).toBe(vector.handshake_hash)
      vector.messages.slice(3).forEach((step, offset) => {
        const [send, receive]: CipherState[] =
          (3 + offset) % 2 === 0 ? [i.send, r.receive] : [r.send, i.receive]
        const ciphertext = send!.encryptWithAd(Buffer.alloc(0), hex(step.payload))
        expect(ciphertext.toString('hex')).toBe(step.ciphertext)
        expect(receive!.decryptWithAd(Buffer.alloc(0), ciphertext).toString('hex')).toBe(
          step.payload
        )
      })
    })
  }
})

function referenceKeys(keyPair: KeyPair) {
  return { publicKey: keyPair.publicKey, secretKey: rawPrivateKey(keyPair) }
}

describe('Noise XX against noise-handshake (an independent implementation)', () => {
  it('completes with ours as initiator: same keys, same hash, each learns the other static key', () => {
    const ourKey = generateKeyPair()
    const theirKey = generateKeyPair()
    const ours = new HandshakeState({
      initiator: true,
      hash: BLAKE2B,
      prologue: PROLOGUE,
      staticKeyPair: ourKey
    })
    const theirs = referenceNoise(false, referenceKeys(theirKey))
    theirs.initialise(PROLOGUE)

    expect(theirs.recv(ours.writeMessage(Buffer.from('hello')).message).toString()).toBe('hello')
    const second = ours.readMessage(theirs.send(Buffer.from('from hub')))
    expect(second.payload.toString()).toBe('from hub')
    expect(ours.remoteStatic()).toEqual(theirKey.publicKey)
    const third = ours.writeMessage(Buffer.from('proof'))
    expect(theirs.recv(third.message).toString()).toBe('proof')

    const result = third.result!
    expect(theirs.complete).toBe(true)
    expect(Buffer.from(theirs.rs!)).toEqual(ourKey.publicKey)
    expect(result.handshakeHash).toEqual(Buffer.from(theirs.hash!))
    const frame = result.send.encryptWithAd(Buffer.alloc(0), Buffer.from('sealed'))
    expect(referenceCipher(theirs.rx!).decrypt(frame).toString()).toBe('sealed')
    const back = referenceCipher(theirs.tx!).encrypt(Buffer.from('reply'))
    expect(result.receive.decryptWithAd(Buffer.alloc(0), back).toString()).toBe('reply')
  })

  it('completes with ours as responder', () => {
    const ourKey = generateKeyPair()
    const theirKey = generateKeyPair()
    const ours = new HandshakeState({
      initiator: false,
      hash: BLAKE2B,
      prologue: PROLOGUE,
      staticKeyPair: ourKey
    })
    const theirs = referenceNoise(true, referenceKeys(theirKey))
    theirs.initialise(PROLOGUE)

    ours.readMessage(theirs.send(Buffer.alloc(0)))
    theirs.recv(ours.writeMessage(Buffer.alloc(0)).message)
    expect(Buffer.from(theirs.rs!)).toEqual(ourKey.publicKey)
    const { result } = ours.readMessage(theirs.send(Buffer.from('done')))
    expect(result!.remoteStatic).toEqual(theirKey.publicKey)
    expect(result!.handshakeHash).toEqual(Buffer.from(theirs.hash!))
    const frame = referenceCipher(theirs.tx!).encrypt(Buffer.from('to hub'))
    expect(result!.receive.decryptWithAd(Buffer.alloc(0), frame).toString()).toBe('to hub')
  })

  it('fails against the reference when the prologues differ (the version is bound)', () => {
    const ours = new HandshakeState({
      initiator: true,
      hash: BLAKE2B,
      prologue: PROLOGUE,
      staticKeyPair: generateKeyPair()
    })
    const theirs = referenceNoise(false, referenceKeys(generateKeyPair()))
    theirs.initialise(Buffer.from('messenger-softphone seat link 2'))
    theirs.recv(ours.writeMessage(Buffer.alloc(0)).message)
    expect(() => ours.readMessage(theirs.send(Buffer.alloc(0)))).toThrow()
  })
})

describe('Noise XX refuses what the spec says it must', () => {
  it('refuses a handshake message with any byte flipped, and the state is then dead', () => {
    for (const index of [0, 1, 2]) {
      for (const position of [0, 33, -1]) {
        const { initiator, responder } = pair(SHA256)
        const sides = [initiator, responder]
        let failed = false
        for (let step = 0; step < 3; step++) {
          const message = sides[step % 2]!.writeMessage(Buffer.from('payload')).message
          if (step === index) {
            const at = position < 0 ? message.length + position : position
            message[at]! ^= 0x01
          }
          try {
            sides[(step + 1) % 2]!.readMessage(message)
          } catch {
            failed = true
            expect(() => sides[(step + 1) % 2]!.readMessage(message)).toThrow(/failed/)
            break
          }
        }
        // Message 1 is the clear ephemeral: a flipped byte there surfaces one message later.
        expect(failed, `message ${index}, byte ${position}`).toBe(true)
      }
    }
  })

  it('gives each side the static key the other really holds, so a wrong one is detectable', () => {
    const seatKey = generateKeyPair()
    const hubKey = generateKeyPair()
    const impostorKey = generateKeyPair()
    const { initiator, responder } = pair(SHA256, seatKey, impostorKey)
    responder.readMessage(initiator.writeMessage(Buffer.alloc(0)).message)
    initiator.readMessage(responder.writeMessage(Buffer.alloc(0)).message)
    expect(initiator.remoteStatic()).toEqual(impostorKey.publicKey)
    expect(initiator.remoteStatic()).not.toEqual(hubKey.publicKey)
  })

  it('does not let a recorded handshake be replayed to a fresh responder', () => {
    const seatKey = generateKeyPair()
    const hubKey = generateKeyPair()
    const { initiator, responder } = pair(SHA256, seatKey, hubKey)
    const first = initiator.writeMessage(Buffer.alloc(0)).message
    responder.readMessage(first)
    initiator.readMessage(responder.writeMessage(Buffer.alloc(0)).message)
    const third = initiator.writeMessage(Buffer.alloc(0)).message

    const fresh = pair(SHA256, generateKeyPair(), hubKey).responder
    fresh.readMessage(first)
    fresh.writeMessage(Buffer.alloc(0))
    // The fresh responder chose a new ephemeral: the recorded third message no longer decrypts.
    expect(() => fresh.readMessage(third)).toThrow()
  })

  it('refuses to write out of turn or after completion', () => {
    const { initiator, responder } = pair(SHA256)
    expect(() => responder.writeMessage(Buffer.alloc(0))).toThrow(/turn/)
    responder.readMessage(initiator.writeMessage(Buffer.alloc(0)).message)
    initiator.readMessage(responder.writeMessage(Buffer.alloc(0)).message)
    responder.readMessage(initiator.writeMessage(Buffer.alloc(0)).message)
    expect(() => initiator.writeMessage(Buffer.alloc(0))).toThrow(/complete/)
  })
})
