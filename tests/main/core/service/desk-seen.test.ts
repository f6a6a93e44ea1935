/**
 * "Missed calls are hub-wide; each desk keeps its own seen" (issue 13, item 3), at the service:
 * a seat may mark its history seen, which clears its own desk's badge only; the hub's own windows
 * keep theirs, and the reverse; every client is told its own desk's count when a call is missed.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../../src/shared/api'
import { CallRegistry } from '../../../../src/main/core/calls'
import { DeskSeen, HistoryStore } from '../../../../src/main/core/history'
import { silentLogger } from '../../../../src/main/core/log'
import { OWNER_DESK } from '../../../../src/main/core/service/client-views'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'
import { quietServiceDeps } from './service-fixtures'

function client(id: string, seat?: string) {
  const received: EventMessage[] = []
  const handle: ClientHandle = {
    id,
    ...(seat !== undefined ? { role: 'seat' as const, deskName: seat } : {}),
    send: (message) => received.push(message)
  }
  const told = (): number | undefined =>
    received.flatMap((m) => (m.event === 'missedCalls' ? [m.payload.unseen] : [])).at(-1)
  return { handle, told }
}

describe('each desk keeps its own "seen" of the hub-wide missed calls', () => {
  let dir: string
  let registry: CallRegistry
  let store: HistoryStore
  let service: SoftphoneService
  const hubWindow = client('hub-window')
  const hubToast = client('hub-toast')
  const front = client('front-1', 'Front desk')
  const back = client('back-1', 'Back office')

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-seen-'))
    registry = new CallRegistry({ ringTimeoutMs: 50_000 })
    store = await HistoryStore.open(dir, silentLogger)
    const seen = await DeskSeen.open(dir, store, OWNER_DESK, silentLogger, () => undefined)
    service = new SoftphoneService(
      quietServiceDeps(registry, {
        history: {
          append: (record) => store.upsert(record),
          list: (query) => store.list(query),
          setQuality: (callId, quality) => store.setQuality(callId, quality),
          markMissedSeen: (desk) => seen.markSeen(desk),
          unseenMissedCount: (desk) => seen.unseen(desk)
        }
      })
    )
    for (const each of [hubWindow, hubToast, front, back]) service.attach(each.handle)
  })

  afterEach(async () => {
    service.dispose()
    registry.dispose()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** A call that rings out at once: its Meta timestamp is older than the ring timeout. */
  async function missed(callId: string): Promise<void> {
    registry.handleEvent(
      {
        event: 'connect',
        id: callId,
        from: 'psid-9',
        to: 'page-1',
        timestamp: Math.floor(Date.now() / 1000) - 49.95,
        call_direction: 'user_initiated'
      },
      'page-1'
    )
    await expect.poll(() => store.get(callId)?.outcome).toBe('missed')
  }

  const counts = async (): Promise<number[]> =>
    Promise.all(
      [hubWindow, front, back].map(
        async (each) =>
          ((await service.dispatch('getMissedCalls', {}, each.handle)) as { unseen: number }).unseen
      )
    )

  it('a seat marking seen clears only its own desk; the hub and the other seat keep theirs', async () => {
    await missed('c_1')
    await missed('c_2')
    await expect.poll(() => front.told()).toBe(2)
    expect(await counts()).toEqual([2, 2, 2])

    expect(await service.dispatch('markHistorySeen', {}, front.handle)).toEqual({ unseen: 0 })
    expect(await counts()).toEqual([2, 0, 2])
    expect([hubWindow.told(), hubToast.told(), front.told(), back.told()]).toEqual([2, 2, 0, 2])
    expect(store.get('c_1')?.seenAt).toBeUndefined()

    // A new missed call: each desk is told its own count.
    await missed('c_3')
    await expect.poll(() => front.told()).toBe(1)
    expect([hubWindow.told(), hubToast.told(), back.told()]).toEqual([3, 3, 3])
  })

  it('the hub marking seen clears its own windows only; every seat keeps its badge', async () => {
    await missed('c_1')
    await expect.poll(() => back.told()).toBe(1)

    expect(await service.dispatch('markHistorySeen', {}, hubWindow.handle)).toEqual({ unseen: 0 })
    expect(await counts()).toEqual([0, 1, 1])
    // Every window of the hub is one desk: the toast's count clears with the main window's.
    expect([hubWindow.told(), hubToast.told(), front.told(), back.told()]).toEqual([0, 0, 1, 1])
    expect(store.get('c_1')?.seenAt).toBeTypeOf('number')
  })
})
