/**
 * The short road: customers' calls reach the registry without passing through call-back; only
 * what may be an outbound call's goes to the dialer, and call-back may be absent altogether.
 */
import { describe, expect, it, vi } from 'vitest'
import { OutboundDialer } from '../../../../src/main/core/callback'
import {
  CallRegistry,
  routeWebhookEvents,
  type CallBackRoute,
  type WebhookRoutes
} from '../../../../src/main/core/calls'
import type { ConnectResult } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { CallEvent, type WebhookEvent } from '../../../../src/shared/webhook'

const PAGE = 'page-1'
const PSID = 'psid-1'
const AT = 1_700_000_000_000
const now = (): number => Date.now() / 1000

const call = (
  fields: Record<string, unknown>,
  pageId: string | undefined = PAGE
): WebhookEvent => ({
  kind: 'call',
  pageId,
  event: CallEvent.parse(fields)
})
const consumerConnect = (id: string, pageId = PAGE) =>
  call({ event: 'connect', id, from: 'psid-9', to: PAGE, timestamp: now() }, pageId)
const businessConnect = (id: string) =>
  call({
    event: 'connect',
    id,
    from: PAGE,
    to: PSID,
    timestamp: now(),
    call_direction: 'business_initiated'
  })
const callStatus = (id?: string) =>
  call({ event: 'call_status', ...(id ? { id } : {}), recipient_id: PSID, call_status: 'ringing' })
const terminate = (id: string) =>
  call({ event: 'terminate', id, timestamp: now(), status: 'Completed' })
const reply = (pageId = PAGE): WebhookEvent => ({
  kind: 'call_permission_reply',
  pageId,
  psid: PSID,
  approved: true,
  expiresAt: undefined,
  timestamp: undefined
})

function fakes(options: { inFlight?: boolean; disowned?: string[]; known?: string[] } = {}) {
  const registry = {
    handleEvent: vi.fn(),
    get: vi.fn((id: string) =>
      options.known?.includes(id) ? ({ id } as ReturnType<CallRegistry['get']>) : undefined
    )
  }
  const outbound = {
    handleEvent: vi.fn(),
    placementInFlight: vi.fn(() => options.inFlight ?? false),
    disowns: vi.fn((id: string) => options.disowned?.includes(id) ?? false)
  }
  const callBack = { outbound, handlePermissionReply: vi.fn() } satisfies CallBackRoute
  const logger = memoryLogger()
  const routes: WebhookRoutes = { registry, callBack, pageId: () => PAGE, logger }
  const route = (...events: WebhookEvent[]) => routeWebhookEvents(events, AT, routes)
  return { registry, outbound, callBack, logger, routes, route }
}

describe('routeWebhookEvents', () => {
  it("sends a customer's connect straight to the registry, without touching the dialer", () => {
    const { registry, outbound, route } = fakes({ inFlight: true })
    const event = consumerConnect('c1')
    route(event)
    expect(registry.handleEvent).toHaveBeenCalledWith(
      event.kind === 'call' && event.event,
      PAGE,
      AT
    )
    expect(outbound.handleEvent).not.toHaveBeenCalled()
  })

  it('sends business-initiated connects and call_status to the dialer', () => {
    const { registry, outbound, route } = fakes()
    route(businessConnect('o1'), callStatus('o1'), callStatus())
    expect(outbound.handleEvent).toHaveBeenCalledTimes(3)
    expect(registry.handleEvent).not.toHaveBeenCalled()
  })

  it('sends events for unknown ids to the dialer while a placement is in flight, not after', () => {
    const during = fakes({ inFlight: true, known: ['c1'] })
    during.route(terminate('x1'), terminate('c1'))
    expect(during.outbound.handleEvent).toHaveBeenCalledTimes(1)
    expect(during.outbound.handleEvent.mock.calls[0]?.[0]).toMatchObject({ id: 'x1' })
    expect(during.registry.handleEvent).toHaveBeenCalledTimes(1)
    expect(during.registry.handleEvent.mock.calls[0]?.[0]).toMatchObject({ id: 'c1' })

    const after = fakes({ inFlight: false })
    after.route(terminate('x1'))
    expect(after.outbound.handleEvent).not.toHaveBeenCalled()
    expect(after.registry.handleEvent).toHaveBeenCalledTimes(1)
  })

  it('lets the dialer drop the events of an outbound call placed elsewhere', () => {
    const { registry, outbound, route } = fakes({ disowned: ['o9'] })
    route(terminate('o9'))
    expect(outbound.handleEvent).toHaveBeenCalledTimes(1)
    expect(registry.handleEvent).not.toHaveBeenCalled()
  })

  it('ignores, and logs, events for another Page', () => {
    const { registry, outbound, callBack, logger, route } = fakes()
    route(consumerConnect('c1', 'page-2'), businessConnect('o1'), reply('page-2'))
    expect(registry.handleEvent).not.toHaveBeenCalled()
    expect(outbound.handleEvent).toHaveBeenCalledTimes(1)
    expect(callBack.handlePermissionReply).not.toHaveBeenCalled()
    const warned = logger.entries.filter((e) => e.message === 'ignored an event for another Page')
    expect(warned).toHaveLength(2)
  })

  it('fills in the connected Page for an event without one', () => {
    const { registry, route } = fakes()
    route(
      call({ event: 'connect', id: 'c1', from: 'psid-9', to: PAGE, timestamp: now() }, undefined)
    )
    expect(registry.handleEvent).toHaveBeenCalledWith(expect.anything(), PAGE, AT)
  })

  it('hands permission replies to call-back', () => {
    const { registry, callBack, route } = fakes()
    const answer = reply()
    route(answer)
    expect(callBack.handlePermissionReply).toHaveBeenCalledWith(answer)
    expect(registry.handleEvent).not.toHaveBeenCalled()
  })

  it('works without call-back: every call event goes to the registry, replies are dropped', () => {
    const { registry, logger } = fakes()
    const routes: WebhookRoutes = { registry, pageId: () => PAGE, logger }
    routeWebhookEvents(
      [consumerConnect('c1'), businessConnect('o1'), callStatus('o1'), reply()],
      AT,
      routes
    )
    expect(registry.handleEvent).toHaveBeenCalledTimes(3)
  })

  it('with the real dialer, an early outbound terminate waits for the POST and ends its call', async () => {
    const registry = new CallRegistry({ ringTimeoutMs: 50_000 })
    let answer: ((result: ConnectResult) => void) | undefined
    const dialer = new OutboundDialer({
      registry,
      connect: () => new Promise<ConnectResult>((resolve) => (answer = resolve)),
      terminate: async () => undefined,
      logger: memoryLogger()
    })
    const routes: WebhookRoutes = {
      registry,
      callBack: { outbound: dialer, handlePermissionReply: () => undefined },
      pageId: () => PAGE,
      logger: memoryLogger()
    }
    const placed = dialer.place({ psid: PSID, pageId: PAGE, clientId: 'ui-1', offerSdp: 'v=0' })
    routeWebhookEvents([consumerConnect('c1'), terminate('o1')], AT, routes)
    expect(registry.get('c1')?.state).toBe('ringing')
    answer?.({ callId: 'o1', answer: 'v=0 answer' })
    await placed
    expect(registry.get('o1')?.state).toBe('ended')
  })
})
