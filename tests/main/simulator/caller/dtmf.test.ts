import { describe, expect, it } from 'vitest'
import { DtmfReceiver } from '../../../../src/main/simulator/caller/dtmf'

/** One RFC 4733 packet: event, end bit, volume 10, duration. */
const packet = (event: number, end = false, duration = 160): Uint8Array =>
  Uint8Array.of(event, (end ? 0x80 : 0) | 10, duration >> 8, duration & 0xff)

describe('DtmfReceiver', () => {
  it('counts each event once, however many packets and end retransmissions it has', () => {
    const dtmf = new DtmfReceiver()
    // "1": start, update, end x3 (all at the event's start timestamp).
    for (const p of [
      packet(1),
      packet(1, false, 320),
      packet(1, true),
      packet(1, true),
      packet(1, true)
    ])
      dtmf.push(p, 1000)
    // "1" again: a new event, a new timestamp.
    dtmf.push(packet(1), 5000)
    dtmf.push(packet(1, true), 5000)
    dtmf.push(packet(10), 9000)
    dtmf.push(packet(11), 13000)
    dtmf.push(packet(0), 17000)
    expect(dtmf.digits).toBe('11*#0')
  })

  it('ignores short packets and events that are not keypad keys', () => {
    const dtmf = new DtmfReceiver()
    expect(dtmf.push(Uint8Array.of(5, 0), 1)).toBeUndefined()
    expect(dtmf.push(packet(16), 2)).toBeUndefined()
    expect(dtmf.push(packet(5), 3)).toBe('5')
    expect(dtmf.digits).toBe('5')
  })
})
