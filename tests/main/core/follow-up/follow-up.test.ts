import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Call, EndedCall } from '../../../../src/shared/calls'
import type { MissedCall } from '../../../../src/shared/follow-up'
import { defaultSettings } from '../../../../src/shared/settings'
import { openFollowUp } from '../../../../src/main/core/follow-up'
import { HistoryStore } from '../../../../src/main/core/history'
import { silentLogger } from '../../../../src/main/core/log'
import { TypedEmitter } from '../../../../src/main/core/shared/typed-emitter'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'follow-up-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ENDED: EndedCall = {
  id: 'c1',
  pageId: 'page-1',
  direction: 'inbound',
  caller: { psid: 'psid-1', name: 'Ana' },
  startedAt: 1_000,
  state: 'ended',
  outcome: 'missed',
  reason: 'ring-timeout',
  endedAt: 2_000
}

async function start(history?: HistoryStore) {
  const registry = new TypedEmitter<{ call: Call; ended: EndedCall }>()
  const settings = defaultSettings()
  const followUp = await openFollowUp({
    dataDir: dir,
    registry: {
      on: (event: never, listener: never) => registry.on(event, listener),
      list: () => []
    },
    settings: { get: () => settings },
    graph: {
      messages: {
        sendText: async () => ({}),
        sendCallButton: async () => ({})
      }
    } as never,
    history: history ?? { update: async () => undefined },
    permission: { request: async () => undefined },
    names: { get: async () => undefined },
    pageId: () => 'page-1',
    onlineSeats: () => undefined,
    logger: silentLogger
  })
  const heard: MissedCall[] = []
  followUp.onMissedCall((missed) => heard.push(missed))
  const outcomes: string[] = []
  followUp.onReplyOutcome((_callId, _psid, outcome) => outcomes.push(outcome.state))
  followUp.start()
  return { registry, followUp, heard, outcomes }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('the follow-up, assembled', () => {
  it('announces a missed call once, even when a restart sees it end again', async () => {
    const first = await start()
    first.registry.emit('ended', ENDED)
    await settle()
    expect(first.heard.map((missed) => missed.callId)).toEqual(['c1'])
    expect(first.outcomes).toEqual(['skipped'])
    first.followUp.dispose()

    const again = await start()
    again.registry.emit('ended', ENDED)
    await settle()
    expect(again.heard).toEqual([])
  })

  it('writes the reason and the reply to the call in history, kept when the call is recorded again', async () => {
    const history = await HistoryStore.open(dir, silentLogger)
    const { toHistoryRecord } = await import('../../../../src/shared/calls')
    await history.upsert(toHistoryRecord(ENDED))
    const changed: string[] = []
    const { registry, followUp } = await start(history)
    followUp.onHistoryChanged((record) => changed.push(record.callId))
    registry.emit('ended', ENDED)
    await settle()
    expect(history.get('c1')?.followUp).toEqual({
      reason: 'rang-out',
      reply: { state: 'skipped', at: expect.any(Number), why: 'off' }
    })
    expect(changed).toEqual(['c1'])
    // The caller's name arrives late: the call's end is recorded again, its follow-up stays.
    await history.upsert({ ...toHistoryRecord(ENDED), caller: { psid: 'psid-1', name: 'Ana B' } })
    expect(history.get('c1')?.followUp?.reason).toBe('rang-out')
    await history.close()
  })
})
