/**
 * The hub's DesksPort over a stand-in for the seats: the summary of each desk (online, last seen,
 * answered today on an injected clock), the invitation, the sentences when a name is taken or the
 * hub has no public address, and the change events.
 */
import { describe, expect, it } from 'vitest'
import type { HistoryRecord } from '../../../../src/shared/calls'
import type { DeskList, DesksOnNetwork } from '../../../../src/shared/desks'
import { ServiceError } from '../../../../src/shared/service-error'
import { parseInvitation } from '../../../../src/main/core/seat-link/desk-invitation'
import {
  HubDesks,
  NO_PUBLIC_ADDRESS,
  DESKS_UNAVAILABLE
} from '../../../../src/main/core/seat-link/hub-desks'
import type { HubSeats } from '../../../../src/main/core/seat-link/hub-seats'
import type { SeatRecord } from '../../../../src/main/core/seat-link/seat-registry'

const CODE = `msp1.0123456789ab.${'s'.repeat(22)}.${'f'.repeat(43)}`
/** 09:00 on the hub's clock, in its own time zone (whatever the zone the test runs in). */
const NOW = new Date(2026, 11, 6, 9, 0).getTime()
const at = (day: number, hour: number, minute = 0): number =>
  new Date(2026, 11, day, hour, minute).getTime()

function fakeSeats(names: string[], lanAddress?: string) {
  let seats: SeatRecord[] = names.map((name, i) => ({
    name,
    publicKey: Buffer.alloc(32, i),
    pairedAt: at(1, 10 + i)
  }))
  const online = new Set<string>()
  const seen = new Map<string, number>()
  const listeners = new Set<(seat: { name: string; online: boolean }) => void>()
  const issued: string[] = []
  const lanListeners = new Set<() => void>()
  const fake = {
    pairing: {
      // The hub's own desk name, as its settings give it (set by hand, so spaces and all).
      hubName: () => ' Reception ',
      seats: {
        hasName: (name: string) => seats.some((s) => s.name.toLowerCase() === name.toLowerCase())
      }
    },
    issueCode: (name: string) => {
      issued.push(name)
      return { text: CODE, expiresAt: NOW + 600_000 }
    },
    remove: async (name: string) => {
      const seat = seats.find((s) => s.name.toLowerCase() === name.trim().toLowerCase())
      seats = seats.filter((s) => s !== seat)
      return seat
    },
    list: () => seats,
    online: () => [...online],
    lastSeenAt: (name: string) => seen.get(name),
    onPresence: (listener: (seat: { name: string; online: boolean }) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => undefined,
    lanAddress: () => lanAddress,
    lan: undefined as DesksOnNetwork | undefined,
    lanStatus: () => fake.lan,
    onLanChange: (listener: () => void) => {
      lanListeners.add(listener)
      return () => lanListeners.delete(listener)
    },
    /** As the local network listener opens, closes or fails. */
    setLan(status: DesksOnNetwork | undefined) {
      fake.lan = status
      for (const listener of lanListeners) listener()
    },
    /** As the endpoint reports a seat coming or going. */
    presence(name: string, isOnline: boolean, when: number) {
      if (isOnline) online.add(name)
      else online.delete(name)
      seen.set(name, when)
      for (const listener of listeners) listener({ name, online: isOnline })
    },
    issued
  }
  return fake
}

function record(callId: string, fields: Partial<HistoryRecord>): HistoryRecord {
  return {
    callId,
    pageId: 'page',
    direction: 'inbound',
    caller: { psid: `psid-${callId}` },
    startedAt: at(6, 8),
    connectedAt: at(6, 8, 1),
    endedAt: at(6, 8, 5),
    durationSeconds: 240,
    outcome: 'completed',
    reason: 'we-hung-up',
    ...fields
  }
}

function setUp(options: {
  names?: string[]
  publicUrl?: string | null
  records?: HistoryRecord[]
  lanAddress?: string
}) {
  const seats = fakeSeats(options.names ?? ['Front desk', 'Back office'], options.lanAddress)
  const forgotten: string[] = []
  const desks = new HubDesks({
    publicUrl: () =>
      options.publicUrl === undefined ? 'https://hub.example.com' : options.publicUrl,
    history: { list: async () => options.records ?? [] },
    now: () => NOW,
    forget: async (name) => {
      forgotten.push(name)
    }
  })
  desks.follow(seats as unknown as HubSeats)
  const events: DeskList[] = []
  desks.onChange((list) => events.push(list))
  return { seats, desks, events, forgotten }
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ServiceError)
  return error as ServiceError
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe("the hub's desks", () => {
  it('counts the calls each desk answered since local midnight on the hub', async () => {
    const { desks } = setUp({
      records: [
        record('a', { answeredByDesk: 'Front desk', startedAt: at(6, 0, 30) }),
        record('b', { answeredByDesk: 'front DESK', startedAt: at(6, 8, 59) }),
        // Yesterday evening: not today.
        record('c', { answeredByDesk: 'Front desk', startedAt: at(5, 23, 59) }),
        // Placed, not answered; a test call; rung but never connected; another desk's.
        record('d', { answeredByDesk: 'Front desk', direction: 'outbound' }),
        record('e', { answeredByDesk: 'Front desk', test: true }),
        record('f', { answeredByDesk: 'Front desk', connectedAt: undefined, outcome: 'failed' }),
        record('g', { answeredByDesk: 'Back office' })
      ]
    })
    const { desks: list } = await desks.list()
    expect(list.map((d) => [d.name, d.answeredToday])).toEqual([
      ['Front desk', 2],
      ['Back office', 1]
    ])
  })

  it('says which desks are online, when each was last seen and when it was paired', async () => {
    const { seats, desks, events } = setUp({})
    expect((await desks.list()).desks[0]).toEqual({
      name: 'Front desk',
      online: false,
      lastSeenAt: undefined,
      answeredToday: 0,
      pairedAt: at(1, 10)
    })

    seats.presence('Front desk', true, at(6, 8, 30))
    await flush()
    expect(events.at(-1)!.desks[0]).toMatchObject({ online: true, lastSeenAt: at(6, 8, 30) })
    seats.presence('Front desk', false, at(6, 8, 45))
    await flush()
    expect(events).toHaveLength(2)
    expect(events.at(-1)!.desks[0]).toMatchObject({ online: false, lastSeenAt: at(6, 8, 45) })
    expect(events.at(-1)!.desks[1]).toMatchObject({ name: 'Back office', online: false })
  })

  it("gives an invitation holding the hub's address and the code, for a free name only", async () => {
    const { seats, desks } = setUp({})
    const invitation = await desks.add('  Kitchen ')
    expect(invitation).toEqual({
      name: 'Kitchen',
      code: `https://hub.example.com#${CODE}`,
      hubUrl: 'https://hub.example.com',
      expiresAt: NOW + 600_000
    })
    expect(parseInvitation(invitation.code)).toEqual({
      hubUrl: 'https://hub.example.com/',
      pairingCode: CODE
    })

    const taken = await refusal(desks.add('FRONT desk'))
    expect(taken.code).toBe('conflict')
    expect(taken.message).toBe(
      'A desk named "FRONT desk" is already paired with this hub: choose another name, or remove that desk first.'
    )
    expect((await refusal(desks.add('a'.repeat(41)))).code).toBe('invalid-request')
    expect(seats.issued).toEqual(['Kitchen'])
  })

  it('refuses a name too long or empty in words, for the desk’s language', async () => {
    const { seats, desks } = setUp({})
    for (const name of ['a'.repeat(41), '  ']) {
      const error = await refusal(desks.add(name))
      expect(error).toMatchObject({
        code: 'invalid-request',
        message: 'A desk name is 1 to 40 printable characters.',
        words: { key: 'config.deskName', params: { max: 40 } }
      })
    }
    expect(seats.issued).toEqual([])
  })

  it('refuses the hub’s own desk name, whatever its case and spaces', async () => {
    const { seats, desks } = setUp({})
    const own = await refusal(desks.add('  reception'))
    expect(own.code).toBe('conflict')
    expect(own.message).toBe(
      '"reception" is this hub’s own desk name: choose another name for the new desk.'
    )
    expect(seats.issued).toEqual([])
    await desks.add('Reception desk')
    expect(seats.issued).toEqual(['Reception desk'])
  })

  it('says what to do when the hub has no public address, and issues no code', async () => {
    const { seats, desks } = setUp({ publicUrl: null })
    const error = await refusal(desks.add('Kitchen'))
    expect(error.code).toBe('not-configured')
    expect(error.message).toBe(NO_PUBLIC_ADDRESS)
    expect(seats.issued).toEqual([])
  })

  it('adds the address on the local network when desks may connect there', async () => {
    const { desks } = setUp({ lanAddress: '192.168.1.20:47802' })
    const invitation = await desks.add('Kitchen')
    expect(invitation.code).toBe(`https://hub.example.com/?lan=192.168.1.20:47802#${CODE}`)
    expect(parseInvitation(invitation.code)).toEqual({
      hubUrl: 'https://hub.example.com/',
      lanUrl: 'http://192.168.1.20:47802',
      pairingCode: CODE
    })
    // No public address: the local network's is the one to join at.
    const lanOnly = setUp({ publicUrl: null, lanAddress: '192.168.1.20:47802' })
    const local = await lanOnly.desks.add('Kitchen')
    expect(local.hubUrl).toBe('http://192.168.1.20:47802')
    expect(parseInvitation(local.code)).toMatchObject({
      hubUrl: 'http://192.168.1.20:47802/',
      lanUrl: 'http://192.168.1.20:47802'
    })
  })

  it('tells the owner where desks on the network reach the hub, or why they cannot', async () => {
    const { seats, desks, events } = setUp({})
    expect(await desks.list()).not.toHaveProperty('onNetwork')
    seats.setLan({ state: 'open', address: '192.168.1.20:47802' })
    await flush()
    expect(events.at(-1)?.onNetwork).toEqual({ state: 'open', address: '192.168.1.20:47802' })
    const failed = 'Desks on this network cannot connect: port 47802 is taken by another program.'
    seats.setLan({ state: 'failed', sentence: failed })
    await flush()
    expect(events.at(-1)?.onNetwork).toEqual({ state: 'failed', sentence: failed })
    seats.setLan(undefined)
    await flush()
    expect(events.at(-1)).not.toHaveProperty('onNetwork')
  })

  it('removes a desk, answering and announcing the list without it', async () => {
    const { desks, events, forgotten } = setUp({})
    const left = await desks.remove('back OFFICE')
    expect(left.desks.map((d) => d.name)).toEqual(['Front desk'])
    // What the hub's settings said of it (whether it rings) goes with it, by its own spelling.
    expect(forgotten).toEqual(['Back office'])
    await flush()
    expect(events).toEqual([left])

    const unknown = await refusal(desks.remove('Nobody'))
    expect(forgotten).toEqual(['Back office'])
    expect(unknown.code).toBe('not-found')
    expect(unknown.message).toBe('No desk named "Nobody" is paired with this hub.')
  })

  it('tells a new count after a call is recorded, and an unchanged list not again', async () => {
    const records: HistoryRecord[] = []
    const { desks, events } = setUp({ records })
    desks.refresh()
    await flush()
    expect(events).toHaveLength(1)
    desks.refresh()
    await flush()
    expect(events).toHaveLength(1)
    records.push(record('a', { answeredByDesk: 'Back office' }))
    desks.refresh()
    await flush()
    expect(events).toHaveLength(2)
    expect(events[1]!.desks[1]).toMatchObject({ name: 'Back office', answeredToday: 1 })
  })

  it('says the desks cannot be listed when the seats could not be opened', async () => {
    const desks = new HubDesks({ publicUrl: () => null, history: { list: async () => [] } })
    expect((await refusal(desks.list())).message).toBe(DESKS_UNAVAILABLE)
  })
})
