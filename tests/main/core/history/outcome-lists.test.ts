/**
 * Outcomes, end reasons and directions are each listed once, in shared/calls.ts (issue 12, item 5):
 * the types come from those lists, and so do the schemas that check a history line on disk and
 * the History view's filter on arrival. A value added to a list is accepted everywhere at once.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { commandRequests } from '../../../../src/shared/api'
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  END_REASONS,
  type CallDirection,
  type CallOutcome,
  type EndReason
} from '../../../../src/shared/calls'
import { storedRecordSchema } from '../../../../src/main/core/history/record'
import { makeRecord } from './fixtures/records'

describe('the call lists', () => {
  it('are where the types come from', () => {
    expectTypeOf<CallOutcome>().toEqualTypeOf<(typeof CALL_OUTCOMES)[number]>()
    expectTypeOf<EndReason>().toEqualTypeOf<(typeof END_REASONS)[number]>()
    expectTypeOf<CallDirection>().toEqualTypeOf<(typeof CALL_DIRECTIONS)[number]>()
  })

  it('are what a stored history line may say, and nothing else', () => {
    for (const outcome of CALL_OUTCOMES) {
      for (const reason of END_REASONS) {
        for (const direction of CALL_DIRECTIONS) {
          const line = { ...makeRecord(1), outcome, reason, direction }
          expect(storedRecordSchema.safeParse(line).success, `${outcome} ${reason}`).toBe(true)
        }
      }
    }
    const record = makeRecord(1)
    expect(storedRecordSchema.safeParse({ ...record, outcome: 'transferred' }).success).toBe(false)
    expect(storedRecordSchema.safeParse({ ...record, reason: 'power-cut' }).success).toBe(false)
    expect(storedRecordSchema.safeParse({ ...record, direction: 'sideways' }).success).toBe(false)
  })

  it('are the outcomes the history filter takes', () => {
    for (const outcome of CALL_OUTCOMES) {
      expect(commandRequests.listHistory.safeParse({ outcome }).success).toBe(true)
    }
    expect(commandRequests.listHistory.safeParse({ outcome: 'transferred' }).success).toBe(false)
  })
})
