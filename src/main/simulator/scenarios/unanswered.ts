/**
 * Scenarios where no audio ever flows: nobody answers, the desk declines, or the answer fails
 * because Facebook no longer accepts the Page token.
 */
import { describeCall } from './watch'
import { messageOf } from './recorder'
import {
  SETTLE_MS,
  WAIT_MS,
  expectEnded,
  expectGraphAction,
  expectHistory,
  expectMetaTerminate,
  graphRequest,
  ringCall,
  sleep
} from './steps'
import type { Scenario, ScenarioContext } from './types'

/** How long the missed call rings in the core, at most. */
const MISSED_RING_MS = 2000

/** A later Meta terminate must leave the ended call as it was. */
async function expectUnchanged(ctx: ScenarioContext, callId: string, expected: string) {
  await sleep(SETTLE_MS)
  const latest = ctx.watch.latest(callId)
  ctx.report.equal(
    "Meta's terminate changes nothing in the core",
    latest ? describeCall(latest) : 'nothing',
    expected
  )
}

export const missed: Scenario = {
  name: 'missed',
  summary: "nobody answers: the core's ring deadline passes (missed), Meta's terminate follows",
  async run(ctx) {
    const { report, sim } = ctx
    // The core counts its ring deadline from Meta's timestamp (a delivery Meta retried for a
    // while rings only for what is left). Placing the call with a timestamp aged by all but
    // ~2 s of the core's ring timeout makes the deadline near without changing the core.
    const ageSeconds = Math.max(0, Math.floor((ctx.ringTimeoutMs - MISSED_RING_MS) / 1000))
    const timestamp = Math.floor(Date.now() / 1000) - ageSeconds
    const { callId, call } = await ringCall(ctx, { timestamp })
    const ringsFor = call.ringDeadline - Date.now()
    report.check(
      "the ring deadline is counted from Meta's timestamp",
      ringsFor > 0 && ringsFor <= MISSED_RING_MS + 1000,
      `placed ${ageSeconds} s old; rings ${(ringsFor / 1000).toFixed(1)} s more`
    )

    await expectEnded(ctx, callId, 'missed', 'ring-timeout', undefined, ringsFor + WAIT_MS.end)
    const ended = ctx.watch.latest(callId)
    if (ended?.state === 'ended') {
      report.check(
        'ringing stopped at the deadline, not before',
        ended.endedAt >= call.ringDeadline,
        `${ended.endedAt - call.ringDeadline} ms after the deadline`
      )
    }
    const told = ['accept', 'reject', 'terminate'].filter((a) => graphRequest(ctx, callId, a))
    report.equal('the core asked Graph nothing about the missed call', told.join(', '), '')
    report.equal(
      'the call still rings on Meta until its own limit',
      sim.graph.calls.get(callId)?.state,
      'ringing'
    )

    // Meta's own 60 s limit, brought forward to now: the webhook is the same, only sooner.
    const end = await expectMetaTerminate(ctx, sim.expireRing(callId))
    if (end) report.equal('Meta ended it by its ring limit', end.by, 'timeout')
    await expectUnchanged(ctx, callId, 'ended (missed, ring-timeout)')
    await expectHistory(ctx, callId, 'missed', 'ring-timeout')
  }
}

export const declined: Scenario = {
  name: 'declined',
  summary: 'the desk declines a ringing call: Graph gets reject, the call is declined',
  async run(ctx) {
    const { callId } = await ringCall(ctx)
    await ctx.report.step('the desk declines through the service API', () =>
      ctx.api.decline({ callId })
    )
    await expectEnded(ctx, callId, 'declined', 'declined')
    const end = await expectMetaTerminate(ctx, ctx.sim.whenEnded(callId))
    expectGraphAction(ctx, callId, 'reject')
    if (end) {
      ctx.report.equal(
        'Meta saw the business reject it, never talking',
        `${end.by}, talked ${end.summary.duration} s`,
        'business, talked 0 s'
      )
    }
    await expectUnchanged(ctx, callId, 'ended (declined, declined)')
    await expectHistory(ctx, callId, 'declined', 'declined')
  }
}

export const tokenExpired: Scenario = {
  name: 'token-expired',
  summary: 'the Page token has expired: accept fails with a sentence to reconnect the Page',
  async run(ctx) {
    const { report, sim, api } = ctx
    const { callId } = await ringCall(ctx)
    sim.expireToken()
    try {
      const desk = ctx.newDesk()
      const refusal = await report.step(
        "the desk's accept is refused",
        async () => {
          try {
            await desk.answer(api, callId)
          } catch (error) {
            return messageOf(error)
          }
          throw new Error('accept succeeded with an expired token')
        },
        (message) => message
      )
      report.check(
        'the refusal tells the owner to reconnect the Page',
        /reconnect the page/i.test(refusal),
        refusal
      )
      await expectEnded(ctx, callId, 'failed', 'accept-failed')
      const ended = ctx.watch.latest(callId)
      const sentence = ended?.state === 'ended' ? ended.error : undefined
      report.check(
        'the ended call carries the same sentence for every desk',
        sentence === refusal,
        sentence ?? 'no sentence'
      )
      await expectHistory(ctx, callId, 'failed', 'accept-failed')
    } finally {
      sim.restoreToken()
    }
    // The accept never got through, so on Meta the call rings on until the caller gives up.
    report.equal('the call still rings on Meta', sim.graph.calls.get(callId)?.state, 'ringing')
    await expectMetaTerminate(ctx, sim.hangUpAsCaller(callId))
    await expectUnchanged(ctx, callId, 'ended (failed, accept-failed)')
  }
}
