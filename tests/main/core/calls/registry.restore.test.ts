/**
 * A call restored after a crash (issue 13, item 8): live again as it was, so a desk's hang up and
 * Meta's terminate still end it, and recorded once, as it really ended.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectedCall } from '../../../../src/shared/calls'
import { PAGE, PSID, recordingRegistry, T0, terminate, useFakeClock } from './fixtures'

beforeEach(useFakeClock)
afterEach(() => {
  vi.useRealTimers()
})

const talking: ConnectedCall = {
  id: 'c1',
  pageId: PAGE,
  direction: 'inbound',
  caller: { psid: PSID },
  startedAt: T0,
  state: 'connected',
  answeredBy: 'seat-link-1',
  answeredByDesk: 'Front desk',
  connectedAt: T0 + 2000
}

describe('CallRegistry: restoring a call a previous run left connected', () => {
  it('makes it live again, for a hang up and then Meta’s terminate to end', () => {
    const { registry, calls, ended } = recordingRegistry()
    expect(registry.restore(talking)).toEqual(talking)
    expect(calls).toEqual([talking])
    registry.hangUp('c1')
    registry.handleEvent(terminate('c1'), PAGE)
    expect(ended).toEqual([
      expect.objectContaining({
        id: 'c1',
        outcome: 'completed',
        reason: 'we-hung-up',
        answeredByDesk: 'Front desk',
        connectedAt: T0 + 2000
      })
    ])
  })

  it('leaves a call it already knows as it is, and does nothing once disposed', () => {
    const { registry, calls } = recordingRegistry()
    registry.restore(talking)
    expect(registry.restore({ ...talking, answeredByDesk: 'Back office' })).toBeUndefined()
    expect(registry.get('c1')).toEqual(talking)
    registry.dispose()
    expect(registry.restore({ ...talking, id: 'c2' })).toBeUndefined()
    expect(calls).toHaveLength(1)
  })
})
