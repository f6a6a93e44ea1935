/**
 * The To call back list (issue 16 item 3) over a real data folder: one task per customer, counted,
 * claimed by one desk at a time, closed by a connected call or by hand, reopened by hand or by a new
 * missed call, kept across a restart in a private file, an unreadable file set aside (never
 * deleted) and said, and closed tasks pruned after 30 days.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CallBackTasks,
  KEEP_CLOSED_MS,
  type TaskActor
} from '../../../../src/main/core/follow-up/call-back-tasks'
import { TASKS_FILE } from '../../../../src/main/core/follow-up/call-back-tasks-file'
import { memoryLogger, silentLogger } from '../../../../src/main/core/log'
import type { CallBackTaskList } from '../../../../src/shared/call-back-tasks'
import type { MissedCall } from '../../../../src/shared/follow-up'

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0)
const HUB: TaskActor = { desk: 'owner', deskName: 'Hub desk', owner: true }
const FRONT: TaskActor = { desk: 'seat:Front desk', deskName: 'Front desk', owner: false }
const BACK: TaskActor = { desk: 'seat:Back office', deskName: 'Back office', owner: false }

let dir: string
let now: number
const opened: CallBackTasks[] = []
async function open(logger = silentLogger): Promise<CallBackTasks> {
  const tasks = await CallBackTasks.open(dir, { logger, now: () => now })
  opened.push(tasks)
  return tasks
}

function missed(n: number, extra: Partial<MissedCall> = {}): MissedCall {
  return {
    callId: `c_${n}`,
    psid: 'ada',
    name: 'Ada Lovelace',
    at: T0 + n * 60_000,
    reason: 'rang-out',
    ...extra
  }
}

const only = (list: CallBackTaskList) => {
  expect(list.tasks).toHaveLength(1)
  return list.tasks[0]!
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'call-back-tasks-'))
  now = T0
})
afterEach(async () => {
  for (const tasks of opened.splice(0)) await tasks.settled()
  await rm(dir, { recursive: true, force: true })
})

describe('CallBackTasks', () => {
  it('opens one task per customer and counts their missed calls, once each', async () => {
    const tasks = await open()
    const changes: CallBackTaskList[] = []
    tasks.onChange((list) => changes.push(list))
    tasks.recordMissed(missed(1))
    tasks.recordMissed(missed(5, { reason: 'all-busy' }))
    // A replay of a call already counted (a restart, a retried delivery) counts nothing.
    tasks.recordMissed(missed(5))
    tasks.recordMissed(missed(2, { psid: 'bob', name: null }))

    const list = tasks.list()
    expect(list.tasks.map((task) => task.psid)).toEqual(['ada', 'bob'])
    expect(list.tasks[0]).toMatchObject({
      name: 'Ada Lovelace',
      firstMissedAt: T0 + 60_000,
      lastMissedAt: T0 + 5 * 60_000,
      missedCount: 2,
      lastReason: 'all-busy',
      reply: null,
      permission: 'unknown',
      state: 'open'
    })
    expect(list.tasks[1]).toMatchObject({ name: null, missedCount: 1 })
    expect(changes).toHaveLength(3)
  })

  it('shows the reply outcome of the latest missed call, even when it came first', async () => {
    const tasks = await open()
    tasks.noteReply('c_1', 'ada', { state: 'skipped', at: T0, why: 'off' })
    tasks.recordMissed(missed(1))
    expect(only(tasks.list()).reply).toEqual({ state: 'skipped', at: T0, why: 'off' })

    tasks.recordMissed(missed(2))
    expect(only(tasks.list()).reply).toBeNull()
    // The outcome of an older call does not hide the latest's.
    tasks.noteReply('c_1', 'ada', { state: 'sent', at: T0, extra: 'none' })
    expect(only(tasks.list()).reply).toBeNull()
    tasks.noteReply('c_2', 'ada', {
      state: 'sent',
      at: T0 + 1,
      extra: 'permission-request'
    })
    expect(only(tasks.list())).toMatchObject({
      reply: { state: 'sent', extra: 'permission-request' },
      permission: 'requested'
    })
    tasks.notePermission('ada', 'allowed', T0 + 3_600_000)
    expect(only(tasks.list()).permission).toBe('allowed')
    // Meta's grant has an end: past it, the task says so.
    now = T0 + 3_600_000
    expect(only(tasks.list()).permission).toBe('expired')
  })

  it('lets one desk claim a task; others see who and cannot take it', async () => {
    const tasks = await open()
    tasks.recordMissed(missed(1))
    now = T0 + 10_000
    expect(only(tasks.claim('ada', FRONT)).claim).toEqual({
      desk: FRONT.desk,
      deskName: 'Front desk',
      at: T0 + 10_000,
      mine: false
    })
    // Claiming again from the same desk is fine; another desk is told who has it.
    expect(() => tasks.claim('ada', FRONT)).not.toThrow()
    expect(() => tasks.claim('ada', BACK)).toThrow(/Front desk is already calling back/)
    // As words too, so each desk says the refusal in its own language.
    expect(() => tasks.claim('ada', BACK)).toThrow(
      expect.objectContaining({
        words: { key: 'followUp.taskClaimed', params: { desk: 'Front desk' } }
      })
    )
    expect(() => tasks.release('ada', BACK)).toThrow(/Only Front desk/)
    expect(only(tasks.release('ada', FRONT)).claim).toBeUndefined()
    tasks.claim('ada', BACK)
    // The owner's windows act for the business: they may release any desk's claim.
    expect(only(tasks.release('ada', HUB)).claim).toBeUndefined()
    expect(() => tasks.claim('nobody', FRONT)).toThrow(/no task/)
  })

  it('closes itself when a call with the customer connects, naming the desk', async () => {
    const tasks = await open()
    tasks.recordMissed(missed(1))
    tasks.claim('ada', FRONT)
    now = T0 + 3_600_000
    tasks.noteConnected('bob', 'Back office')
    tasks.noteConnected('ada', 'Front desk')
    expect(only(tasks.list())).toMatchObject({
      state: 'closed',
      closed: { how: 'connected', at: T0 + 3_600_000, deskName: 'Front desk' }
    })
    expect(only(tasks.list()).claim).toBeUndefined()
    expect(() => tasks.claim('ada', FRONT)).toThrow(/closed/)
  })

  it('closes by hand and reopens, by hand or with a new missed call', async () => {
    const tasks = await open()
    tasks.recordMissed(missed(1))
    tasks.recordMissed(missed(2))
    now = T0 + 600_000
    expect(only(tasks.close('ada', BACK))).toMatchObject({
      state: 'closed',
      closed: { how: 'by-hand', at: T0 + 600_000, deskName: 'Back office' }
    })
    // Reopened by hand: the same round, as it was.
    expect(only(tasks.reopen('ada'))).toMatchObject({ state: 'open', missedCount: 2 })
    expect(only(tasks.list()).closed).toBeUndefined()
    tasks.close('ada', HUB)
    // A new missed call on a closed task reopens it as a new round.
    tasks.recordMissed(missed(30, { reason: 'declined' }))
    expect(only(tasks.list())).toMatchObject({
      state: 'open',
      missedCount: 1,
      firstMissedAt: T0 + 30 * 60_000,
      lastReason: 'declined'
    })
  })

  it('keeps the list across a restart in a file only this user can read', async () => {
    const tasks = await open()
    tasks.recordMissed(missed(1))
    tasks.claim('ada', FRONT)
    tasks.notePermission('ada', 'allowed')
    await tasks.settled()
    const again = await open()
    expect(again.list()).toEqual(tasks.list())
    // The replayed call is not counted twice after the restart.
    again.recordMissed(missed(1))
    expect(only(again.list()).missedCount).toBe(1)
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, TASKS_FILE))).mode & 0o777).toBe(0o600)
    }
  })

  it('reads back a refused reply as the history line keeps it (one stored shape)', async () => {
    const tasks = await open()
    tasks.recordMissed(missed(1))
    tasks.noteReply('c_1', 'ada', {
      state: 'refused',
      at: T0,
      words: 'outsideWindow',
      graphCode: 10
    })
    await tasks.settled()
    const again = await open()
    expect(only(again.list()).reply).toEqual({
      state: 'refused',
      at: T0,
      words: 'outsideWindow',
      graphCode: 10
    })
    expect(again.list()).toEqual(tasks.list())
  })

  it('sets an unreadable file aside, says so, and starts an empty list', async () => {
    await writeFile(join(dir, TASKS_FILE), '{"version":1,"tasks":[{"psid":')
    const logger = memoryLogger()
    const tasks = await open(logger)
    const list = tasks.list()
    expect(list.tasks).toEqual([])
    expect(list.setAside).toMatch(/call-back-tasks\.unreadable-2026-12-01T09-00-00Z\.json$/)
    expect(await readFile(list.setAside!, 'utf8')).toBe('{"version":1,"tasks":[{"psid":')
    expect(logger.entries.map((entry) => entry.message).join('\n')).toMatch(/set aside/)
    tasks.recordMissed(missed(1))
    await tasks.settled()
    expect((await readdir(dir)).sort()).toEqual(
      [TASKS_FILE, 'call-back-tasks.unreadable-2026-12-01T09-00-00Z.json'].sort()
    )
  })

  it('prunes closed tasks older than 30 days, keeping open ones however old', async () => {
    const tasks = await open()
    tasks.recordMissed(missed(1))
    tasks.recordMissed(missed(2, { psid: 'bob' }))
    tasks.recordMissed(missed(3, { psid: 'cy' }))
    tasks.close('ada', HUB)
    now = T0 + KEEP_CLOSED_MS - 1000
    tasks.close('bob', HUB)
    now = T0 + KEEP_CLOSED_MS + 60_000
    // Any change saves the list, pruned.
    tasks.notePermission('cy', 'requested')
    expect(tasks.list().tasks.map((task) => task.psid)).toEqual(['cy', 'bob'])
    await tasks.settled()
    // And a restart long after prunes what aged meanwhile.
    now = T0 + 2 * KEEP_CLOSED_MS
    const again = await open()
    expect(again.list().tasks.map((task) => task.psid)).toEqual(['cy'])
  })
})
