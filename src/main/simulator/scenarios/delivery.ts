/**
 * Meta retries deliveries, so the same webhook can arrive several times and out of order. The
 * core must ring a call once however many connects arrive, and never ring a call whose terminate
 * came first.
 */
import { SECOND_PSID } from '../simulator'
import { SETTLE_MS, WAIT_MS, expectEnded, expectHistory, expectMetaTerminate, sleep } from './steps'
import type { Scenario, ScenarioContext } from './types'
import { describeCall } from './watch'

async function deliverConnect(
  ctx: ScenarioContext,
  name: string,
  callId: string,
  duplicate = 0
): Promise<void> {
  await ctx.report.step(
    name,
    async () => {
      const statuses = await ctx.sim.deliverConnect(callId, { duplicate })
      if (statuses.some((status) => status !== 200))
        throw new Error(`the core answered HTTP ${statuses.join(', ')}`)
      return statuses
    },
    (statuses) => `HTTP ${statuses.join(', ')}`
  )
}

export const duplicateAndOutOfOrder: Scenario = {
  name: 'duplicate-and-out-of-order',
  summary: 'duplicate connects ring once; a terminate delivered before its connect never rings',
  async run(ctx) {
    const { report, sim, watch, api } = ctx

    const callId = sim.ring()
    await deliverConnect(ctx, 'three copies of one connect are all acknowledged', callId, 2)
    await report.step(
      'the core rings the call',
      () => watch.untilState(callId, 'ringing', WAIT_MS.ring),
      describeCall
    )
    await sleep(SETTLE_MS)
    const live = (await api.listCalls({})).filter((call) => call.id === callId)
    report.equal(
      'the copies ring it once',
      `${live.length} live call, states: ${watch.statesOf(callId).join(' > ')}`,
      '1 live call, states: ringing'
    )
    await expectMetaTerminate(ctx, sim.hangUpAsCaller(callId))
    await expectEnded(ctx, callId, 'missed', 'caller-hung-up')
    await deliverConnect(ctx, 'a late retry of the connect is acknowledged', callId)
    await sleep(SETTLE_MS)
    report.equal(
      'the late retry does not ring it again',
      watch.statesOf(callId).join(' > '),
      'ringing > ended'
    )

    // The second caller hangs up before Meta's connect got through: the terminate goes first.
    const lateId = sim.ring({ psid: SECOND_PSID })
    await expectMetaTerminate(ctx, sim.hangUpAsCaller(lateId), 'terminate first')
    await deliverConnect(ctx, 'the connect delivered after its terminate is acknowledged', lateId)
    await sleep(SETTLE_MS)
    const states = watch.statesOf(lateId)
    report.check(
      'a call whose terminate came first never rings',
      states.length > 0 && !states.includes('ringing'),
      `states: ${states.join(' > ') || 'none'}`
    )
    const latest = watch.latest(lateId)
    report.equal(
      'it is a missed call from the caller the late connect named',
      latest ? `${describeCall(latest)} from ${latest.caller.psid || 'nobody'}` : 'nothing',
      `ended (missed, caller-hung-up) from ${SECOND_PSID}`
    )
    await expectHistory(ctx, lateId, 'missed', 'caller-hung-up')
    const listed = (await api.listHistory({ limit: 100 })).find((r) => r.callId === lateId)
    report.equal('history names that caller too', listed?.caller.psid || 'nobody', SECOND_PSID)
  }
}
