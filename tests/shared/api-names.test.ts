/**
 * The contract's names as data (issue 12, item 5): checked complete against the contract's types
 * at compile time (the `@ts-expect-error` lines below are checked by `tsc`: if a table missing a
 * name compiled, the directive itself would be the error), and equal to the request table at run
 * time.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { commandRequests, type CommandName, type EventName } from '../../src/shared/api'
import { COMMAND_NAMES, EVENT_NAMES, isEventName, namesOf } from '../../src/shared/api-names'

const EVERY_EVENT = {
  callUpdated: true,
  mediaOffer: true,
  historyAdded: true,
  missedCalls: true,
  status: true,
  settings: true,
  callPermission: true,
  desks: true,
  callBackTasks: true
} as const

describe('the event names', () => {
  it('are every event of the contract, each once', () => {
    expectTypeOf(EVENT_NAMES).toEqualTypeOf<readonly EventName[]>()
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(EVERY_EVENT).sort())
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length)
  })

  it('do not compile when an event is added to the contract but not listed', () => {
    // A new event in SoftphoneEvents widens EventName like this; the old table no longer compiles.
    // @ts-expect-error 'recordingStarted' is missing from the table
    namesOf<EventName | 'recordingStarted'>(EVERY_EVENT)
    const { callPermission: _left, ...withoutOne } = EVERY_EVENT
    // @ts-expect-error 'callPermission' is missing from the table
    namesOf<EventName>(withoutOne)
    // @ts-expect-error an event the contract does not have
    namesOf<EventName>({ ...EVERY_EVENT, callRecorded: true })
    expect(namesOf<EventName>(EVERY_EVENT)).toEqual(Object.keys(EVERY_EVENT))
  })

  it('tell an event name from anything else', () => {
    expect(isEventName('callUpdated')).toBe(true)
    expect(isEventName('toString')).toBe(false)
    expect(isEventName(undefined)).toBe(false)
  })
})

describe('the command names', () => {
  it('are the request table’s keys, so the preload and the service cannot drift apart', () => {
    expectTypeOf(COMMAND_NAMES).toEqualTypeOf<readonly CommandName[]>()
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(commandRequests).sort())
    expect(Object.isFrozen(COMMAND_NAMES)).toBe(true)
  })
})
