/**
 * Scenarios where the desk answers: audio both ways measured by frequency, then an ending from
 * either side, and two calls at once.
 */
import { SECOND_PSID } from '../simulator'
import {
  SETTLE_MS,
  answerCall,
  expectEnded,
  expectGraphAction,
  expectHistory,
  expectMetaTerminate,
  measureAudio,
  ringCall,
  sleep
} from './steps'
import type { Scenario } from './types'

const CALLER_HZ = 440
const DESK_HZ = 880

export const callerHangsUp: Scenario = {
  name: 'caller-hangs-up',
  summary: 'ring, the desk answers, audio both ways, the caller hangs up: completed',
  async run(ctx) {
    const { callId } = await ringCall(ctx, { audio: { mode: 'tone', frequency: CALLER_HZ } })
    const desk = ctx.newDesk({ audio: { mode: 'tone', frequency: DESK_HZ } })
    desk.followMediaOffers(ctx.core)
    await answerCall(ctx, desk, callId)
    await measureAudio(ctx, desk, callId, { caller: CALLER_HZ, desk: DESK_HZ })

    await expectMetaTerminate(ctx, ctx.sim.hangUpAsCaller(callId))
    await expectEnded(ctx, callId, 'completed', 'caller-hung-up')
    await expectHistory(ctx, callId, 'completed', 'caller-hung-up')
  }
}

export const appHangsUp: Scenario = {
  name: 'app-hangs-up',
  summary: 'ring, the desk answers, audio both ways, the desk hangs up: completed',
  async run(ctx) {
    const { callId } = await ringCall(ctx, { audio: { mode: 'tone', frequency: CALLER_HZ } })
    const desk = ctx.newDesk({ audio: { mode: 'tone', frequency: DESK_HZ } })
    await answerCall(ctx, desk, callId)
    await measureAudio(ctx, desk, callId, { caller: CALLER_HZ, desk: DESK_HZ })

    await ctx.report.step('the desk hangs up through the service API', () => desk.hangUp(ctx.api))
    expectGraphAction(ctx, callId, 'terminate')
    const end = await expectMetaTerminate(ctx, ctx.sim.whenEnded(callId))
    if (end) ctx.report.equal('Meta saw the business end the call', end.by, 'business')
    await expectEnded(ctx, callId, 'completed', 'we-hung-up')
    await expectHistory(ctx, callId, 'completed', 'we-hung-up')
  }
}

export const twoCalls: Scenario = {
  name: 'two-calls',
  summary: 'two callers ring at once; each desk answers one and hears its own caller',
  async run(ctx) {
    const tones = {
      a: { caller: 440, desk: 880 },
      b: { caller: 660, desk: 1100 }
    }
    const [a, b] = await Promise.all([
      ringCall(ctx, { audio: { mode: 'tone', frequency: tones.a.caller } }, 'call A'),
      ringCall(
        ctx,
        { psid: SECOND_PSID, audio: { mode: 'tone', frequency: tones.b.caller } },
        'call B'
      )
    ])
    const deskA = ctx.newDesk({ audio: { mode: 'tone', frequency: tones.a.desk } })
    const deskB = ctx.newDesk({ audio: { mode: 'tone', frequency: tones.b.desk } })

    await answerCall(ctx, deskA, a.callId, 'call A')
    await sleep(SETTLE_MS)
    const live = await ctx.api.listCalls({})
    const stateOf = (id: string): string => live.find((call) => call.id === id)?.state ?? 'gone'
    ctx.report.equal(
      'answering call A leaves call B ringing',
      `A ${stateOf(a.callId)}, B ${stateOf(b.callId)}`,
      'A connected, B ringing'
    )

    // B is answered before measuring A: a short ring timeout must not expire it meanwhile.
    await answerCall(ctx, deskB, b.callId, 'call B')
    await measureAudio(ctx, deskA, a.callId, tones.a, 'call A')
    await measureAudio(ctx, deskB, b.callId, tones.b, 'call B')

    await expectMetaTerminate(ctx, ctx.sim.hangUpAsCaller(a.callId), 'call A')
    await ctx.report.step('call B: the desk hangs up through the service API', () =>
      deskB.hangUp(ctx.api)
    )
    await expectEnded(ctx, a.callId, 'completed', 'caller-hung-up', 'call A')
    await expectEnded(ctx, b.callId, 'completed', 'we-hung-up', 'call B')
    await expectHistory(ctx, a.callId, 'completed', 'caller-hung-up', 'call A')
    await expectHistory(ctx, b.callId, 'completed', 'we-hung-up', 'call B')
  }
}
