import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOrCreateLinkKeyPair } from '../../../../src/main/core/seat-link/link-key-files'
import { generateKeyPair } from '../../../../src/main/core/seat-link/noise-primitives'
import {
  acceptSeat,
  connectToHub,
  issuePairingCode,
  pairWithHub,
  type HubPairing
} from '../../../../src/main/core/seat-link/pairing'
import { parsePairingCode } from '../../../../src/main/core/seat-link/pairing-code'
import { PairingCodes } from '../../../../src/main/core/seat-link/pairing-codes'
import { SEATS_FILE, SeatRegistry } from '../../../../src/main/core/seat-link/seat-registry'
import { relayedPair, settle } from './relayed-transports'

let dir: string
let now: number
let hub: HubPairing

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seat-link-'))
  now = 1_000_000
  hub = {
    keyPair: await loadOrCreateLinkKeyPair(dir),
    codes: new PairingCodes({ now: () => now }),
    seats: await SeatRegistry.open(dir)
  }
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function pair(code: string, seatKey = generateKeyPair(), to: HubPairing = hub) {
  const wire = relayedPair()
  const [atHub, atSeat] = await Promise.allSettled([
    acceptSeat(wire.hub, to),
    pairWithHub(wire.seat, { keyPair: seatKey, code })
  ])
  return { wire, atHub, atSeat, seatKey }
}

function reasonOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') throw new Error('expected a refusal')
  return (result.reason as Error).message
}

describe('pairing a seat with its hub', () => {
  it('pins the hub key at the seat and keeps only the seat public key at the hub', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    const { wire, atHub, atSeat, seatKey } = await pair(text)
    if (atSeat.status !== 'fulfilled' || atHub.status !== 'fulfilled') throw new Error('refused')
    expect(atSeat.value.hubPublicKey).toEqual(hub.keyPair.publicKey)
    expect(atSeat.value.name).toBe('Front desk')
    expect(atHub.value).toMatchObject({ paired: true, seat: { name: 'Front desk' } })
    expect(hub.seats.list()).toEqual([
      { name: 'Front desk', publicKey: seatKey.publicKey, pairedAt: expect.any(Number) }
    ])

    // The one-time secret crossed the relay only encrypted, and the hub stored no secret at all.
    const { secret } = parsePairingCode(text)
    const wireText = Buffer.concat(wire.seen.map(({ data }) => data)).toString('latin1')
    expect(wireText).not.toContain(secret)
    const stored = await readFile(join(dir, SEATS_FILE), 'utf8')
    expect(stored).not.toContain(secret)
    expect(stored).toContain(seatKey.publicKey.toString('base64'))

    // The link works at once.
    const heard = atHub.value.link.nextMessage()
    atSeat.value.link.send(Buffer.from('ring here'))
    expect((await heard).toString()).toBe('ring here')
  })

  it('reconnects a paired seat by its key alone, against the pinned hub key', async () => {
    const { atSeat, seatKey } = await pair(issuePairingCode(hub, 'Front desk').text)
    if (atSeat.status !== 'fulfilled') throw new Error('refused')
    const wire = relayedPair()
    const [atHub, again] = await Promise.all([
      acceptSeat(wire.hub, hub),
      connectToHub(wire.seat, { keyPair: seatKey, hubPublicKey: atSeat.value.hubPublicKey })
    ])
    expect(atHub).toMatchObject({ paired: false, seat: { name: 'Front desk' } })
    expect(again.name).toBe('Front desk')
  })

  it("tells the seat the hub's desk name in the welcome, pairing and reconnecting", async () => {
    let name = 'Main office'
    const named: HubPairing = { ...hub, hubName: () => name }
    const { atSeat, seatKey } = await pair(
      issuePairingCode(hub, 'Front desk').text,
      undefined,
      named
    )
    if (atSeat.status !== 'fulfilled') throw new Error('refused')
    expect(atSeat.value.hubName).toBe('Main office')
    // Read at each connection: a renamed hub is called by its new name.
    name = 'Head office'
    const wire = relayedPair()
    const [, again] = await Promise.all([
      acceptSeat(wire.hub, named),
      connectToHub(wire.seat, { keyPair: seatKey, hubPublicKey: atSeat.value.hubPublicKey })
    ])
    expect(again.hubName).toBe('Head office')
  })

  it('leaves the hub unnamed when it sends no name', async () => {
    const { atSeat } = await pair(issuePairingCode(hub, 'Front desk').text)
    if (atSeat.status !== 'fulfilled') throw new Error('refused')
    expect(atSeat.value).not.toHaveProperty('hubName')
  })

  it('refuses a code after its 10 minutes', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    now += 10 * 60_000
    const { atHub, atSeat } = await pair(text)
    expect(reasonOf(atSeat)).toMatch(/pairing code was refused/)
    expect(reasonOf(atHub)).toMatch(/pairing code was refused/)
    expect(hub.seats.list()).toEqual([])
  })

  it('accepts a code once only', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    expect((await pair(text)).atSeat.status).toBe('fulfilled')
    const second = await pair(text)
    expect(reasonOf(second.atSeat)).toMatch(/pairing code was refused/)
    expect(hub.seats.list()).toHaveLength(1)
  })

  it('voids a code after 5 wrong secrets', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    const code = parsePairingCode(text)
    const mistyped = text.replace(code.secret, 'x'.repeat(22))
    for (let i = 0; i < 5; i++) expect((await pair(mistyped)).atSeat.status).toBe('rejected')
    expect(reasonOf((await pair(text)).atSeat)).toMatch(/pairing code was refused/)
    expect(hub.seats.list()).toEqual([])
  })

  it('limits pairing attempts globally, whatever code they name', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    const strangerCode = text.replace(parsePairingCode(text).id, '0123456789ab')
    for (let i = 0; i < 10; i++) await pair(strangerCode)
    expect(reasonOf((await pair(text)).atSeat)).toBe(
      'Too many pairing attempts: wait a minute and try again'
    )
    now += 60_000
    expect((await pair(text)).atSeat.status).toBe('fulfilled')
  })

  it('refuses a hub whose key does not match the code, before the secret leaves the seat', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    // A man in the middle answering with its own key, and even sharing the hub's pending codes.
    const impostor: HubPairing = { ...hub, keyPair: generateKeyPair() }
    const { atSeat, atHub } = await pair(text, generateKeyPair(), impostor)
    expect(reasonOf(atSeat)).toBe(
      'The desk that answered is not the hub that made this pairing code'
    )
    expect(atHub.status).toBe('rejected')
    // The code was never tried, so the real hub still takes it.
    expect((await pair(text)).atSeat.status).toBe('fulfilled')
  })

  it('refuses a recorded pairing replayed by the relay', async () => {
    const { text } = issuePairingCode(hub, 'Front desk')
    const recorded = await pair(text)
    await hub.seats.remove('Front desk')
    const fromSeat = recorded.wire.seen.filter(({ direction }) => direction === 'seat->hub')
    const wire = relayedPair()
    const accepting = acceptSeat(wire.hub, hub)
    wire.seat.send(fromSeat[0]!.data)
    await settle()
    wire.seat.send(fromSeat[1]!.data)
    await expect(accepting).rejects.toMatchObject({ code: 'handshake-failed' })
    expect(hub.seats.list()).toEqual([])
  })

  it('cuts a removed seat off at once, and refuses its key when it comes back', async () => {
    const { atSeat, atHub, seatKey } = await pair(issuePairingCode(hub, 'Front desk').text)
    if (atSeat.status !== 'fulfilled' || atHub.status !== 'fulfilled') throw new Error('refused')
    const closed = new Promise<string>((resolve) => atSeat.value.link.onClose(resolve))
    await hub.seats.remove('Front desk')
    expect(await closed).toBe('This desk was removed from the hub')
    expect(atHub.value.link.closed).toBe(true)

    const wire = relayedPair()
    const [back, seatSide] = await Promise.allSettled([
      acceptSeat(wire.hub, hub),
      connectToHub(wire.seat, { keyPair: seatKey, hubPublicKey: hub.keyPair.publicKey })
    ])
    expect(reasonOf(back)).toBe('This desk is not paired with this hub')
    expect(reasonOf(seatSide)).toBe('This desk is not paired with this hub')
    // And the removal is on disk: a restarted hub refuses it too.
    expect((await SeatRegistry.open(dir)).list()).toEqual([])
  })

  it('refuses a seat that reconnects to a hub with another key', async () => {
    const { seatKey } = await pair(issuePairingCode(hub, 'Front desk').text)
    const wire = relayedPair()
    const [, seatSide] = await Promise.allSettled([
      acceptSeat(wire.hub, { ...hub, keyPair: generateKeyPair() }),
      connectToHub(wire.seat, { keyPair: seatKey, hubPublicKey: hub.keyPair.publicKey })
    ])
    expect(reasonOf(seatSide)).toBe('The desk that answered is not the hub this desk paired with')
  })

  it('does not pair a desk twice under two names', async () => {
    const { seatKey } = await pair(issuePairingCode(hub, 'Front desk').text)
    const again = await pair(issuePairingCode(hub, 'Back office').text, seatKey)
    expect(reasonOf(again.atSeat)).toBe('This desk is paired with this hub already')
    expect(hub.seats.list().map(({ name }) => name)).toEqual(['Front desk'])
  })

  it('will not issue a code for a name a paired desk has', async () => {
    await pair(issuePairingCode(hub, 'Front desk').text)
    expect(() => issuePairingCode(hub, ' front DESK ')).toThrow(/exists/)
  })
})
