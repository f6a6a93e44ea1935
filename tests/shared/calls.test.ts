/** `ringsHere`: the one answer to "does this call ring on the desks" (ringtone, toast, tray...). */
import { describe, expect, it } from 'vitest'
import { ringsHere, type Call } from '../../src/shared/calls'

const base = {
  id: 'c_1',
  pageId: 'page-1',
  direction: 'inbound' as const,
  caller: { psid: 'psid-1' },
  startedAt: 1_000
}

const CASES: [string, Call, boolean][] = [
  ['a ringing call', { ...base, state: 'ringing', ringDeadline: 31_000 }, true],
  ['a ringing test call', { ...base, state: 'ringing', ringDeadline: 31_000, test: true }, true],
  [
    'a call Do not disturb silenced',
    { ...base, state: 'ringing', ringDeadline: 31_000, silenced: true },
    false
  ],
  ['a call being answered', { ...base, state: 'answering', answeredBy: 'desk-1' }, false],
  [
    'a connected call',
    { ...base, state: 'connected', answeredBy: 'desk-1', connectedAt: 2_000 },
    false
  ],
  [
    'an ended call',
    { ...base, state: 'ended', outcome: 'missed', reason: 'caller-hung-up', endedAt: 2_000 },
    false
  ]
]

describe('ringsHere', () => {
  it.each(CASES)('%s: %s', (_name, call, rings) => {
    expect(ringsHere(call)).toBe(rings)
  })

  it('keeps the calls that ring from a list, in their order', () => {
    const calls: Call[] = CASES.map(([, call], index) => ({ ...call, id: `c_${index}` }))
    expect(calls.filter(ringsHere).map((call) => call.id)).toEqual(['c_0', 'c_1'])
  })
})
