import { describe, expect, it } from 'vitest'
import { toPermissionInfo } from '../../../../src/main/core/callback'
import { CallPermissions } from '../../../../src/shared/graph'
import { describeLimit, periodWords } from '../../../../src/shared/callback'

const NOW = Date.UTC(2026, 3, 1, 12, 0, 0)
const NOW_S = NOW / 1000
const at = (ms: number): string => `at <${new Date(ms).toISOString()}>`

/** Graph's answer as the simulator (and Meta's docs) shape it. */
function graph(
  status: string,
  {
    used = 0,
    max = 2,
    expires,
    canCall
  }: { used?: number; max?: number; expires?: number; canCall?: boolean } = {}
) {
  return CallPermissions.parse({
    permission: { status, ...(expires === undefined ? {} : { expiration_time: expires }) },
    actions: [
      {
        action_name: 'send_call_permission_request',
        can_perform: status !== 'has_permission' && used < max,
        limits: [
          {
            time_period: 'PT24H',
            max_allowed: max,
            current_usage: used,
            ...(used > 0 ? { limit_expiration_time: NOW_S + 3600 } : {})
          }
        ]
      },
      { action_name: 'start_call', can_perform: canCall ?? status === 'has_permission' }
    ]
  })
}

const info = (
  g: ReturnType<typeof graph>,
  local?: Parameters<typeof toPermissionInfo>[0]['local']
) =>
  toPermissionInfo({ psid: 'p1', name: 'Ada Lovelace', graph: g, local, now: NOW, formatTime: at })

describe('toPermissionInfo', () => {
  it('has permission: may call, may not ask, says until when', () => {
    const result = info(graph('has_permission', { expires: NOW_S + 7 * 86400 }))
    expect(result).toMatchObject({
      status: 'has_permission',
      expiresAt: NOW + 7 * 86_400_000,
      canCall: true,
      canRequest: false,
      callBlocked: undefined
    })
    expect(result.summary).toMatch(/^Ada Lovelace allows calls from your Page until /)
  })

  it('no permission with requests left: may ask, may not call, and counts what is left', () => {
    const result = info(graph('no_permission', { used: 1 }))
    expect(result).toMatchObject({ status: 'no_permission', canRequest: true, canCall: false })
    expect(result.callBlocked).toBe('Ada Lovelace has to allow calls from your Page first.')
    expect(result.limits).toEqual([
      {
        action: 'request-permission',
        maxAllowed: 2,
        currentUsage: 1,
        period: 'PT24H',
        resetsAt: NOW + 3_600_000
      }
    ])
    expect(describeLimit(result.limits[0]!, at)).toBe('1 of 2 requests left today.')
  })

  it('refuses to ask at the limit and says when asking works again', () => {
    const result = info(graph('no_permission', { used: 2 }))
    expect(result.canRequest).toBe(false)
    expect(result.requestBlocked).toBe(
      `No requests left: you can ask again ${at(NOW + 3_600_000)}.`
    )
  })

  it('respects can_perform false even without a limit to show', () => {
    const g = CallPermissions.parse({
      permission: { status: 'no_permission' },
      actions: [{ action_name: 'send_call_permission_request', can_perform: false }]
    })
    const result = info(g)
    expect(result.canRequest).toBe(false)
    expect(result.requestBlocked).toMatch(/does not allow asking Ada Lovelace/)
  })

  it('folds in what this desk knows: a pending request, a refusal', () => {
    expect(
      info(graph('no_permission', { used: 1 }), { state: 'pending', requestedAt: NOW - 5000 })
    ).toMatchObject({
      status: 'pending',
      requestedAt: NOW - 5000,
      summary: 'Waiting for Ada Lovelace to allow calls…'
    })
    expect(info(graph('no_permission'), { state: 'rejected', at: NOW })).toMatchObject({
      status: 'rejected',
      summary: 'Ada Lovelace declined calls from your Page.'
    })
    // Graph's grant wins over a remembered refusal.
    expect(info(graph('has_permission'), { state: 'rejected', at: NOW }).status).toBe(
      'has_permission'
    )
  })

  it('reads a grant past its expiry as expired, and an unknown word as unknown', () => {
    expect(info(graph('has_permission', { expires: NOW_S - 1 }))).toMatchObject({
      status: 'expired',
      canCall: false
    })
    expect(info(graph('something_new')).status).toBe('unknown')
  })

  it('blocks the call when Graph says start_call cannot be performed', () => {
    const result = info(graph('has_permission', { canCall: false }))
    expect(result.canCall).toBe(false)
    expect(result.callBlocked).toMatch(/does not allow calling Ada Lovelace right now/)
  })

  it('starts sentences with a capital when the name is a stand-in', () => {
    const result = toPermissionInfo({
      psid: 'p1',
      name: 'the customer',
      graph: graph('no_permission'),
      local: undefined,
      now: NOW
    })
    expect(result.summary).toMatch(/^The customer has not allowed calls/)
  })
})

describe('limit words', () => {
  it('names the period', () => {
    expect(periodWords('PT24H')).toBe('today')
    expect(periodWords('P1D')).toBe('today')
    expect(periodWords('P7D')).toBe('this week')
    expect(periodWords('PT12H')).toBe('in these 12 hours')
    expect(periodWords(undefined)).toBe('in this period')
  })
})
