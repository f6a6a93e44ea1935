import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import { deliverEndings } from '../../../src/main/simulator/meta-endings'
import type { EndSummary, FakeGraph, WebhookSender } from '../../../src/main/simulator/platform'

const SUMMARY: EndSummary = { status: 'Completed', start_time: 100, end_time: 130, duration: 25 }

function setup(statuses: number[]) {
  const events = new EventEmitter()
  const graph: Pick<FakeGraph, 'on'> = { on: (event, listener) => void events.on(event, listener) }
  const delivered: unknown[] = []
  const sender: Pick<WebhookSender, 'deliver' | 'terminateDelivery'> = {
    terminateDelivery: (params) => ({ terminate: params }) as never,
    deliver: async (payload) => {
      delivered.push(payload)
      return statuses
    }
  }
  const ended: string[] = []
  const tracked: Promise<unknown>[] = []
  const whenEnded = deliverEndings({
    graph,
    sender,
    onEnded: (callId) => ended.push(callId),
    track: (work) => {
      tracked.push(work)
      return work
    },
    log: memoryLogger()
  })
  const terminate = (callId: string): boolean =>
    events.emit('terminated', { callId, by: 'caller', summary: SUMMARY })
  return { whenEnded, terminate, delivered, ended, tracked }
}

describe('deliverEndings', () => {
  it("sends each ending as a terminate webhook and then knows the call's end", async () => {
    const { whenEnded, terminate, delivered, ended, tracked } = setup([200])
    const ending = whenEnded('c_1')
    terminate('c_1')
    expect(ended).toEqual(['c_1'])
    expect(tracked).toHaveLength(1)
    await expect(ending).resolves.toEqual({
      callId: 'c_1',
      by: 'caller',
      summary: SUMMARY,
      webhookStatuses: [200]
    })
    expect(delivered).toEqual([{ terminate: { callId: 'c_1', ...SUMMARY } }])
  })

  it('answers for a call that already ended, and with the same ending each time', async () => {
    const { whenEnded, terminate } = setup([0, 500])
    terminate('c_2')
    const first = await whenEnded('c_2')
    expect(first.webhookStatuses).toEqual([0, 500])
    expect(await whenEnded('c_2')).toBe(first)
  })
})
