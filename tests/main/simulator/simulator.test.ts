/**
 * The simulator on its own, against a tiny webhook collector that checks signatures itself:
 * every call it places is announced with a signed connect, and every ending in the fake Graph
 * (caller, ring limit, business) is followed by a signed terminate with Meta's fields.
 */
import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  FIRST_PSID,
  SECOND_PSID,
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../../src/main/simulator/simulator'
import { DeliveryEnvelope, unpackDelivery, type CallEvent } from '../../../src/shared/webhook'

const CREDENTIALS = {
  pageId: '106378625516323',
  pageAccessToken: 'EAASimulatorTestToken0123456789',
  appId: '987654321012345',
  appSecret: 'simulator-test-secret'
}

interface Collector {
  url: string
  events: CallEvent[]
  badSignatures: number
  status: number
}

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()))
})

async function collector(): Promise<Collector> {
  const state: Collector = { url: '', events: [], badSignatures: 0, status: 200 }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const expected = `sha256=${createHmac('sha256', CREDENTIALS.appSecret).update(body).digest('hex')}`
      if (req.headers['x-hub-signature-256'] !== expected) state.badSignatures++
      for (const item of unpackDelivery(DeliveryEnvelope.parse(JSON.parse(body.toString())))
        .events) {
        if (item.kind === 'call') state.events.push(item.event)
      }
      res.writeHead(state.status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  open.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) })
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
  return state
}

async function simulator(overrides: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const sim = await startSimulator({ ...CREDENTIALS, ...overrides })
  open.push(sim)
  return sim
}

describe('startSimulator', () => {
  it('rings in the fake Graph and delivers a signed connect with the call timestamp', async () => {
    const hook = await collector()
    const sim = await simulator({ webhookUrl: hook.url })
    const timestamp = Math.floor(Date.now() / 1000) - 7
    const callId = await sim.placeCall({ psid: SECOND_PSID, timestamp })
    expect(sim.graph.calls.get(callId)).toMatchObject({ state: 'ringing', psid: SECOND_PSID })
    expect(hook.events).toEqual([
      expect.objectContaining({ event: 'connect', id: callId, from: SECOND_PSID, timestamp })
    ])
    expect(hook.badSignatures).toBe(0)
    expect(sim.graphUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('follows a caller hang-up with a signed terminate', async () => {
    const hook = await collector()
    const sim = await simulator({ webhookUrl: hook.url })
    const callId = await sim.placeCall()
    const ending = await sim.hangUpAsCaller(callId)
    expect(ending).toMatchObject({ callId, by: 'user', webhookStatuses: [200] })
    expect(hook.events.at(-1)).toMatchObject({
      event: 'terminate',
      id: callId,
      status: 'Completed',
      duration: 0
    })
    expect(hook.badSignatures).toBe(0)
    await expect(sim.whenEnded(callId)).resolves.toBe(ending)
  })

  it("ends an unanswered call at Meta's ring limit, counted from its timestamp", async () => {
    const hook = await collector()
    const sim = await simulator({ webhookUrl: hook.url, metaRingLimitMs: 60_000 })
    // Pressed 59.7 s ago: Meta gives up within a second.
    const callId = sim.ring({ timestamp: Math.floor((Date.now() - 59_700) / 1000) })
    const ending = await sim.whenEnded(callId)
    expect(ending.by).toBe('timeout')
    expect(sim.graph.calls.get(callId)?.state).toBe('terminated')
    expect(hook.events).toEqual([expect.objectContaining({ event: 'terminate', id: callId })])
  })

  it('ends a ringing call on demand as the ring limit would', async () => {
    const hook = await collector()
    const sim = await simulator({ webhookUrl: hook.url })
    const callId = await sim.placeCall({ psid: FIRST_PSID })
    await expect(sim.expireRing(callId)).resolves.toMatchObject({ by: 'timeout' })
    expect(() => sim.expireRing(callId)).toThrow(/not ringing/)
  })

  it('says so when the core refuses or is not there', async () => {
    const hook = await collector()
    hook.status = 401
    const sim = await simulator({ webhookUrl: hook.url })
    await expect(sim.placeCall()).rejects.toThrow(/HTTP 401.*same app secret/)

    const unset = await simulator()
    await expect(unset.placeCall()).rejects.toThrow(/webhook URL/)
    unset.setWebhookUrl('http://127.0.0.1:9/webhook')
    await expect(unset.placeCall()).rejects.toThrow(/did not answer/)
  })

  it('expires and restores the Page token in the fake Graph', async () => {
    const sim = await simulator()
    const profile = () =>
      fetch(`${sim.graphUrl}/v26.0/${FIRST_PSID}?fields=first_name`, {
        headers: { authorization: `Bearer ${CREDENTIALS.pageAccessToken}` }
      }).then((response) => response.status)
    expect(await profile()).toBe(200)
    sim.expireToken()
    expect(await profile()).toBe(401)
    sim.restoreToken()
    expect(await profile()).toBe(200)
  })
})
