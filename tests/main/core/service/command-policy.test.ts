/**
 * The roles table (issue 13, item 6) classifies every command of the contract, checked at compile
 * time: the `@ts-expect-error` lines below are checked by `tsc` (if a table missing a command
 * compiled, the directive itself would be the error), and the run-time half pins the table to the
 * contract's names.
 */
import { describe, expect, it } from 'vitest'
import type { CommandName } from '../../../../src/shared/api'
import { COMMAND_NAMES } from '../../../../src/shared/api-names'
import { ServiceError } from '../../../../src/shared/api'
import { defaultSettings } from '../../../../src/shared/settings'
import {
  checkAccess,
  COMMAND_ACCESS,
  commandPolicy,
  OWNER_ONLY
} from '../../../../src/main/core/service/command-policy'

describe('the command policy', () => {
  it('classifies every command of the contract, and no other', () => {
    expect(Object.keys(COMMAND_ACCESS).sort()).toEqual([...COMMAND_NAMES].sort())
    expect(Object.isFrozen(COMMAND_ACCESS)).toBe(true)
  })

  it('does not compile when a command is added to the contract but not classified', () => {
    // A new command in commandRequests widens CommandName like this; the table no longer compiles.
    // @ts-expect-error 'recordCall' is missing from the table
    commandPolicy<CommandName | 'recordCall'>(COMMAND_ACCESS)
    const { takeOverWebhook: _left, ...withoutOne } = COMMAND_ACCESS
    // @ts-expect-error 'takeOverWebhook' is missing from the table
    commandPolicy<CommandName>(withoutOne)
    // @ts-expect-error a command the contract does not have
    commandPolicy<CommandName>({ ...COMMAND_ACCESS, eraseHistory: 'seat' })
    // @ts-expect-error only 'owner', 'seat' and 'call-back' are rules
    commandPolicy<'hello'>({ hello: 'admin' })
    expect(commandPolicy<CommandName>({ ...COMMAND_ACCESS })).toEqual(COMMAND_ACCESS)
  })

  it('lets a client without a role (every local transport) act as the owner', () => {
    const settings = () => defaultSettings()
    expect(() => checkAccess('removePage', undefined, settings)).not.toThrow()
    expect(() => checkAccess('removePage', 'owner', settings)).not.toThrow()
    const refusal = (() => {
      try {
        checkAccess('removePage', 'seat', settings)
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(ServiceError)
    expect(refusal).toMatchObject({ code: 'forbidden', message: OWNER_ONLY })
  })
})
