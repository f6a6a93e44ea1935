import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { webSocketTransport } from '../../../../src/main/core/seat-link/message-transport'
import { generateKeyPair, type KeyPair } from '../../../../src/main/core/seat-link/noise-primitives'
import {
  MAX_FRAME_PLAINTEXT,
  openSecureLink,
  type SecureLink
} from '../../../../src/main/core/seat-link/secure-link'
import { relayedPair, settle, type Relay } from './relayed-transports'

const hubKey = generateKeyPair()
const seatKey = generateKeyPair()

function pinned(key: KeyPair) {
  return ({ publicKey }: { publicKey: Buffer }) => publicKey.equals(key.publicKey)
}

async function connect(relay?: Relay, options: { hubVersion?: string; hubAs?: KeyPair } = {}) {
  const pair = relayedPair(relay)
  const [seat, hub] = await Promise.all([
    openSecureLink({
      transport: pair.seat,
      role: 'initiator',
      staticKeyPair: seatKey,
      authorize: pinned(hubKey)
    }),
    openSecureLink({
      transport: pair.hub,
      role: 'responder',
      staticKeyPair: options.hubAs ?? hubKey,
      version: options.hubVersion,
      authorize: pinned(seatKey)
    })
  ])
  return { pair, seat, hub }
}

function collect(link: SecureLink) {
  const received: string[] = []
  const closed: string[] = []
  link.onMessage((data) => received.push(data.toString()))
  link.onClose((reason) => closed.push(reason))
  return { received, closed }
}

/** Seat-to-hub messages 0 and 1 are handshake messages; sealed frames start at index 2. */
const FIRST_FRAME = 2

describe('SecureLink', () => {
  it('carries messages both ways, and the relay sees only ciphertext', async () => {
    const { pair, seat, hub } = await connect()
    const atHub = collect(hub)
    const atSeat = collect(seat)
    seat.send(Buffer.from('answer call 42 with this SDP'))
    seat.send(Buffer.from('second'))
    hub.send(Buffer.from('ringing'))
    await settle()
    expect(atHub.received).toEqual(['answer call 42 with this SDP', 'second'])
    expect(atSeat.received).toEqual(['ringing'])
    expect(hub.remoteStatic).toEqual(seatKey.publicKey)
    expect(seat.remoteStatic).toEqual(hubKey.publicKey)
    expect(seat.handshakeHash).toEqual(hub.handshakeHash)
    const wire = Buffer.concat(pair.seen.map(({ data }) => data)).toString('latin1')
    expect(wire).not.toContain('SDP')
    expect(wire).not.toContain('ringing')
    expect(pair.seen).toHaveLength(3 + 3)
  })

  const attacks: [string, () => Relay][] = [
    [
      'a flipped byte',
      () => (direction, data, index) => {
        if (direction === 'seat->hub' && index === FIRST_FRAME + 1) data[5]! ^= 0x80
        return [data]
      }
    ],
    [
      'a replayed frame',
      () => (direction, data, index) =>
        direction === 'seat->hub' && index === FIRST_FRAME + 1 ? [data, data] : [data]
    ],
    [
      'two frames reordered',
      () => {
        let held: Buffer | undefined
        return (direction, data, index) => {
          if (direction !== 'seat->hub' || index < FIRST_FRAME + 1) return [data]
          if (index === FIRST_FRAME + 1) {
            held = data
            return []
          }
          return index === FIRST_FRAME + 2 ? [data, held!] : [data]
        }
      }
    ],
    [
      'a dropped frame',
      () => (direction, data, index) =>
        direction === 'seat->hub' && index === FIRST_FRAME + 1 ? [] : [data]
    ]
  ]

  for (const [attack, makeRelay] of attacks) {
    it(`refuses ${attack} and closes the link at both ends`, async () => {
      const { seat, hub } = await connect(makeRelay())
      const atHub = collect(hub)
      const atSeat = collect(seat)
      for (const text of ['one', 'two', 'three', 'four']) seat.send(Buffer.from(text))
      await settle(10)
      // Only what came before the fault gets through; nothing after it, even if authentic.
      expect(atHub.received).toEqual(attack === 'a replayed frame' ? ['one', 'two'] : ['one'])
      expect(hub.closed).toBe(true)
      expect(atHub.closed).toEqual([expect.stringMatching(/failed to authenticate/)])
      expect(seat.closed).toBe(true)
      expect(atSeat.closed).toHaveLength(1)
      expect(() => seat.send(Buffer.from('more'))).toThrow(/closed/)
    })
  }

  it('refuses a hub that presents another static key, before sending the seat key', async () => {
    const pair = relayedPair()
    const seat = openSecureLink({
      transport: pair.seat,
      role: 'initiator',
      staticKeyPair: seatKey,
      authorize: pinned(hubKey)
    })
    void openSecureLink({
      transport: pair.hub,
      role: 'responder',
      staticKeyPair: generateKeyPair(),
      authorize: () => true
    }).catch(() => undefined)
    await expect(seat).rejects.toMatchObject({ code: 'refused' })
    // Only the first message (a clear ephemeral key) ever left the seat: not its static key.
    expect(pair.seen.filter(({ direction }) => direction === 'seat->hub')).toHaveLength(1)
  })

  it('lets the hub refuse a seat key it does not know', async () => {
    const pair = relayedPair()
    const stranger = generateKeyPair()
    const seat = openSecureLink({
      transport: pair.seat,
      role: 'initiator',
      staticKeyPair: stranger,
      authorize: pinned(hubKey)
    })
    const hub = openSecureLink({
      transport: pair.hub,
      role: 'responder',
      staticKeyPair: hubKey,
      authorize: pinned(seatKey)
    })
    await expect(hub).rejects.toMatchObject({ code: 'refused' })
    // The seat finished its half, then sees the hub close on it.
    const link = await seat
    await settle()
    expect(link.closed).toBe(true)
    expect(pair.closes[0]).toEqual({ side: 'hub', reason: expect.stringMatching(/refused/) })
  })

  it('refuses a handshake message the relay altered', async () => {
    const relay: Relay = (direction, data, index) => {
      if (direction === 'hub->seat' && index === 0) data[40]! ^= 0x01
      return [data]
    }
    await expect(connect(relay)).rejects.toMatchObject({ code: 'handshake-failed' })
  })

  it('says in one sentence which side to update when the versions differ', async () => {
    const error = await connect(undefined, { hubVersion: '2' }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'version-mismatch',
      message: 'This hub speaks seat link version 2 and the seat 1: update the seat'
    })
  })

  it('refuses to send a message larger than one frame, and stays open', async () => {
    const { seat, hub } = await connect()
    const atHub = collect(hub)
    expect(() => seat.send(Buffer.alloc(MAX_FRAME_PLAINTEXT + 1))).toThrow(RangeError)
    seat.send(Buffer.alloc(MAX_FRAME_PLAINTEXT, 0x61))
    await settle()
    expect(atHub.received[0]).toHaveLength(MAX_FRAME_PLAINTEXT)
    expect(seat.closed).toBe(false)
  })

  it('gives up a handshake that does not finish in time', async () => {
    const pair = relayedPair(() => [])
    const seat = openSecureLink({
      transport: pair.seat,
      role: 'initiator',
      staticKeyPair: seatKey,
      authorize: pinned(hubKey),
      handshakeTimeoutMs: 30
    })
    await expect(seat).rejects.toMatchObject({ code: 'timeout' })
    expect(pair.closes).toEqual([{ side: 'seat', reason: 'The secure handshake took too long' }])
  })

  it('cuts off a peer that floods messages before the handshake is done', async () => {
    const pair = relayedPair()
    const hub = openSecureLink({
      transport: pair.hub,
      role: 'responder',
      staticKeyPair: hubKey,
      // Still deciding about the seat's key while the seat floods.
      authorize: () => new Promise<boolean>(() => undefined)
    })
    const seat = await openSecureLink({
      transport: pair.seat,
      role: 'initiator',
      staticKeyPair: seatKey,
      authorize: pinned(hubKey)
    })
    for (let i = 0; i < 100; i++) seat.send(Buffer.from(`frame ${i}`))
    await expect(hub).rejects.toMatchObject({ code: 'handshake-failed' })
    expect(pair.closes[0]).toEqual({ side: 'hub', reason: 'too many messages too early' })
  })

  it('works over a real WebSocket', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    await once(server, 'listening')
    const hubSide = new Promise<SecureLink>((resolve, reject) =>
      server.on('connection', (socket) => {
        openSecureLink({
          transport: webSocketTransport(socket),
          role: 'responder',
          staticKeyPair: hubKey,
          authorize: pinned(seatKey)
        }).then(resolve, reject)
      })
    )
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
    await once(client, 'open')
    const seat = await openSecureLink({
      transport: webSocketTransport(client),
      role: 'initiator',
      staticKeyPair: seatKey,
      authorize: pinned(hubKey)
    })
    const hub = await hubSide
    const received = new Promise<string>((resolve) => hub.onMessage((d) => resolve(d.toString())))
    seat.send(Buffer.from('over ws'))
    expect(await received).toBe('over ws')
    const closed = new Promise<string>((resolve) => hub.onClose(resolve))
    seat.close('seat leaving')
    expect(await closed).toBe('seat leaving')
    server.close()
  })
})
