/**
 * A seat telling its hub it leaves: told when the hub replies, or when it turns the seat away
 * right after (its removal closes the link before the reply can travel); not told when the link
 * is down, the hub says no with the link still up, or nothing comes back in time.
 */
import { describe, expect, it } from 'vitest'
import type { HubLinkStatus } from '../../../../src/shared/hub-link'
import { ServiceError } from '../../../../src/shared/service-error'
import { tellHubLeaving } from '../../../../src/main/core/desk/tell-hub-leaving'
import type { HubConnection } from '../../../../src/main/core/seat/hub-connection'

function fakeHub(leaveHub: () => Promise<unknown>, state: HubLinkStatus = { state: 'online' }) {
  let status = state
  const listeners = new Set<(status: HubLinkStatus) => void>()
  const hub = {
    hubName: 'Front desk',
    status: () => status,
    onStatus: (listener: (status: HubLinkStatus) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    api: { leaveHub },
    on: () => () => undefined,
    close: () => undefined
  } as unknown as HubConnection
  const become = (next: HubLinkStatus): void => {
    status = next
    listeners.forEach((listener) => listener(next))
  }
  return { hub, become }
}

const REMOVED: HubLinkStatus = { state: 'refused', sentence: 'This desk was removed from the hub' }

describe('tellHubLeaving', () => {
  it('is told when the hub replies', async () => {
    const { hub } = fakeHub(async () => ({ removedAtHub: true }))
    expect(await tellHubLeaving(hub, 1000)).toBe(true)
  })

  it('is told when the removal closes the link before the reply', async () => {
    const { hub, become } = fakeHub(async () => {
      throw new ServiceError('internal', 'the connection closed')
    })
    const told = tellHubLeaving(hub, 1000)
    setTimeout(() => become(REMOVED), 20)
    expect(await told).toBe(true)
  })

  it('is not told by a hub that says no, an offline link, or silence', async () => {
    const refusing = fakeHub(async () => {
      throw new ServiceError('invalid-request', 'This desk is no seat: it has no hub to leave.')
    })
    expect(await tellHubLeaving(refusing.hub, 1000)).toBe(false)
    const offline = fakeHub(async () => ({}), { state: 'offline', reason: 'down' })
    expect(await tellHubLeaving(offline.hub, 1000)).toBe(false)
    const silent = fakeHub(() => new Promise(() => undefined))
    expect(await tellHubLeaving(silent.hub, 50)).toBe(false)
  })
})
