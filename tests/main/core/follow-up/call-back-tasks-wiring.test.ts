/**
 * What feeds the To call back list, with the real registry, the follow-up port and its detection,
 * and an emitter standing in for the call back: a customer's missed call (rang out, or declined) opens their task, the test line's and our
 * own calls do not, a late name names it, a permission reply marks it, and a connected call with
 * the customer, either way, closes it naming the desk.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CallBackTasks } from '../../../../src/main/core/follow-up/call-back-tasks'
import { wireCallBackTasks } from '../../../../src/main/core/follow-up/call-back-tasks-wiring'
import { detectMissedCalls } from '../../../../src/main/core/follow-up/missed-call-detection'
import { MissedCalls } from '../../../../src/main/core/follow-up/missed-calls'
import { defaultSettings } from '../../../../src/shared/settings'
import { silentLogger } from '../../../../src/main/core/log'
import { TypedEmitter } from '../../../../src/main/core/shared/typed-emitter'
import type { CallPermissionChange } from '../../../../src/shared/callback'
import { connect, PAGE, PSID, recordingRegistry, terminate, T0 } from '../calls/fixtures'

let dir: string
let tasks: CallBackTasks
let registry: ReturnType<typeof recordingRegistry>['registry']
let permissions: TypedEmitter<{ permission: CallPermissionChange }>

beforeEach(async () => {
  vi.useFakeTimers({ now: T0 })
  dir = await mkdtemp(join(tmpdir(), 'call-back-wiring-'))
  tasks = await CallBackTasks.open(dir, { logger: silentLogger })
  registry = recordingRegistry({ ringTimeoutMs: 1000 }).registry
  permissions = new TypedEmitter()
  // The follow-up port with its real detection, as the core composes them (core/follow-up).
  const port = new MissedCalls()
  detectMissedCalls({
    registry,
    settings: { get: () => defaultSettings() },
    ringingDesks: () => ['Hub desk'],
    pageId: () => PAGE,
    port
  })
  wireCallBackTasks(tasks, {
    followUp: port,
    registry,
    callBack: { on: (event, listener) => permissions.on(event, listener) }
  })
})
afterEach(async () => {
  vi.useRealTimers()
  await tasks.settled()
  await rm(dir, { recursive: true, force: true })
})

describe('the To call back list fed by the core', () => {
  it('opens a task for a call that rang out or was declined, not for others', () => {
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(1000)
    registry.handleEvent(connect('c2', { from: 'bob' }), PAGE)
    registry.decline('c2')
    // The test line's call, and a call that was answered, leave no task.
    registry.handleEvent(connect('c3', { from: 'cy' }), PAGE, undefined, { test: true })
    registry.decline('c3')
    registry.handleEvent(connect('c4', { from: 'dee' }), PAGE)
    registry.beginAnswer('c4', 'desk-a')
    registry.markConnected('c4')
    registry.handleEvent(terminate('c4'), PAGE)

    const open = tasks.list().tasks
    expect(open.map((task) => [task.psid, task.lastReason]).sort()).toEqual([
      ['bob', 'declined'],
      [PSID, 'rang-out']
    ])
  })

  it('names the task when the name comes late and hears permission replies', () => {
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(1000)
    registry.updateCaller('c1', { name: 'Ada Lovelace' })
    permissions.emit('permission', { psid: PSID, status: 'pending' })
    expect(tasks.list().tasks[0]).toMatchObject({ name: 'Ada Lovelace', permission: 'requested' })
    const expiresAt = Date.now() + 60_000
    permissions.emit('permission', { psid: PSID, status: 'has_permission', expiresAt })
    expect(tasks.list().tasks[0]?.permission).toBe('allowed')
    vi.advanceTimersByTime(60_000)
    expect(tasks.list().tasks[0]?.permission).toBe('expired')
  })

  it('closes the task when a call with the customer connects, inbound or outbound', () => {
    registry.handleEvent(connect('c1'), PAGE)
    vi.advanceTimersByTime(1000)
    registry.handleEvent(connect('c2', { from: 'bob' }), PAGE)
    vi.advanceTimersByTime(1000)

    registry.handleEvent(connect('c3'), PAGE)
    registry.beginAnswer('c3', 'client-1', 'Front desk')
    registry.markConnected('c3')
    registry.registerOutbound({
      callId: 'o1',
      pageId: PAGE,
      psid: 'bob',
      startedAt: Date.now(),
      clientId: 'client-2'
    })
    expect(tasks.list().tasks.find((task) => task.psid === 'bob')?.state).toBe('open')
    registry.markConnected('o1')

    expect(tasks.list().tasks.map((task) => [task.psid, task.state, task.closed])).toEqual([
      [PSID, 'closed', { how: 'connected', at: expect.any(Number), deskName: 'Front desk' }],
      ['bob', 'closed', { how: 'connected', at: expect.any(Number) }]
    ])
  })
})
