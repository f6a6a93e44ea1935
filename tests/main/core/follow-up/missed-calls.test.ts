import { describe, expect, it } from 'vitest'
import type { MissedCall, ReplyOutcome } from '../../../../src/shared/follow-up'
import { MissedCalls } from '../../../../src/main/core/follow-up/missed-calls'

const missed = (callId: string): MissedCall => ({
  callId,
  psid: 'psid-1',
  name: 'Ana',
  at: 1_000,
  reason: 'rang-out'
})

describe('MissedCalls (the follow-up port)', () => {
  it('announces a call once, however often it is told', () => {
    const port = new MissedCalls()
    const heard: string[] = []
    port.onMissedCall((call) => heard.push(call.callId))
    expect(port.announce(missed('c1'))).toBe(true)
    expect(port.announce(missed('c1'))).toBe(false)
    port.announce(missed('c2'))
    expect(heard).toEqual(['c1', 'c2'])
  })

  it('does not announce a call a previous run announced', () => {
    const port = new MissedCalls({ announcedBefore: (id) => id === 'old' })
    const heard: string[] = []
    port.onMissedCall((call) => heard.push(call.callId))
    expect(port.announce(missed('old'))).toBe(false)
    expect(heard).toEqual([])
  })

  it('passes reply outcomes to every listener, and stops after unsubscribing', () => {
    const port = new MissedCalls()
    const heard: [string, string, ReplyOutcome][] = []
    const off = port.onReplyOutcome((callId, psid, outcome) => heard.push([callId, psid, outcome]))
    const outcome: ReplyOutcome = { state: 'skipped', at: 5, why: 'off' }
    port.reportOutcome('c1', 'psid-1', outcome)
    off()
    port.reportOutcome('c2', 'psid-1', outcome)
    expect(heard).toEqual([['c1', 'psid-1', outcome]])
  })

  it('keeps announcing when a listener throws', () => {
    const port = new MissedCalls()
    const heard: string[] = []
    port.onMissedCall(() => {
      throw new Error('bad day')
    })
    port.onMissedCall((call) => heard.push(call.callId))
    port.announce(missed('c1'))
    expect(heard).toEqual(['c1'])
  })
})
