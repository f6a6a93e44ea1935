import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GraphError, type PageInfo } from '../../../src/main/core/graph'
import {
  PAGE_HEALTH_INTERVAL_MS,
  PAGE_HEALTH_RETRY_MS,
  PageHealthMonitor
} from '../../../src/main/core/page-health'
import type { PageHealth } from '../../../src/shared/page-health'
import { PAGE_HEALTH_MAX_AGE_MS } from '../../../src/shared/page-health'
import { words } from '../../../src/shared/words'

const PAGE: PageInfo = { id: '1001', name: 'Corner Bakery' }

function monitor(answers: (() => Promise<PageInfo>)[], configured = true) {
  const seen: PageHealth[] = []
  const tokenOwner = vi.fn(() => (answers.shift() ?? (() => Promise.resolve(PAGE)))())
  const health = new PageHealthMonitor({
    tokenOwner,
    pageId: () => PAGE.id,
    configured: () => configured,
    onChange: (next) => seen.push(next)
  })
  return { health, seen, tokenOwner }
}

const refused = () =>
  Promise.reject(
    new GraphError({
      kind: 'unavailable',
      network: 'refused',
      message: 'fetch failed (ECONNREFUSED)',
      userWords: words('network.refused')
    })
  )
const rejected = () =>
  Promise.reject(new GraphError({ kind: 'token-expired', code: 190, message: 'expired' }))

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the Page check', () => {
  it('says ok with the time Meta answered, and checks again before that answer goes stale', async () => {
    const { health, tokenOwner } = monitor([])
    await health.start()
    expect(health.current()).toEqual({ state: 'ok', checkedAt: 1_000_000, pageName: PAGE.name })
    expect(PAGE_HEALTH_INTERVAL_MS).toBeLessThan(PAGE_HEALTH_MAX_AGE_MS)

    await vi.advanceTimersByTimeAsync(PAGE_HEALTH_INTERVAL_MS)
    expect(tokenOwner).toHaveBeenCalledTimes(2)
    expect(health.current()).toMatchObject({ checkedAt: 1_000_000 + PAGE_HEALTH_INTERVAL_MS })
    health.dispose()
  })

  it('reports an unreachable Facebook in its own words, and tries again soon', async () => {
    const { health, tokenOwner } = monitor([refused])
    await health.start()
    expect(health.current()).toEqual({
      state: 'failed',
      checkedAt: 1_000_000,
      problem: 'unreachable',
      message:
        "Can't reach Facebook: the connection was refused, so a firewall or proxy may be blocking it.",
      words: { key: 'network.refused' }
    })
    await vi.advanceTimersByTimeAsync(PAGE_HEALTH_RETRY_MS)
    expect(tokenOwner).toHaveBeenCalledTimes(2)
    expect(health.current().state).toBe('ok')
    health.dispose()
  })

  it('says a rejected token must be reconnected', async () => {
    const { health } = monitor([rejected])
    await health.start()
    expect(health.current()).toMatchObject({
      state: 'failed',
      problem: 'token',
      message: 'Page token rejected: reconnect the Page in Page setup.'
    })
    health.dispose()
  })

  it('does not call a token of another Page a connected Page', async () => {
    const { health } = monitor([() => Promise.resolve({ id: '2002', name: 'Elsewhere' })])
    await health.start()
    expect(health.current()).toMatchObject({ state: 'failed', problem: 'token' })
    health.dispose()
  })

  it('checks nothing without a Page, and stops checking once disposed', async () => {
    const none = monitor([], false)
    await none.health.start()
    expect(none.health.current()).toEqual({ state: 'not-configured' })
    expect(none.tokenOwner).not.toHaveBeenCalled()

    const { health, tokenOwner } = monitor([])
    await health.start()
    health.dispose()
    await vi.advanceTimersByTimeAsync(PAGE_HEALTH_INTERVAL_MS * 3)
    expect(tokenOwner).toHaveBeenCalledTimes(1)
  })

  it('forgets what it knew about old credentials, and drops an answer about them', async () => {
    let answerOld: ((page: PageInfo) => void) | undefined
    const slow = () => new Promise<PageInfo>((resolve) => (answerOld = resolve))
    const { health, seen } = monitor([slow])
    const first = health.start()
    expect(health.current()).toEqual({ state: 'checking' })
    await health.reset()
    answerOld?.({ id: '2002' })
    await first
    expect(health.current()).toMatchObject({ state: 'ok', pageName: PAGE.name })
    expect(seen.map((item) => item.state)).toEqual(['checking', 'not-configured', 'checking', 'ok'])
    health.dispose()
  })
})
