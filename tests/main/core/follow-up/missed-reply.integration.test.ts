/**
 * The missed-call reply and the call button against the real core and the simulator as Meta:
 * each Send API request as the fake Graph received (and checked) it, and Meta's refusal recorded
 * with the call in history.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryRecord } from '../../../../src/shared/calls'
import type { ReplyExtra } from '../../../../src/shared/missed-reply'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { FIRST_PSID, SECOND_PSID } from '../../../../src/main/simulator/simulator'

let rig: InProcessRig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

async function start(extra: ReplyExtra): Promise<InProcessRig> {
  rig = await startInProcessRig({ ringTimeoutMs: 1_000 })
  await rig.client.api.updateSettings({
    missedCallReply: { enabled: true, text: 'Hi {first_name}, call us back!', extra },
    desk: { language: 'en' }
  })
  return rig
}

/** A customer calls and hangs up before anyone answers; resolves with the call's history line once its reply is recorded. */
async function missedCall(r: InProcessRig, psid = FIRST_PSID): Promise<HistoryRecord> {
  const callId = await r.sim.placeCall({ psid })
  await r.sim.hangUpAsCaller(callId)
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    const record = (await r.client.api.listHistory({ limit: 10 })).find(
      (entry) => entry.callId === callId
    )
    if (record?.followUp?.reply) return record
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no reply recorded for ${callId}`)
}

const sends = (r: InProcessRig) =>
  r.sim.graph.requests.filter((req) => req.method === 'POST' && req.path.endsWith('/messages'))

describe('the missed-call reply against the simulator', () => {
  it('sends the text as a RESPONSE, once; a second missed call within 12 hours sends none', async () => {
    const r = await start('none')
    const first = await missedCall(r)
    expect(first.followUp).toMatchObject({
      reason: 'caller-hung-up',
      reply: { state: 'sent', extra: 'none' }
    })
    expect(r.sim.graph.messages).toHaveLength(1)
    expect(r.sim.graph.messages[0]).toMatchObject({
      psid: FIRST_PSID,
      messagingType: 'RESPONSE',
      message: { text: 'Hi Ada, call us back!' }
    })
    const second = await missedCall(r)
    expect(second.followUp?.reply).toMatchObject({ state: 'skipped', why: 'replied-recently' })
    expect(r.sim.graph.messages).toHaveLength(1)
  })

  it('sends the button template with the audio_call button', async () => {
    const r = await start('call-button')
    await missedCall(r)
    expect(r.sim.graph.messages[0]?.message).toEqual({
      attachment: {
        type: 'template',
        payload: {
          template_type: 'button',
          text: 'Hi Ada, call us back!',
          buttons: [{ type: 'audio_call', title: 'Call us', expires_in_days: 7 }]
        }
      }
    })
  })

  it('sends the text, then the calling_optin request', async () => {
    const r = await start('permission-request')
    const record = await missedCall(r)
    expect(record.followUp?.reply).toMatchObject({ state: 'sent', extra: 'permission-request' })
    expect(r.sim.graph.messages.map((sent) => JSON.stringify(sent.message))).toEqual([
      JSON.stringify({ text: 'Hi Ada, call us back!' }),
      JSON.stringify({
        attachment: { type: 'template', payload: { template_type: 'calling_optin' } }
      })
    ])
  })

  it("records Meta's refusal (outside the messaging window) with the call, and retries nothing", async () => {
    const r = await start('none')
    r.sim.graph.setMessagingWindow(SECOND_PSID, false)
    const record = await missedCall(r, SECOND_PSID)
    expect(record.followUp?.reply).toMatchObject({
      state: 'refused',
      words: 'outsideWindow',
      graphCode: 10
    })
    expect(sends(r)).toHaveLength(1)
    expect(sends(r)[0]?.status).toBe(400)
    expect(r.sim.graph.messages).toEqual([])
  })

  it('records a rate limit refusal (613) in words', async () => {
    const r = await start('call-button')
    r.sim.graph.failNext(
      { path: '/messages' },
      { code: 613, message: '(#613) Calls to this api have exceeded the rate limit.' }
    )
    const record = await missedCall(r)
    expect(record.followUp?.reply).toMatchObject({
      state: 'refused',
      words: 'rateLimited',
      graphCode: 613
    })
  })
})

describe('send a call button from history', () => {
  it('sends the button template, or says why Meta refused', async () => {
    rig = await startInProcessRig()
    const r = rig
    expect(await r.client.api.sendCallButton({ psid: FIRST_PSID })).toMatchObject({ state: 'sent' })
    const payload = (r.sim.graph.messages[0]?.message['attachment'] as { payload: unknown }).payload
    expect(payload).toMatchObject({
      template_type: 'button',
      buttons: [{ type: 'audio_call', expires_in_days: 7 }]
    })
    r.sim.graph.setMessagingWindow(FIRST_PSID, false)
    expect(await r.client.api.sendCallButton({ psid: FIRST_PSID })).toMatchObject({
      state: 'refused',
      words: 'outsideWindow',
      graphCode: 10
    })
  })
})
