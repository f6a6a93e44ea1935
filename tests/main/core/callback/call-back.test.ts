import { afterEach, describe, expect, it } from 'vitest'
import { CallBack, type CallBackGraph } from '../../../../src/main/core/callback'
import { CallRegistry } from '../../../../src/main/core/calls'
import { GraphError } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import type { CallPermissionChange } from '../../../../src/shared/callback'
import { CallPermissions } from '../../../../src/shared/graph'

const PSID = 'psid-1'
const nowSeconds = (): number => Math.floor(Date.now() / 1000)

/** Graph for the call back, keeping Meta's books: two requests a day, a grant lasts 7 days. */
function fakeGraph() {
  const asked: string[] = []
  const state = { granted: false, requests: 0, connectError: undefined as unknown }
  const graph: CallBackGraph = {
    async getCallPermissions(psid) {
      asked.push(`permissions ${psid}`)
      return CallPermissions.parse({
        permission: state.granted
          ? { status: 'has_permission', expiration_time: nowSeconds() + 7 * 86400 }
          : { status: 'no_permission' },
        actions: [
          {
            action_name: 'send_call_permission_request',
            can_perform: !state.granted && state.requests < 2,
            limits: [{ time_period: 'PT24H', max_allowed: 2, current_usage: state.requests }]
          },
          { action_name: 'start_call', can_perform: state.granted }
        ]
      })
    },
    async sendCallPermissionRequest(psid) {
      asked.push(`optin ${psid}`)
      state.requests++
      return { recipient_id: psid, message_id: 'm_1' }
    },
    async connectCall(psid) {
      asked.push(`connect ${psid}`)
      if (state.connectError) throw state.connectError
      return { callId: 'o1', answer: 'v=0 answer', renegotiation: 'v=0 reoffer' }
    },
    async terminateCall(callId) {
      asked.push(`terminate ${callId}`)
    }
  }
  return { graph, asked, state }
}

let callBack: CallBack | undefined
afterEach(() => callBack?.dispose())

function setup({ noPage = false } = {}) {
  const pageId = noPage ? undefined : 'page-1'
  const registry = new CallRegistry()
  const fake = fakeGraph()
  const changes: CallPermissionChange[] = []
  callBack = new CallBack({
    graph: fake.graph,
    registry,
    pageId: () => pageId,
    names: { lookup: async () => ({ name: 'Ada Lovelace' }) },
    logger: memoryLogger()
  })
  callBack.on('permission', (change) => changes.push(change))
  return { callBack, registry, changes, ...fake }
}

describe('CallBack', () => {
  it('checks: no permission yet, two requests left, in words', async () => {
    const { callBack } = setup()
    await expect(callBack.check(PSID)).resolves.toMatchObject({
      status: 'no_permission',
      canRequest: true,
      canCall: false,
      summary: expect.stringMatching(/^Ada Lovelace has not allowed calls from your Page/)
    })
  })

  it('asks: sends calling_optin once, remembers it as pending and tells every UI', async () => {
    const { callBack, asked, changes } = setup()
    const info = await callBack.request(PSID)
    expect(asked.filter((a) => a.startsWith('optin'))).toEqual([`optin ${PSID}`])
    expect(info).toMatchObject({
      status: 'pending',
      canRequest: true,
      limits: [expect.objectContaining({ currentUsage: 1, maxAllowed: 2 })]
    })
    expect(changes).toEqual([{ psid: PSID, status: 'pending' }])
    await expect(callBack.check(PSID)).resolves.toMatchObject({ status: 'pending' })
  })

  it('refuses a request past the limit with a sentence, without asking Meta', async () => {
    const { callBack, asked, state } = setup()
    state.requests = 2
    await expect(callBack.request(PSID)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^No requests left/)
    })
    expect(asked.some((a) => a.startsWith('optin'))).toBe(false)
  })

  it('does not ask someone who already allows calls', async () => {
    const { callBack, asked, state } = setup()
    state.granted = true
    await expect(callBack.request(PSID)).resolves.toMatchObject({ status: 'has_permission' })
    expect(asked.some((a) => a.startsWith('optin'))).toBe(false)
  })

  it('turns call_permission_reply into a permission event, approve and reject', async () => {
    const { callBack, changes, state } = setup()
    await callBack.request(PSID)
    const expiry = nowSeconds() + 604_800
    state.granted = true
    callBack.handlePermissionReply({ psid: PSID, approved: true, expiresAt: expiry })
    expect(changes.at(-1)).toEqual({
      psid: PSID,
      status: 'has_permission',
      expiresAt: expiry * 1000
    })
    await expect(callBack.check(PSID)).resolves.toMatchObject({ canCall: true })

    state.granted = false
    callBack.handlePermissionReply({ psid: PSID, approved: false, expiresAt: undefined })
    expect(changes.at(-1)).toEqual({ psid: PSID, status: 'rejected', expiresAt: undefined })
    await expect(callBack.check(PSID)).resolves.toMatchObject({
      status: 'rejected',
      summary: 'Ada Lovelace declined calls from your Page.'
    })
  })

  it('places the call: Graph connect, Meta answer back, the call registered for the client', async () => {
    const { callBack, registry } = setup()
    await expect(callBack.place(PSID, 'v=0 offer', 'desk-a')).resolves.toEqual({
      callId: 'o1',
      answer: 'v=0 answer',
      renegotiation: 'v=0 reoffer'
    })
    expect(registry.get('o1')).toMatchObject({
      state: 'answering',
      direction: 'outbound',
      answeredBy: 'desk-a',
      pageId: 'page-1'
    })
  })

  it("explains Meta's refusals of the call in this flow's words", async () => {
    const { callBack, registry, state } = setup()
    state.connectError = new GraphError({
      kind: 'permission',
      code: 10,
      message: '(#10) This person has not given the Page permission to call them'
    })
    await expect(callBack.place(PSID, 'v=0 offer', 'desk-a')).rejects.toMatchObject({
      code: 'conflict',
      message:
        'Ada Lovelace has not allowed calls from your Page, or the permission has run out. Ask for permission again.'
    })
    state.connectError = new GraphError({
      kind: 'unknown-call',
      code: 100,
      subcode: 2018001,
      message: '(#100) No matching user found'
    })
    await expect(callBack.place(PSID, 'v=0 offer', 'desk-a')).rejects.toMatchObject({
      message: expect.stringMatching(/^Facebook no longer knows Ada Lovelace for your Page/)
    })
    state.connectError = new GraphError({ kind: 'token-expired', code: 190, message: 'expired' })
    await expect(callBack.place(PSID, 'v=0 offer', 'desk-a')).rejects.toMatchObject({
      message: expect.stringMatching(/Reconnect the Page/)
    })
    expect(registry.list()).toEqual([])
  })

  it('says what to do when no Page is connected', async () => {
    const { callBack, asked } = setup({ noPage: true })
    await expect(callBack.check(PSID)).rejects.toMatchObject({
      code: 'not-configured',
      message: 'Connect your Facebook Page in Page setup before calling customers back.'
    })
    expect(asked).toEqual([])
  })
})
