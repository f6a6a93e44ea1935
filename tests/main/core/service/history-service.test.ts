/**
 * The service's history side against the real registry and the real history file: the quality
 * report (early, late, kept through a restart, only from the answering desk), the missed-calls
 * count and its clearing, Meta's call_metrics behind the opt-in, and caller photos for the list.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventMessage, MissedCalls } from '../../../../src/shared/api'
import type { HistoryRecord } from '../../../../src/shared/calls'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import { CallRegistry } from '../../../../src/main/core/calls'
import type { CallMetricsReport } from '../../../../src/main/core/graph/calls-api'
import { HistoryStore } from '../../../../src/main/core/history'
import { memoryLogger } from '../../../../src/main/core/log'
import type { MetricsPort } from '../../../../src/main/core/service/ports'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'

const nowSeconds = (): number => Math.floor(Date.now() / 1000)
const connect = (id: string, from = 'psid-1', timestamp = nowSeconds()) => ({
  event: 'connect' as const,
  id,
  from,
  to: 'page-1',
  timestamp,
  call_direction: 'user_initiated' as const
})

function client(id: string) {
  const received: EventMessage[] = []
  const handle: ClientHandle = { id, send: (message) => received.push(message) }
  const records = (callId: string): HistoryRecord[] =>
    received.flatMap((m) =>
      m.event === 'historyAdded' && m.payload.callId === callId ? [m.payload] : []
    )
  const missed = (): number[] =>
    received.flatMap((m) => (m.event === 'missedCalls' ? [m.payload.unseen] : []))
  return { handle, received, records, missed }
}

const FIGURES = {
  rttMs: 42.5,
  jitterMs: 3.2,
  lossPercent: 0.5,
  packetsReceived: 990,
  packetsLost: 5
}

describe('the history side of the service', () => {
  let dir: string
  let registry: CallRegistry
  let store: HistoryStore
  let service: SoftphoneService
  let settings: Settings
  let sent: { record: HistoryRecord; report: CallMetricsReport }[]
  let metrics: MetricsPort
  const desk = client('desk-a')

  async function start(): Promise<void> {
    store = await HistoryStore.open(dir, memoryLogger())
    service = new SoftphoneService({
      registry,
      callControl: () => ({
        accept: async () => ({ answer: 'v=0 answer' }),
        reject: async () => undefined,
        terminate: async () => undefined
      }),
      history: {
        append: (record) => store.upsert(record),
        list: (query) => store.list(query),
        setQuality: (callId, quality) => store.setQuality(callId, quality),
        markMissedSeen: async () => void (await store.markMissedSeen()),
        unseenMissedCount: () => store.unseenMissedCount()
      },
      profiles: {
        lookup: async (psid) =>
          psid === 'psid-photo' ? { name: 'Ada', photo: 'data:image/png;base64,AAAA' } : undefined
      },
      metrics: { send: (record, report) => metrics.send(record, report) },
      status: () => ({
        page: { configured: true, pageId: 'page-1' },
        webhookUrl: null,
        publicUrl: null,
        tunnel: { state: 'off' },
        registration: { state: 'not-needed', reason: 'no-public-url' }
      }),
      settings: { get: () => settings, update: async () => settings, onChange: () => () => {} },
      logger: memoryLogger()
    })
    service.attach(desk.handle)
  }

  /** Closes the service and the file, as a quit does, and opens both again. */
  async function restart(): Promise<void> {
    service.dispose()
    await store.close()
    await start()
  }

  async function answered(callId: string): Promise<void> {
    registry.handleEvent(connect(callId), 'page-1')
    await service.dispatch('accept', { callId, sdp: 'v=0 offer' }, desk.handle)
  }

  const report = (callId: string, from = desk.handle, figures: object = FIGURES) =>
    service.dispatch('reportCallQuality', { callId, ...figures }, from)

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'history-service-'))
    registry = new CallRegistry({ ringTimeoutMs: 50_000 })
    settings = defaultSettings()
    sent = []
    metrics = {
      send: async (record, metricsReport) => {
        sent.push({ record, report: metricsReport })
        return true
      }
    }
    desk.received.length = 0
    await start()
  })

  afterEach(async () => {
    service.dispose()
    registry.dispose()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })

  describe('the quality report', () => {
    it('is kept with the record when it comes after the call ended, and survives a restart', async () => {
      await answered('c_1')
      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await report('c_1')

      expect(store.get('c_1')?.quality).toMatchObject({
        ...FIGURES,
        reportedAt: expect.any(Number)
      })
      // Every UI hears about it, so an open history shows the figures without reloading.
      expect(desk.records('c_1').at(-1)?.quality).toMatchObject(FIGURES)

      await restart()
      const [record] = (await service.dispatch('listHistory', {}, desk.handle)) as HistoryRecord[]
      expect(record).toMatchObject({ callId: 'c_1', outcome: 'completed', quality: FIGURES })
    })

    it('waits for the record when it comes before the hang-up reaches the core', async () => {
      await answered('c_1')
      await report('c_1')
      expect(store.get('c_1')).toBeUndefined()

      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await expect.poll(() => store.get('c_1')?.quality).toMatchObject(FIGURES)
      expect(desk.records('c_1')[0]?.quality).toMatchObject(FIGURES)
    })

    it('is not lost when the record is written again with late details', async () => {
      await answered('c_1')
      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await report('c_1')
      registry.updateCaller('c_1', { name: 'Grace Hopper' })

      await expect.poll(() => store.get('c_1')?.caller.name).toBe('Grace Hopper')
      expect(store.get('c_1')?.quality).toMatchObject(FIGURES)
      expect(desk.records('c_1').at(-1)).toMatchObject({
        caller: { name: 'Grace Hopper' },
        quality: FIGURES
      })
    })

    it('is refused from a desk that did not answer, for an unanswered or unknown call, out of range', async () => {
      await answered('c_1')
      const other = client('desk-b')
      service.attach(other.handle)
      await expect(report('c_1', other.handle)).rejects.toMatchObject({
        code: 'conflict',
        message: 'Only the desk that answered this call can report its quality figures.'
      })
      registry.handleEvent(connect('c_ringing', 'psid-2'), 'page-1')
      await expect(report('c_ringing')).rejects.toMatchObject({ code: 'conflict' })
      await expect(report('c_nobody')).rejects.toMatchObject({ code: 'not-found' })
      await expect(report('c_1', desk.handle, { lossPercent: 150 })).rejects.toMatchObject({
        code: 'invalid-request'
      })
      await expect(report('c_1', desk.handle, { rttMs: -1 })).rejects.toMatchObject({
        code: 'invalid-request'
      })
      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await expect.poll(() => store.get('c_1')?.outcome).toBe('completed')
      expect(store.get('c_1')?.quality).toBeUndefined()
    })
  })

  describe('from a seat whose link came back mid-call', () => {
    it('is taken under the link’s new id from the same desk, and refused from another desk', async () => {
      const seat = (id: string, deskName: string): ClientHandle => ({
        id,
        role: 'seat',
        deskName,
        send: () => undefined
      })
      registry.handleEvent(connect('c_1'), 'page-1')
      await service.dispatch(
        'accept',
        { callId: 'c_1', sdp: 'v=0 offer' },
        seat('seat-1', 'Front desk')
      )
      await expect(report('c_1', seat('seat-3', 'Back office'))).rejects.toMatchObject({
        code: 'conflict'
      })
      await report('c_1', seat('seat-2', 'Front desk'))
      await service.dispatch('hangUp', { callId: 'c_1' }, seat('seat-2', 'Front desk'))
      await expect.poll(() => store.get('c_1')?.quality).toMatchObject(FIGURES)
    })
  })

  describe("Meta's call_metrics", () => {
    it('are not sent while the option is off (the default)', async () => {
      await answered('c_1')
      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await report('c_1')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(sent).toEqual([])
      expect(store.get('c_1')?.quality?.sentToMetaAt).toBeUndefined()
    })

    it('are sent once, in seconds, when the owner opted in, and the record says so', async () => {
      settings = { ...settings, quality: { sendToMeta: true } }
      await answered('c_1')
      await report('c_1')
      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await expect.poll(() => store.get('c_1')?.quality?.sentToMetaAt).toBeTypeOf('number')
      await report('c_1')
      await new Promise((resolve) => setTimeout(resolve, 20))

      expect(sent).toHaveLength(1)
      const ended = store.get('c_1')
      expect(sent[0]?.report).toEqual({
        endCallReason: 'Hangup_Call',
        endCallSubreason: 'we-hung-up',
        callEndedTime: Math.floor((ended?.endedAt ?? 0) / 1000),
        audioStats: {
          round_trip_time_sec: 0.043,
          jitter_sec: 0.003,
          packets_received: 990,
          packets_lost: 5
        }
      })
      expect(desk.records('c_1').at(-1)?.quality?.sentToMetaAt).toBeTypeOf('number')
    })

    it('are not marked sent when the call is not the Page’s (a test call), nor when Meta refuses', async () => {
      settings = { ...settings, quality: { sendToMeta: true } }
      metrics = { send: async () => false }
      await answered('c_test')
      await service.dispatch('hangUp', { callId: 'c_test' }, desk.handle)
      await report('c_test')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(store.get('c_test')?.quality?.sentToMetaAt).toBeUndefined()

      metrics = {
        send: async () => {
          throw new Error('Graph is down')
        }
      }
      await answered('c_2')
      await service.dispatch('hangUp', { callId: 'c_2' }, desk.handle)
      await report('c_2')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(store.get('c_2')?.quality).toMatchObject(FIGURES)
      expect(store.get('c_2')?.quality?.sentToMetaAt).toBeUndefined()
    })
  })

  describe('missed calls', () => {
    /** A call that rang out in the core: its Meta timestamp is older than the ring timeout. */
    function missedCall(callId: string): void {
      registry.handleEvent(connect(callId, 'psid-9', nowSeconds() - 49.95), 'page-1')
    }

    it('are counted for every UI until marked seen, and the count survives a restart', async () => {
      const other = client('desk-b')
      service.attach(other.handle)
      expect(await service.dispatch('getMissedCalls', {}, desk.handle)).toEqual({ unseen: 0 })

      missedCall('c_m1')
      await expect.poll(() => desk.missed()).toEqual([1])
      expect(other.missed()).toEqual([1])
      expect(await service.dispatch('getMissedCalls', {}, desk.handle)).toEqual({ unseen: 1 })

      await restart()
      const again = client('desk-c')
      service.attach(again.handle)
      expect(await service.dispatch('getMissedCalls', {}, again.handle)).toEqual({ unseen: 1 })

      const seen = (await service.dispatch('markHistorySeen', {}, again.handle)) as MissedCalls
      expect(seen).toEqual({ unseen: 0 })
      expect(again.missed()).toEqual([0])
      expect(store.get('c_m1')?.seenAt).toBeTypeOf('number')

      await restart()
      expect(await service.dispatch('getMissedCalls', {}, desk.handle)).toEqual({ unseen: 0 })
    })

    it('counts only missed calls: an answered one leaves the count alone', async () => {
      await answered('c_1')
      await service.dispatch('hangUp', { callId: 'c_1' }, desk.handle)
      await expect.poll(() => store.get('c_1')?.outcome).toBe('completed')
      expect(desk.missed()).toEqual([])
      expect(await service.dispatch('getMissedCalls', {}, desk.handle)).toEqual({ unseen: 0 })
    })
  })

  it('gives the photos of the callers it can find, and leaves the rest out', async () => {
    const photos = await service.dispatch(
      'getCallerPhotos',
      { psids: ['psid-photo', 'psid-none', 'psid-photo'] },
      desk.handle
    )
    expect(photos).toEqual({ 'psid-photo': 'data:image/png;base64,AAAA' })
    await expect(
      service.dispatch('getCallerPhotos', { psids: Array(101).fill('p') }, desk.handle)
    ).rejects.toMatchObject({ code: 'invalid-request' })
  })
})
