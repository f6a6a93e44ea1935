import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  formatInvitation,
  parseInvitation
} from '../../../../src/main/core/seat-link/desk-invitation'
import { PairingCodeError } from '../../../../src/main/core/seat-link/pairing-code'
import { SeatClient, seatLinkUrl } from '../../../../src/main/core/seat-link/seat-client'
import { untilStatus } from './seat-statuses'

const CODE = `msp1.0123456789ab.${'s'.repeat(22)}.${'f'.repeat(43)}`

describe('desk invitations', () => {
  it("are the hub's address with the code as the fragment, read back into both", () => {
    const text = formatInvitation('https://hub.example.com/', CODE)
    expect(text).toBe(`https://hub.example.com#${CODE}`)
    expect(parseInvitation(text)).toEqual({ hubUrl: 'https://hub.example.com/', pairingCode: CODE })
    // Behind a reverse proxy on a path of its own; a copy broken across lines.
    const prefixed = formatInvitation('https://example.com/phone?x=1', CODE)
    expect(prefixed).toBe(`https://example.com/phone#${CODE}`)
    expect(parseInvitation(`${prefixed.slice(0, 30)}\n  ${prefixed.slice(30)}`)).toEqual({
      hubUrl: 'https://example.com/phone',
      pairingCode: CODE
    })
  })

  it('carry the local network address as a query that a reader without it passes over', () => {
    const text = formatInvitation('https://hub.example.com', CODE, '192.168.1.20:47802')
    expect(text).toBe(`https://hub.example.com/?lan=192.168.1.20:47802#${CODE}`)
    expect(parseInvitation(text)).toEqual({
      hubUrl: 'https://hub.example.com/',
      lanUrl: 'http://192.168.1.20:47802',
      pairingCode: CODE
    })
    // What a desk reading invitations before the query existed would take: the address before
    // "#", whose seat link address (seat-client.ts) drops the query, and the code.
    const before = text.slice(0, text.lastIndexOf('#'))
    expect(seatLinkUrl(before)).toBe('wss://hub.example.com/softphone/seats')
    // Anything else in its place is not an address to try.
    expect(parseInvitation(`https://hub.example.com/?lan=javascript:x#${CODE}`)).toEqual({
      hubUrl: 'https://hub.example.com/',
      pairingCode: CODE
    })
    expect(formatInvitation('https://hub.example.com', CODE, 'not an address')).toBe(
      `https://hub.example.com#${CODE}`
    )
  })

  it('take a bare code, without an address', () => {
    expect(parseInvitation(` ${CODE} `)).toEqual({ pairingCode: CODE })
  })

  it('refuse a damaged code or an address that is not a web address', () => {
    expect(() => parseInvitation(`https://hub.example.com#${CODE.slice(0, -2)}`)).toThrow(
      PairingCodeError
    )
    expect(() => parseInvitation(`hub.example.com#${CODE}`)).toThrow(
      'The address before the pairing code is not a web address'
    )
    expect(() => parseInvitation(`ftp://hub.example.com#${CODE}`)).toThrow(
      'The address before the pairing code must start with https://'
    )
  })

  it("leave a seat given a bare code and no address saying it needs the hub's invitation", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'invitation-'))
    try {
      const seat = new SeatClient({ dataDir, pairingCode: CODE })
      seat.start()
      expect(await untilStatus(seat, 'refused')).toEqual({
        state: 'refused',
        reason: "This desk does not know its hub's address: paste the hub's whole invitation",
        words: { key: 'seatRefused.noHubAddress' }
      })
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
