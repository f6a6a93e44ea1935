/**
 * Calling back against the real core: the webhook listener and Graph client on loopback, the
 * bridge, the simulator as Meta (permission required, as on Meta) and as the customer, a werift
 * desk placing the call through the service API. The `call-back` scenario reports its own checks;
 * these tests also look at what the fake Graph received, in what order.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { HeadlessClient } from '../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import { findScenario, formatReport, runScenario } from '../../../src/main/simulator/scenarios'
import { FIRST_PSID } from '../../../src/main/simulator/simulator'

let rig: InProcessRig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

/** The id the fake Graph gave the call it placed. */
const connectId = (r: InProcessRig): string | undefined =>
  r.sim.graph.calls.list().find((call) => call.direction === 'business_initiated')?.id

const graphSteps = (r: InProcessRig): string[] =>
  r.sim.graph.requests
    .filter((req) => /messenger_call_permissions|messages|calls$/.test(req.path))
    .map(
      (req) => `${req.method} ${req.path.split('/').at(-1)}${req.action ? ` ${req.action}` : ''}`
    )

describe('call back', () => {
  // Meta holds the connect reply: the call's ringing webhook reaches the core before its id.
  // Meta's own example of call_status has no id: the core matches it by the recipient then.
  it.each([
    ['with call ids', false],
    ['without call ids in call_status', true]
  ])('asks, is allowed, calls, is picked up, talks, hangs up (%s)', async (_label, withoutId) => {
    const HOLD_MS = 500
    rig = await startInProcessRig({
      callBack: {
        requireCallPermission: true,
        connectReplyDelayMs: HOLD_MS,
        customer: { callStatusWithoutId: withoutId }
      }
    })
    const scenario = findScenario('call-back')
    expect(scenario).toBeDefined()
    const report = await runScenario(scenario!, rig.env)
    expect(report.passed, formatReport(report).join('\n')).toBe(true)

    expect(graphSteps(rig)).toEqual([
      'GET messenger_call_permissions',
      'GET messenger_call_permissions',
      'POST messages',
      'GET messenger_call_permissions',
      'POST calls connect',
      'POST calls terminate'
    ])
    const connect = rig.sim.graph.requests.find((req) => req.action === 'connect')
    const ringing = rig.sim.sender.log.find((attempt) => attempt.body.includes('"ringing"'))
    expect(ringing?.status).toBe(200)
    expect(ringing?.body.includes(`"id":"${connectId(rig)}"`)).toBe(!withoutId)
    expect(ringing!.at).toBeLessThan(connect!.at + HOLD_MS)
    const optin = rig.sim.graph.messages.at(-1)
    expect(optin?.psid).toBe(FIRST_PSID)
    expect(JSON.stringify(optin?.message)).toContain('calling_optin')
    const history = await rig.client.api.listHistory({ limit: 5 })
    expect(history[0]).toMatchObject({
      direction: 'outbound',
      outcome: 'completed',
      caller: { psid: FIRST_PSID, name: 'Ada Lovelace' }
    })
  })

  it('refuses a third request in a day with a sentence, and never sends it', async () => {
    rig = await startInProcessRig({ callBack: { requireCallPermission: true } })
    const { api } = rig.client
    await api.requestCallPermission({ psid: FIRST_PSID })
    const second = await api.requestCallPermission({ psid: FIRST_PSID })
    expect(second).toMatchObject({ status: 'pending', canRequest: false })
    expect(second.requestBlocked).toMatch(/^No requests left: you can ask again /)
    await expect(api.requestCallPermission({ psid: FIRST_PSID })).rejects.toThrow(
      /^No requests left: you can ask again /
    )
    expect(rig.sim.graph.messages).toHaveLength(2)
  })

  it('explains a call without permission in words', async () => {
    rig = await startInProcessRig({ callBack: { requireCallPermission: true } })
    const phone = new HeadlessClient()
    try {
      await expect(phone.dial(rig.client.api, FIRST_PSID)).rejects.toThrow(
        'Ada Lovelace has not allowed calls from your Page, or the permission has run out. Ask for permission again.'
      )
    } finally {
      await phone.close()
    }
    expect(await rig.client.api.listCalls({})).toEqual([])
  })
})
