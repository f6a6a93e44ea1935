/**
 * A test call rings only the desk that started it (issue 13, item 7): the call carries its desk
 * (`testDesk`), the service tells only that desk's clients of it, and no other desk can act on it.
 * The owner's windows (main window, toast, tray) are one desk and all ring.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EventMessage } from '../../../../src/shared/api'
import type { Call } from '../../../../src/shared/calls'
import { defaultSettings } from '../../../../src/shared/settings'
import { CallRegistry } from '../../../../src/main/core/calls'
import { eventFor } from '../../../../src/main/core/service/client-views'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'
import { connect } from '../calls/fixtures'
import { startCoreWithTestLine, type CoreUnderTest } from '../support/test-line-core'
import { quietServiceDeps } from './service-fixtures'

function client(id: string, extra: Partial<ClientHandle> = {}) {
  const received: EventMessage[] = []
  const handle: ClientHandle = { id, ...extra, send: (message) => received.push(message) }
  const callIds = (): string[] => [
    ...new Set(received.flatMap((m) => (m.event === 'callUpdated' ? [m.payload.id] : [])))
  ]
  return { handle, received, callIds }
}

function desks() {
  return {
    main: client('main-window'),
    toast: client('toast', { role: 'owner' }),
    front: client('seat-front', { role: 'seat', deskName: 'Front desk' }),
    back: client('seat-back', { role: 'seat', deskName: 'Back desk' })
  }
}

describe('a test call at the service', () => {
  it('is told only to the desk that started it; a real call to every desk', async () => {
    const registry = new CallRegistry({ ringTimeoutMs: 50_000 })
    const service = new SoftphoneService(quietServiceDeps(registry))
    const all = desks()
    for (const { handle } of Object.values(all)) service.attach(handle)

    registry.handleEvent(connect('t_front'), 'page-1', undefined, {
      test: true,
      testDesk: 'seat:Front desk'
    })
    registry.handleEvent(connect('t_hub', { from: 'psid-2' }), 'page-1', undefined, {
      test: true,
      testDesk: 'owner'
    })
    registry.handleEvent(connect('c_real', { from: 'psid-3' }), 'page-1')

    expect(all.front.callIds()).toEqual(['t_front', 'c_real'])
    expect(all.back.callIds()).toEqual(['c_real'])
    // The owner's windows are one desk: each of them rings for the hub's own test call.
    expect(all.main.callIds()).toEqual(['t_hub', 'c_real'])
    expect(all.toast.callIds()).toEqual(['t_hub', 'c_real'])

    const hello = (await service.dispatch('hello', {}, all.back.handle)) as { calls: Call[] }
    expect(hello.calls.map((call) => call.id)).toEqual(['c_real'])
    await expect(
      service.dispatch('accept', { callId: 't_front', sdp: 'v=0' }, all.back.handle)
    ).rejects.toMatchObject({ code: 'not-found' })
    await expect(
      service.dispatch('decline', { callId: 't_front' }, all.main.handle)
    ).rejects.toMatchObject({ code: 'not-found' })
    await service.dispatch('accept', { callId: 't_front', sdp: 'v=0' }, all.front.handle)
    expect(registry.get('t_front')).toMatchObject({
      state: 'connected',
      answeredByDesk: 'Front desk'
    })
    service.dispose()
  })

  it('keeps Meta’s later offers for it on its desk too', () => {
    const call = { id: 't_1', testDesk: 'seat:Front desk' } as Call
    const offer: EventMessage = {
      event: 'mediaOffer',
      payload: { callId: 't_1', version: 2, sdp: 'v=0' }
    }
    const callOf = (id: string) => (id === 't_1' ? call : undefined)
    expect(eventFor(offer, desks().front.handle, callOf, defaultSettings(), () => 0)).toBe(offer)
    expect(eventFor(offer, desks().main.handle, callOf, defaultSettings(), () => 0)).toBeUndefined()
  })
})

describe('a test call through the core', () => {
  let running: CoreUnderTest | undefined
  afterEach(async () => {
    await running?.close()
    running = undefined
  })

  it('started by a seat rings that seat only, through the real test line', async () => {
    running = await startCoreWithTestLine()
    const { service } = running.core
    const all = desks()
    for (const { handle } of Object.values(all)) service.attach(handle)

    const { callId } = (await service.dispatch('startTestCall', {}, all.front.handle)) as {
      callId: string
    }
    await vi.waitFor(() => expect(all.front.callIds()).toEqual([callId]))
    expect(running.core.registry.get(callId)).toMatchObject({
      test: true,
      testDesk: 'seat:Front desk'
    })
    expect([all.main, all.toast, all.back].map((c) => c.callIds())).toEqual([[], [], []])
  })

  it('started from the tray rings every window of this desk', async () => {
    running = await startCoreWithTestLine()
    const { service } = running.core
    const all = desks()
    for (const { handle } of Object.values(all)) service.attach(handle)

    const tray = { id: 'tray', send: () => undefined }
    const { callId } = (await service.dispatch('startTestCall', {}, tray)) as { callId: string }
    await vi.waitFor(() => expect(all.toast.callIds()).toEqual([callId]))
    expect(all.main.callIds()).toEqual([callId])
    expect([all.front, all.back].map((c) => c.callIds())).toEqual([[], []])
  })
})
