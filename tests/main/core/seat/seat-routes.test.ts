/**
 * Where a seat sends each command: one table naming every command of the contract once (the
 * `@ts-expect-error` lines are checked by `tsc`), and the issue's split between hub and seat.
 */
import { describe, expect, it } from 'vitest'
import type { CommandName } from '../../../../src/shared/api'
import { COMMAND_NAMES } from '../../../../src/shared/api-names'
import {
  refusedOnSeat,
  SEAT_ROUTES,
  type SeatRoute,
  type SeatRoutes
} from '../../../../src/main/core/seat/seat-routes'

describe('the seat’s routes', () => {
  it('route every command of the contract, each once', () => {
    expect(Object.keys(SEAT_ROUTES).sort()).toEqual([...COMMAND_NAMES].sort())
  })

  it('do not compile when a command is added to the contract but not routed', () => {
    // @ts-expect-error 'recordCall' is missing from the table
    const _widened: Record<CommandName | 'recordCall', SeatRoute> = SEAT_ROUTES
    const { placeCall: _left, ...withoutOne } = SEAT_ROUTES
    // @ts-expect-error 'placeCall' is missing from the table
    const _missing: SeatRoutes = withoutOne
    // @ts-expect-error a command the contract does not have
    const _extra: SeatRoutes = { ...SEAT_ROUTES, recordCall: 'hub' }
    expect(_missing).not.toHaveProperty('placeCall')
  })

  it('forward call work to the hub and refuse the owner’s', () => {
    const hub: CommandName[] = ['listCalls', 'accept', 'decline', 'hangUp', 'getIceServers']
    for (const name of hub) expect(SEAT_ROUTES[name]).toBe('hub')
    const owner: CommandName[] = [
      'saveCredentials',
      'removePage',
      'takeOverWebhook',
      'fixSetup',
      'getBusinessHours',
      'saveBusinessHours'
    ]
    for (const name of owner) expect(SEAT_ROUTES[name]).toHaveProperty('refused')
    expect(SEAT_ROUTES.updateSettings).toBe('local')
    expect(SEAT_ROUTES.saveBusinessHours).toEqual({ refused: 'businessHours' })
  })

  it('say whose seat this is and where to go, in words a seat puts in its own language', () => {
    expect(refusedOnSeat('Front desk', 'page')).toMatchObject({
      code: 'forbidden',
      message: 'This desk is a seat of Front desk; change the Page on the hub.',
      words: { key: 'seat.refused.page', params: { hub: 'Front desk' } }
    })
  })
})
