/**
 * Which desks ring (issue 13, item 7): the hub's own windows follow "Ring on this desk", and the
 * owner may leave seats out of the ringing desks. A desk that does not ring still sees the call,
 * silenced for it alone, and may answer it; the other desks ring on.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { Call } from '../../../../src/shared/calls'
import type { EventMessage } from '../../../../src/shared/api'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import { CallRegistry } from '../../../../src/main/core/calls'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'
import { connect } from '../calls/fixtures'
import { quietServiceDeps } from './service-fixtures'

function client(id: string, extra: Partial<ClientHandle> = {}) {
  const received: EventMessage[] = []
  const handle: ClientHandle = { id, ...extra, send: (message) => received.push(message) }
  /** The call as this client was last told of it. */
  const last = (callId: string): Call | undefined =>
    received
      .flatMap((message) => (message.event === 'callUpdated' ? [message.payload] : []))
      .filter((call) => call.id === callId)
      .at(-1)
  return { handle, received, last }
}

let registry: CallRegistry
let settings: Settings
let service: SoftphoneService
let listeners: ((settings: Settings) => void)[]

function change(next: Settings): void {
  settings = next
  for (const listener of listeners) listener(next)
}

beforeEach(() => {
  registry = new CallRegistry({ ringTimeoutMs: 50_000 })
  settings = defaultSettings()
  listeners = []
  service = new SoftphoneService(
    quietServiceDeps(registry, {
      settings: {
        get: () => settings,
        update: async () => settings,
        onChange: (listener) => {
          listeners.push(listener)
          return () => undefined
        }
      }
    })
  )
})

const seatA = () => client('seat-a', { role: 'seat', deskName: 'Front desk' })
const seatB = () => client('seat-b', { role: 'seat', deskName: 'Back office' })

describe('which desks ring', () => {
  it('every desk rings by default', async () => {
    const [a, b, owner] = [seatA(), seatB(), client('main-window')]
    for (const c of [a, b, owner]) service.attach(c.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    for (const c of [a, b, owner]) expect(c.last('c_1')).not.toHaveProperty('silenced')
  })

  it('a seat the owner left out sees the call silenced; the other seat rings', async () => {
    settings = { ...settings, seats: { ...settings.seats, silent: ['Back office'] } }
    const [a, b, owner] = [seatA(), seatB(), client('main-window')]
    for (const c of [a, b, owner]) service.attach(c.handle)
    registry.handleEvent(connect('c_1'), 'page-1')

    expect(a.last('c_1')).toMatchObject({ state: 'ringing' })
    expect(a.last('c_1')).not.toHaveProperty('silenced')
    expect(b.last('c_1')).toMatchObject({ state: 'ringing', silenced: true })
    expect(owner.last('c_1')).not.toHaveProperty('silenced')
    // Listing (and hello) shows it the same way, and the call itself still rings.
    expect(await service.dispatch('listCalls', {}, b.handle)).toEqual([
      expect.objectContaining({ id: 'c_1', silenced: true })
    ])
    expect(await service.dispatch('listCalls', {}, a.handle)).toEqual([
      expect.not.objectContaining({ silenced: true })
    ])
    expect(registry.get('c_1')).not.toHaveProperty('silenced')
  })

  it('a silent seat can still answer from the list', async () => {
    settings = { ...settings, seats: { ...settings.seats, silent: ['Back office'] } }
    const [a, b] = [seatA(), seatB()]
    for (const c of [a, b]) service.attach(c.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0 offer' }, b.handle)
    expect(registry.get('c_1')).toMatchObject({ state: 'connected', answeredByDesk: 'Back office' })
    expect(a.last('c_1')).toMatchObject({ state: 'connected', answeredByDesk: 'Back office' })
  })

  it("the hub's own windows follow Ring on this desk; seats ring on", async () => {
    settings = { ...settings, desk: { ...settings.desk, ringHere: false } }
    const [a, owner] = [seatA(), client('main-window')]
    for (const c of [a, owner]) service.attach(c.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    expect(owner.last('c_1')).toMatchObject({ state: 'ringing', silenced: true })
    expect(a.last('c_1')).not.toHaveProperty('silenced')
  })

  it('a change while a call rings tells each desk the call as it now sees it', async () => {
    const [a, b] = [seatA(), seatB()]
    for (const c of [a, b]) service.attach(c.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    change({ ...settings, seats: { ...settings.seats, silent: ['Front desk'] } })
    expect(a.last('c_1')).toMatchObject({ silenced: true })
    expect(b.last('c_1')).not.toHaveProperty('silenced')

    change({ ...settings, seats: { ...settings.seats, silent: [] } })
    expect(a.last('c_1')).not.toHaveProperty('silenced')
  })

  it('a change to other settings does not tell the calls again', async () => {
    const a = seatA()
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    const before = a.received.length
    change({ ...settings, theme: 'dark' })
    expect(a.received.length).toBe(before)
  })
})
