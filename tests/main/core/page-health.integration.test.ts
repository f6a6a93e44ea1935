/**
 * The real core against the simulator as Meta: the status says the Page is checked and accepted
 * only after Meta answered, and says what is wrong, in its own words, when Meta cannot be reached
 * or refuses the token. Every hop is real HTTP on loopback; "unreachable" is a refused connection.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import { summarizeConnection } from '../../../src/shared/connection'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'

let rig: InProcessRig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

/** The status as the UIs receive it over the bridge, not the core's own object. */
async function bridgeStatus(): Promise<CoreStatus> {
  if (!rig) throw new Error('no rig')
  return rig.client.api.getStatus({})
}

describe('the Page check in the running core', () => {
  it('asks Meta at start, and only then lets the UIs say the Page is connected', async () => {
    rig = await startInProcessRig()
    await vi.waitFor(async () => expect((await bridgeStatus()).pageHealth?.state).toBe('ok'))
    const status = await bridgeStatus()
    expect(rig.sim.graph.requests.some((request) => request.path.endsWith('/me'))).toBe(true)
    expect(summarizeConnection(status, Date.now())).toMatchObject({ state: 'connected' })
  })

  it('says Facebook cannot be reached when Graph refuses connections, and recovers', async () => {
    rig = await startInProcessRig()
    await vi.waitFor(async () => expect((await bridgeStatus()).pageHealth?.state).toBe('ok'))

    await rig.sim.graph.setReachable(false)
    // The first request may still meet the pooled keep-alive socket being cut ("connection was
    // cut", also true); from then on every connection is refused.
    await rig.core.checkPage()
    await rig.core.checkPage()
    const down = await bridgeStatus()
    expect(down.pageHealth).toMatchObject({
      state: 'failed',
      problem: 'unreachable',
      message:
        "Can't reach Facebook: the connection was refused, so a firewall or proxy may be blocking it."
    })
    expect(summarizeConnection(down, Date.now()).state).toBe('problem')

    await rig.sim.graph.setReachable(true)
    await rig.core.checkPage()
    expect((await bridgeStatus()).pageHealth?.state).toBe('ok')
  })

  it('says a token Meta refuses must be reconnected', async () => {
    rig = await startInProcessRig()
    await vi.waitFor(async () => expect((await bridgeStatus()).pageHealth?.state).toBe('ok'))
    rig.sim.graph.expireToken()
    await rig.core.checkPage()
    expect((await bridgeStatus()).pageHealth).toMatchObject({
      state: 'failed',
      problem: 'token',
      message: 'Page token rejected: reconnect the Page in Page setup.'
    })
  })

  it('checks nothing and claims nothing without a Page', async () => {
    rig = await startInProcessRig({ withoutPage: true })
    expect((await bridgeStatus()).pageHealth).toEqual({ state: 'not-configured' })
    expect(rig.sim.graph.requests).toEqual([])
  })
})
