import { describe, expect, it } from 'vitest'
import { planRecovery, RESTORE_WITHIN_MS } from '../../../../src/main/core/journal/recovery-plan'
import {
  parseJournalLine,
  transitionLine,
  type JournalRecord
} from '../../../../src/main/core/journal/records'
import type { AnsweringCall } from '../../../../src/shared/calls'
import { connect, delivery, terminate } from './core-harness'

const T0 = 1_800_000_000_000

const d = (body: unknown, at: number): JournalRecord => ({ k: 'd', at, body: JSON.stringify(body) })
const live = (
  id: string,
  state: 'answering' | 'connected',
  at: number,
  direction: 'inbound' | 'outbound' = 'inbound',
  desk?: string
): JournalRecord => ({
  k: 's',
  at,
  call: {
    id,
    pageId: '1234567890',
    direction,
    psid: `psid-${id}`,
    startedAt: T0,
    state,
    answeredBy: 'desk',
    ...(desk !== undefined ? { answeredByDesk: desk } : {}),
    ...(state === 'connected' ? { connectedAt: at } : {})
  }
})
const none = (): boolean => false
/** A restart soon after the last journal line, and one long after. */
const SOON = T0 + 60_000
const LATER = T0 + RESTORE_WITHIN_MS + 60_000

describe('planRecovery', () => {
  it('records an acknowledged connect and terminate never applied as a missed call', () => {
    const plan = planRecovery(
      [
        d(delivery(connect('c1', T0), T0), T0),
        d(delivery(terminate('c1', 'Completed', T0 + 5000)), T0 + 5000)
      ],
      none,
      SOON
    )
    expect(plan.replay).toEqual([])
    expect(plan.endings).toEqual([
      expect.objectContaining({
        callId: 'c1',
        outcome: 'missed',
        reason: 'caller-hung-up',
        endedAt: T0 + 5000
      })
    ])
  })

  it('ends a connected call as completed: by its terminate, or as a shutdown long after', () => {
    const plan = planRecovery(
      [
        d(delivery(connect('c1', T0)), T0),
        live('c1', 'answering', T0 + 1000),
        live('c1', 'connected', T0 + 2000),
        d(delivery(connect('c2', T0)), T0),
        live('c2', 'answering', T0 + 1000),
        live('c2', 'connected', T0 + 2000),
        d(delivery(terminate('c2', 'Completed', T0 + 9000)), T0 + 9000),
        live('c3', 'answering', T0 + 3000, 'outbound'),
        d(delivery(terminate('c3', 'Completed', T0 + 9500)), T0 + 9500)
      ],
      none,
      LATER
    )
    expect(plan.restore).toEqual([])
    const byId = new Map(plan.endings.map((record) => [record.callId, record]))
    expect(byId.get('c1')).toMatchObject({
      outcome: 'completed',
      reason: 'shutdown',
      endedAt: T0 + 9500
    })
    expect(byId.get('c2')).toMatchObject({
      outcome: 'completed',
      reason: 'caller-hung-up',
      connectedAt: T0 + 2000
    })
    expect(byId.get('c3')).toMatchObject({
      outcome: 'no-answer',
      reason: 'no-answer',
      direction: 'outbound'
    })
  })

  it('writes our own ending as it was, replays a lone connect, and skips what history has', () => {
    const ended: JournalRecord = {
      k: 'e',
      at: T0,
      record: {
        callId: 'c_declined',
        pageId: '1234567890',
        direction: 'inbound',
        caller: { psid: 'p' },
        startedAt: T0,
        endedAt: T0 + 1,
        durationSeconds: 0,
        outcome: 'declined',
        reason: 'declined'
      }
    }
    const plan = planRecovery(
      [ended, d(delivery(connect('c_ring', T0)), T0), d(delivery(terminate('c_known')), T0)],
      (callId) => callId === 'c_known',
      SOON
    )
    expect(plan.endings).toEqual([ended.record])
    expect(plan.replay.map(({ item }) => item.event.id)).toEqual(['c_ring'])
  })

  it('restores a call connected when the hub died soon before, live, with the desk that took it', () => {
    const records = [
      d(delivery(connect('c_talking', T0)), T0),
      live('c_talking', 'connected', T0 + 2000, 'inbound', 'Front desk'),
      d(delivery(connect('c_over', T0)), T0),
      live('c_over', 'connected', T0 + 2000),
      d(delivery(terminate('c_over', 'Completed', T0 + 3000)), T0 + 3000),
      d(delivery(connect('c_taking', T0)), T0),
      live('c_taking', 'answering', T0 + 3000)
    ]
    const plan = planRecovery(records, none, SOON)
    expect(plan.restore).toEqual([
      {
        id: 'c_talking',
        pageId: '1234567890',
        direction: 'inbound',
        caller: { psid: 'psid-c_talking' },
        startedAt: T0,
        state: 'connected',
        answeredBy: 'desk',
        answeredByDesk: 'Front desk',
        connectedAt: T0 + 2000
      }
    ])
    // Ended by Meta, or still being answered (the accept's fate unknown): recorded, not restored.
    expect(plan.endings.map((record) => [record.callId, record.outcome])).toEqual([
      ['c_over', 'completed'],
      ['c_taking', 'missed']
    ])
    expect(plan.replay).toEqual([])
  })
})

describe('the desk that answered, across a restart', () => {
  it('is journaled with the transition and named by the recovered ending', () => {
    const answered: AnsweringCall = {
      id: 'c1',
      pageId: '1234567890',
      direction: 'inbound',
      caller: { psid: 'psid-c1' },
      startedAt: T0,
      state: 'answering',
      answeredBy: 'seat-1',
      answeredByDesk: 'Front desk'
    }
    const line = parseJournalLine(transitionLine(answered, T0 + 1000))
    expect(line).toMatchObject({ k: 's', call: { answeredByDesk: 'Front desk' } })
    const plan = planRecovery(
      [d(delivery(connect('c1', T0)), T0), line as JournalRecord],
      none,
      SOON
    )
    expect(plan.endings).toEqual([expect.objectContaining({ answeredByDesk: 'Front desk' })])
  })
})
