import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryRecord } from '../../../../src/shared/calls'
import type { MissedCall, ReplyOutcome } from '../../../../src/shared/follow-up'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import { ServiceError } from '../../../../src/shared/api'
import { GraphError } from '../../../../src/main/core/graph'
import { silentLogger } from '../../../../src/main/core/log'
import { MissedCalls } from '../../../../src/main/core/follow-up/missed-calls'
import { MissedReply } from '../../../../src/main/core/follow-up/missed-reply'
import {
  MISSED_REPLIES_FILE,
  openMissedReplyState
} from '../../../../src/main/core/follow-up/missed-reply-state'

const HOUR = 3600_000
const T0 = Date.UTC(2026, 3, 1, 12, 0, 0)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'missed-reply-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Sent = { kind: 'text' | 'button' | 'optin'; psid: string; text?: string; title?: string }

async function setup(
  options: { settings?: Partial<Settings['missedCallReply']>; now?: () => number } = {}
) {
  const clock = { now: T0 }
  const now = options.now ?? (() => clock.now)
  const settings = defaultSettings()
  settings.desk.language = 'en'
  settings.missedCallReply = { ...settings.missedCallReply, enabled: true, ...options.settings }
  const sent: Sent[] = []
  const failures: unknown[] = []
  const take = (): void => {
    const failure = failures.shift()
    if (failure) throw failure
  }
  const records = new Map<string, HistoryRecord>()
  const changed: HistoryRecord[] = []
  const outcomes: [string, string, ReplyOutcome][] = []
  const port = new MissedCalls()
  port.onReplyOutcome((callId, psid, outcome) => outcomes.push([callId, psid, outcome]))
  const state = await openMissedReplyState(dir, { now, logger: silentLogger })
  const reply = new MissedReply({
    settings: { get: () => settings },
    state,
    messages: {
      sendText: async (psid, text) => {
        take()
        sent.push({ kind: 'text', psid, text })
        return {}
      },
      sendCallButton: async (psid, message) => {
        take()
        sent.push({ kind: 'button', psid, ...message })
        return {}
      }
    },
    permission: {
      request: async (psid) => {
        take()
        sent.push({ kind: 'optin', psid })
      }
    },
    names: { get: async () => ({ name: 'Ana María López' }) },
    history: {
      update: async (callId, patch) => {
        const previous = records.get(callId)
        if (!previous) return undefined
        const next = { ...previous, ...patch }
        records.set(callId, next)
        return next
      }
    },
    historyChanged: (record) => changed.push(record),
    port,
    now,
    logger: silentLogger
  })
  const missed = (callId: string, psid = 'psid-1', name: string | null = null): MissedCall => {
    records.set(callId, { callId } as HistoryRecord)
    return { callId, psid, name, at: clock.now, reason: 'rang-out' }
  }
  return { clock, settings, sent, failures, records, changed, outcomes, reply, missed, state }
}

describe('the missed-call reply', () => {
  it('is off by default: nothing is sent, the outcome says so', async () => {
    const { reply, missed, sent, settings } = await setup()
    settings.missedCallReply = defaultSettings().missedCallReply
    expect(await reply.handle(missed('c1'))).toEqual({ state: 'skipped', at: T0, why: 'off' })
    expect(sent).toEqual([])
  })

  it('sends the owner text with the first name and a neutral next opening when no hours are set', async () => {
    const { reply, missed, sent, records, changed, outcomes } = await setup({
      settings: { text: 'Hi {first_name}! We can talk {next_opening}.' }
    })
    const outcome = await reply.handle(missed('c1'))
    expect(sent).toEqual([
      { kind: 'text', psid: 'psid-1', text: 'Hi Ana! We can talk as soon as we can.' }
    ])
    expect(outcome).toEqual({ state: 'sent', at: T0, extra: 'none' })
    expect(records.get('c1')?.followUp).toEqual({ reason: 'rang-out', reply: outcome })
    expect(changed.map((record) => record.callId)).toEqual(['c1'])
    expect(outcomes).toEqual([['c1', 'psid-1', outcome]])
  })

  it('uses the suggested text when the owner left it empty, and the name the call carried', async () => {
    const { reply, missed, sent } = await setup()
    await reply.handle(missed('c1', 'psid-1', 'Bo Li'))
    expect(sent[0]?.text).toMatch(
      /^Hi Bo, sorry we missed your call\. We can talk as soon as we can/
    )
  })

  it('with the call button: one button template, the reply text and the button words', async () => {
    const { reply, missed, sent } = await setup({
      settings: { text: 'Call {first_name}', extra: 'call-button' }
    })
    expect((await reply.handle(missed('c1'))).state).toBe('sent')
    expect(sent).toEqual([{ kind: 'button', psid: 'psid-1', text: 'Call Ana', title: 'Call us' }])
  })

  it('with the permission request: the text, then calling_optin through the call back', async () => {
    const { reply, missed, sent } = await setup({ settings: { extra: 'permission-request' } })
    expect(await reply.handle(missed('c1'))).toMatchObject({ extra: 'permission-request' })
    expect(sent.map((s) => s.kind)).toEqual(['text', 'optin'])
  })

  it('a permission request the limit refuses leaves the text sent', async () => {
    const { reply, missed, sent, failures } = await setup({
      settings: { extra: 'permission-request' }
    })
    failures.push(undefined, new ServiceError('conflict', 'limit'))
    expect((await reply.handle(missed('c1'))).state).toBe('sent')
    expect(sent.map((s) => s.kind)).toEqual(['text'])
  })

  it('at most one reply per customer in 12 hours (injectable clock); another customer still gets one', async () => {
    const { reply, missed, sent, clock } = await setup()
    await reply.handle(missed('c1'))
    clock.now += 11 * HOUR
    expect(await reply.handle(missed('c2'))).toEqual({
      state: 'skipped',
      at: clock.now,
      why: 'replied-recently'
    })
    await reply.handle(missed('c3', 'psid-2'))
    clock.now += 1 * HOUR
    await reply.handle(missed('c4'))
    expect(sent.map((s) => s.psid)).toEqual(['psid-1', 'psid-2', 'psid-1'])
  })

  it('two missed calls at once send one reply', async () => {
    const { reply, missed, sent } = await setup()
    await Promise.all([reply.handle(missed('c1')), reply.handle(missed('c2'))])
    expect(sent).toHaveLength(1)
  })

  it('the limit holds across a restart (the record is on disk, 0600)', async () => {
    const first = await setup()
    await first.reply.handle(first.missed('c1'))
    const file = join(dir, MISSED_REPLIES_FILE)
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = await setup()
    again.clock.now = T0 + 2 * HOUR
    expect((await again.reply.handle(again.missed('c2'))).state).toBe('skipped')
    expect(again.sent).toEqual([])
    expect(again.state.wasAnnounced('c1')).toBe(true)
  })

  it("Meta's refusal is recorded in words with its code, not retried, and does not count as a reply", async () => {
    const { reply, missed, sent, failures, records, clock } = await setup()
    failures.push(
      new GraphError({ kind: 'permission', message: 'outside', code: 10, subcode: 2018278 })
    )
    const outcome = await reply.handle(missed('c1'))
    expect(outcome).toEqual({ state: 'refused', at: T0, words: 'outsideWindow', graphCode: 10 })
    expect(records.get('c1')?.followUp?.reply).toEqual(outcome)
    expect(sent).toEqual([])
    clock.now += HOUR
    expect((await reply.handle(missed('c2'))).state).toBe('sent')
  })

  it.each([
    [551, undefined, 'unavailable'],
    [613, undefined, 'rateLimited'],
    [100, undefined, 'other']
  ])('Graph code %s is worded %s', async (code, subcode, words) => {
    const { reply, missed, failures } = await setup()
    failures.push(new GraphError({ kind: 'other', message: 'no', code, subcode }))
    expect(await reply.handle(missed('c1'))).toMatchObject({
      state: 'refused',
      words,
      graphCode: code
    })
  })

  it('the call button from a history entry: sent, or refused in words', async () => {
    const { reply, sent, failures } = await setup()
    expect(await reply.sendCallButton('psid-9')).toEqual({ state: 'sent', at: T0 })
    expect(sent).toEqual([
      {
        kind: 'button',
        psid: 'psid-9',
        text: 'Call us with one tap whenever it suits you.',
        title: 'Call us'
      }
    ])
    failures.push(new GraphError({ kind: 'other', message: 'gone', code: 551 }))
    expect(await reply.sendCallButton('psid-9')).toEqual({
      state: 'refused',
      at: T0,
      words: 'unavailable',
      graphCode: 551
    })
  })
})

describe('the reply record file', () => {
  it('an unreadable file is set aside (never deleted) and the follow-up starts afresh', async () => {
    await writeFile(join(dir, MISSED_REPLIES_FILE), '{ not json')
    const state = await openMissedReplyState(dir, { now: () => T0, logger: silentLogger })
    expect(state.repliedWithin('psid-1', T0)).toBeUndefined()
    const names = await readdir(dir)
    const aside = names.find((name) => name.startsWith('missed-replies.unreadable-'))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe('{ not json')
  })
})
