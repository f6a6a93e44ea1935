/**
 * The business calls a customer back (docs section 7): permission checked, asked for with
 * `calling_optin`, granted by the customer, then the call rings on their phone, is picked up, and
 * carries audio both ways until the desk hangs up.
 */
import type { CallPermissionChange } from '../../../shared/callback'
import { FIRST_PSID } from '../simulator'
import { WAIT_MS, expectEnded, expectHistory, measureAudio, withTimeout } from './steps'
import type { Scenario, ScenarioContext } from './types'
import { describeCall } from './watch'

const CALLER_HZ = 440
const DESK_HZ = 880

/** Resolves with the next `callPermission` event for `psid` that passes `test`. */
function nextPermission(
  ctx: ScenarioContext,
  psid: string,
  test: (change: CallPermissionChange) => boolean
): Promise<CallPermissionChange> {
  return new Promise((resolve) => {
    const off = ctx.core.on('callPermission', (change) => {
      if (change.psid !== psid || !test(change)) return
      off()
      resolve(change)
    })
  })
}

export const callBack: Scenario = {
  name: 'call-back',
  summary: 'ask a customer for permission, they allow it, the desk calls, they pick up, audio',
  async run(ctx) {
    const { report, api, sim, watch } = ctx
    const psid = FIRST_PSID
    const before = await report.step(
      'the core reads the permission from Graph',
      () => api.checkCallPermission({ psid }),
      (info) => `${info.status}: ${info.summary}`
    )
    if (before.status !== 'has_permission') {
      const granted = nextPermission(ctx, psid, (change) => change.status === 'has_permission')
      await report.step(
        'the core sends the calling_optin request',
        () => api.requestCallPermission({ psid }),
        (info) => `${info.status}, ${info.limits.map((l) => `${l.currentUsage}/${l.maxAllowed}`)}`
      )
      await report.step(
        "the customer's approval reaches every UI",
        async () => {
          await sim.customer.replyToPermissionRequest(psid, 'approve')
          return withTimeout(granted, WAIT_MS.ring, 'the callPermission event')
        },
        (change) => change.status
      )
    }

    const desk = ctx.newDesk({ audio: { mode: 'tone', frequency: DESK_HZ } })
    desk.followMediaOffers(ctx.core)
    const dialed = sim.customer.nextDial()
    const { callId } = await report.step(
      'the desk places the call with its offer',
      () => withTimeout(desk.dial(api, psid), WAIT_MS.answer, 'placeCall'),
      (result) => `call ${result.callId.slice(0, 12)}…, answer applied`
    )
    await report.step(
      "the customer's phone rings (call_status ringing)",
      () =>
        watch.until(
          callId,
          (call) => call.state === 'answering' && call.customerRingingAt !== undefined,
          WAIT_MS.ring,
          'the customer ringing'
        ),
      describeCall
    )
    await report.step('the customer picks up', async () => {
      const dial = await withTimeout(dialed, WAIT_MS.ring, 'the dialed call')
      return sim.customer.pickUp(dial.callId)
    })
    await report.step(
      'the core shows the call connected (call_status accepted)',
      () => watch.untilState(callId, 'connected', WAIT_MS.ring),
      describeCall
    )
    await measureAudio(ctx, desk, callId, { caller: CALLER_HZ, desk: DESK_HZ })
    await report.step('the desk hangs up through the service API', () => desk.hangUp(api))
    await expectEnded(ctx, callId, 'completed', 'we-hung-up')
    await expectHistory(ctx, callId, 'completed', 'we-hung-up')
    const record = (await api.listHistory({ limit: 20 })).find((r) => r.callId === callId)
    report.equal('history shows the call as outbound', record?.direction, 'outbound')
  }
}
