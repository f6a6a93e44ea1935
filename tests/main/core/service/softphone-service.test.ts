import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AcceptResult, EventMessage } from '../../../../src/shared/api'
import type { Call, HistoryRecord } from '../../../../src/shared/calls'
import { CallRegistry } from '../../../../src/main/core/calls'
import { GraphError } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { ConfigError } from '../../../../src/main/core/config/errors'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import type { CallControl } from '../../../../src/main/core/service/ports'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'

const nowSeconds = (): number => Math.floor(Date.now() / 1000)

function connect(id: string, from = 'psid-1') {
  return {
    event: 'connect' as const,
    id,
    from,
    to: 'page-1',
    timestamp: nowSeconds(),
    call_direction: 'user_initiated' as const
  }
}

/** Graph as the service sees it, recording what was asked; failures are set per action. */
function fakeGraph() {
  const asked: string[] = []
  const failures = new Map<string, unknown>()
  let release: (() => void) | undefined
  const control: CallControl = {
    async accept(callId) {
      asked.push(`accept ${callId}`)
      if (release) await new Promise<void>((resolve) => (release = resolve))
      const failure = failures.get('accept')
      if (failure) throw failure
      return { answer: 'v=0 answer', renegotiation: 'v=0 offer' } satisfies AcceptResult
    },
    async reject(callId) {
      asked.push(`reject ${callId}`)
      const failure = failures.get('reject')
      if (failure) throw failure
    },
    async terminate(callId) {
      asked.push(`terminate ${callId}`)
      const failure = failures.get('terminate')
      if (failure) throw failure
    }
  }
  return {
    asked,
    failures,
    control,
    holdAccept: () => (release = () => undefined),
    releaseAccept: () => release?.()
  }
}

function client(id: string) {
  const received: EventMessage[] = []
  const handle: ClientHandle = { id, send: (message) => received.push(message) }
  const states = (callId: string): string[] =>
    received
      .filter(
        (m): m is Extract<EventMessage, { event: 'callUpdated' }> => m.event === 'callUpdated'
      )
      .filter((m) => m.payload.id === callId)
      .map((m) => m.payload.state)
  return { handle, received, states }
}

describe('SoftphoneService', () => {
  let registry: CallRegistry
  let graph: ReturnType<typeof fakeGraph>
  let history: HistoryRecord[]
  let service: SoftphoneService
  let lookups: string[]
  let settings: Settings
  const settingsListeners: ((settings: Settings) => void)[] = []

  beforeEach(() => {
    registry = new CallRegistry({ ringTimeoutMs: 50_000 })
    graph = fakeGraph()
    history = []
    lookups = []
    settings = defaultSettings()
    settingsListeners.length = 0
    service = new SoftphoneService({
      registry,
      callControl: () => graph.control,
      history: {
        // Upsert by call id, as the real history store does.
        append: async (record) => {
          history = [...history.filter((r) => r.callId !== record.callId), record]
        },
        list: async () => [...history].reverse(),
        setQuality: async () => undefined,
        markMissedSeen: async () => undefined,
        unseenMissedCount: () => 0
      },
      profiles: {
        lookup: async (psid) => {
          lookups.push(psid)
          return { name: 'Ada Lovelace' }
        }
      },
      settings: {
        get: () => settings,
        update: async (patch) => {
          if (patch.theme === undefined) throw new ConfigError('Invalid setting "theme"')
          settings = { ...settings, theme: patch.theme ?? 'system' }
          for (const listener of settingsListeners) listener(settings)
          return settings
        },
        onChange: (listener) => {
          settingsListeners.push(listener)
          return () => undefined
        }
      },
      testCall: { start: async () => 'c_test' },
      status: () => ({
        page: { configured: true, pageId: 'page-1' },
        webhookUrl: null,
        publicUrl: null,
        tunnel: { state: 'off' },
        registration: { state: 'not-needed', reason: 'no-public-url' }
      }),
      logger: memoryLogger()
    })
  })

  afterEach(() => {
    service.dispose()
    registry.dispose()
  })

  it('rings every attached client and fills in the caller name when the profile arrives', async () => {
    const a = client('a')
    const b = client('b')
    service.attach(a.handle)
    service.attach(b.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    expect(a.states('c_1')).toEqual(['ringing'])
    expect(b.states('c_1')).toEqual(['ringing'])
    await expect.poll(() => (registry.get('c_1') as Call).caller.name).toBe('Ada Lovelace')
    expect(lookups).toEqual(['psid-1'])
  })

  it('answers a call: accept goes to Graph, the answer comes back, the call connects', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    const result = await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0 offer' }, a.handle)
    expect(result).toEqual({ answer: 'v=0 answer', renegotiation: 'v=0 offer' })
    expect(graph.asked).toEqual(['accept c_1'])
    expect(registry.get('c_1')?.state).toBe('connected')
    // Consecutive repeats are profile updates of the same state.
    const sequence = a.states('c_1').filter((state, i, all) => state !== all[i - 1])
    expect(sequence).toEqual(['ringing', 'answering', 'connected'])
  })

  it('lets the first client that answers win; the second is told which desk answered', async () => {
    settings = { ...settings, desk: { ...settings.desk, name: 'Front desk' } }
    const a = client('a')
    const b = client('b')
    service.attach(a.handle)
    service.attach(b.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    graph.holdAccept()
    const first = service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, a.handle)
    await expect(
      service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, b.handle)
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This call was already answered by Front desk.'
    })
    graph.releaseAccept()
    await first
    const call = registry.get('c_1')
    expect(call?.state).toBe('connected')
    expect(call && 'answeredBy' in call ? call.answeredBy : undefined).toBe('a')
    expect(graph.asked).toEqual(['accept c_1'])
  })

  it('ends the call as failed with Graph’s sentence when accept fails', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    graph.failures.set(
      'accept',
      new GraphError({
        kind: 'token-expired',
        message: 'Error validating access token',
        status: 400,
        code: 190
      })
    )
    await expect(
      service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, a.handle)
    ).rejects.toMatchObject({ code: 'graph', message: expect.stringMatching(/Reconnect/) })
    const ended = registry.get('c_1')
    expect(ended).toMatchObject({ state: 'ended', outcome: 'failed', reason: 'accept-failed' })
    await expect.poll(() => history.map((r) => r.outcome)).toEqual(['failed'])
  })

  it('sends a terminate when Graph never answered the accept, in case Meta took it', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    graph.failures.set(
      'accept',
      new GraphError({ kind: 'unavailable', message: 'timed out', timedOut: true })
    )
    await expect(
      service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, a.handle)
    ).rejects.toMatchObject({ code: 'graph' })
    await expect.poll(() => graph.asked).toEqual(['accept c_1', 'terminate c_1'])
    expect(registry.get('c_1')).toMatchObject({ state: 'ended', outcome: 'failed' })
  })

  it('sends no terminate when Graph refused the accept outright', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    graph.failures.set('accept', new GraphError({ kind: 'unknown-call', message: 'no such call' }))
    await expect(
      service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, a.handle)
    ).rejects.toMatchObject({ code: 'graph' })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(graph.asked).toEqual(['accept c_1'])
  })

  it('declines: every desk stops ringing at once, Graph is told, history says declined', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    await service.dispatch('decline', { callId: 'c_1' }, a.handle)
    expect(graph.asked).toEqual(['reject c_1'])
    expect(registry.get('c_1')).toMatchObject({ state: 'ended', outcome: 'declined' })
    await expect.poll(() => history.map((r) => r.outcome)).toEqual(['declined'])
    expect(a.received.some((m) => m.event === 'historyAdded')).toBe(true)
  })

  it('brings a history record up to date when details arrive after the end', async () => {
    // Meta's terminate beat its connect: the record starts without the caller.
    registry.handleEvent({ event: 'terminate', id: 'c_late', timestamp: nowSeconds() }, 'page-1')
    await expect.poll(() => history.find((r) => r.callId === 'c_late')?.outcome).toBe('missed')
    expect(history.find((r) => r.callId === 'c_late')?.caller.psid).toBe('')
    registry.handleEvent(connect('c_late', 'psid-7'), 'page-1')
    await expect.poll(() => history.find((r) => r.callId === 'c_late')?.caller.psid).toBe('psid-7')
    expect(history.filter((r) => r.callId === 'c_late')).toHaveLength(1)
  })

  it('hangs up: terminate goes to Graph and the call ends completed without waiting for Meta', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, a.handle)
    await service.dispatch('hangUp', { callId: 'c_1' }, a.handle)
    expect(graph.asked).toEqual(['accept c_1', 'terminate c_1'])
    expect(registry.get('c_1')).toMatchObject({
      state: 'ended',
      outcome: 'completed',
      reason: 'we-hung-up'
    })
  })

  it('reports a media failure: the call ends failed and Graph is told to terminate', async () => {
    const a = client('a')
    service.attach(a.handle)
    registry.handleEvent(connect('c_1'), 'page-1')
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, a.handle)
    await service.dispatch(
      'reportMediaFailure',
      { callId: 'c_1', reason: 'The connection could not be restored.' },
      a.handle
    )
    expect(registry.get('c_1')).toMatchObject({
      state: 'ended',
      outcome: 'failed',
      reason: 'media-failed',
      error: 'The connection could not be restored.'
    })
    expect(graph.asked).toContain('terminate c_1')
  })

  it('refuses malformed requests and unknown commands before they reach anything', async () => {
    const a = client('a')
    await expect(service.dispatch('accept', { callId: 'c_1' }, a.handle)).rejects.toMatchObject({
      code: 'invalid-request'
    })
    await expect(
      service.dispatch('accept', { callId: 'c_1', sdp: 'v=0', extra: 1 }, a.handle)
    ).rejects.toMatchObject({ code: 'invalid-request' })
    await expect(service.dispatch('__proto__', {}, a.handle)).rejects.toMatchObject({
      code: 'invalid-request'
    })
    await expect(service.dispatch('hangUp', { callId: 'nope' }, a.handle)).rejects.toMatchObject({
      code: 'not-found'
    })
    expect(graph.asked).toEqual([])
  })

  it('says hello with the client id, the status and the live calls', async () => {
    registry.handleEvent(connect('c_1'), 'page-1')
    const hello = await service.dispatch('hello', {}, client('desk-7').handle)
    expect(hello).toMatchObject({
      clientId: 'desk-7',
      status: { page: { configured: true } },
      calls: [{ id: 'c_1', state: 'ringing' }]
    })
  })

  it('stops sending events to a detached client', () => {
    const a = client('a')
    const detach = service.attach(a.handle)
    detach()
    registry.handleEvent(connect('c_1'), 'page-1')
    expect(a.received).toEqual([])
  })

  it('reads and changes settings, broadcasting the change, and names a refused field', async () => {
    const a = client('a')
    service.attach(a.handle)
    expect(await service.dispatch('getSettings', {}, a.handle)).toMatchObject({ theme: 'system' })
    expect(await service.dispatch('updateSettings', { theme: 'dark' }, a.handle)).toMatchObject({
      theme: 'dark'
    })
    expect(a.received).toContainEqual({
      event: 'settings',
      payload: expect.objectContaining({ theme: 'dark' })
    })
    await expect(
      service.dispatch('updateSettings', { ringVolume: 2 }, a.handle)
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('theme')
    })
    await expect(service.dispatch('updateSettings', [1], a.handle)).rejects.toMatchObject({
      code: 'invalid-request'
    })
  })

  it('starts a test call through the test line', async () => {
    expect(await service.dispatch('startTestCall', {}, client('a').handle)).toEqual({
      callId: 'c_test'
    })
  })
})
