import { describe, expect, it } from 'vitest'
import type { CoreStatus, EventMessage } from '../../../../src/shared/api'
import type { Call, RingingCall } from '../../../../src/shared/calls'
import { translator } from '../../../../src/shared/i18n/translate'
import { SHELL_CLIENT_ID, startCallAlerts } from '../../../../src/main/desktop/alerts/call-alerts'
import { createNotifier } from '../../../../src/main/desktop/alerts/notifications'
import type { TrayView } from '../../../../src/main/desktop/tray/tray-state'
import { createFakeElectron } from '../../../mocks/electron'
import { fakeDeskPort, HUB_STATUS as STATUS, settle } from '../support/fake-desk-port'

const SEAT: CoreStatus = {
  ...STATUS,
  hub: { name: 'Front desk', link: { state: 'online' }, queuedHangUps: [], pastHistory: false }
}

const call = (id: string, state: Call['state'], name = 'Ada'): Call => {
  const base = {
    id,
    pageId: '42',
    direction: 'inbound' as const,
    caller: { psid: 'p', name },
    startedAt: 0
  }
  switch (state) {
    case 'ringing':
      return { ...base, state, ringDeadline: 1 }
    case 'answering':
      return { ...base, state, answeredBy: 'window-1' }
    case 'connected':
      return { ...base, state, answeredBy: 'window-1', connectedAt: 1 }
    case 'ended':
      return { ...base, state, outcome: 'missed', reason: 'caller-hung-up', endedAt: 2 }
  }
}

async function setUp(options: { dnd?: boolean; initial?: Call[]; floatingToast?: boolean } = {}) {
  const service = fakeDeskPort({ calls: options.initial ?? [] })
  let dnd = options.dnd ?? false
  const views: TrayView[] = []
  const toast = {
    shown: false,
    show: () => (toast.shown = true),
    hide: () => (toast.shown = false)
  }
  const electron = createFakeElectron()
  const clicked: string[] = []
  const notifier = createNotifier({
    Notification: electron.Notification,
    appName: 'S',
    t: translator('en'),
    onCallClicked: (id) => clicked.push(id)
  })
  const alerts = startCallAlerts({
    service,
    appName: 'S',
    t: translator('en'),
    doNotDisturb: () => dnd,
    showView: (view) => views.push(view),
    toast,
    notifier,
    floatingToast: options.floatingToast
  })
  await settle()
  const send = (message: EventMessage): void => service.emit(message)
  return {
    alerts,
    views,
    toast,
    notifications: electron.created.notifications,
    clicked,
    service,
    update: (c: Call) => send({ event: 'callUpdated', payload: c }),
    status: (s: Partial<CoreStatus>) => send({ event: 'status', payload: { ...STATUS, ...s } }),
    setDnd: (on: boolean) => {
      dnd = on
      alerts.refresh()
    }
  }
}

describe('call alerts', () => {
  it('is a client of the service of its own, and asks it where things stand as that client', async () => {
    const t = await setUp()
    expect(t.service.attached()).toEqual([SHELL_CLIENT_ID])
    expect(t.service.asked).toEqual([{ command: 'hello', client: SHELL_CLIENT_ID }])
    t.alerts.dispose()
    expect(t.service.attached()).toEqual([])
  })

  it('raises the toast and one notification per ringing call, and clears them when it stops', async () => {
    const t = await setUp()
    expect(t.views.at(-1)?.state).toBe('idle')
    t.update(call('c1', 'ringing'))
    expect(t.toast.shown).toBe(true)
    expect(t.views.at(-1)?.state).toBe('ringing')
    expect(t.notifications).toHaveLength(1)
    expect(t.notifications[0]?.options).toMatchObject({
      title: 'Incoming Messenger call',
      body: 'Ada is calling your Page.',
      silent: true
    })
    // The caller's name arriving later does not ring the OS twice.
    t.update(call('c1', 'ringing', 'Ada Lovelace'))
    expect(t.notifications).toHaveLength(1)
    t.update(call('c1', 'connected'))
    expect(t.toast.shown).toBe(false)
    expect(t.notifications[0]?.closed).toBe(true)
    expect(t.views.at(-1)?.state).toBe('in-call')
    t.update(call('c1', 'ended'))
    expect(t.views.at(-1)?.state).toBe('idle')
  })

  it('keeps the toast up while any call still rings', async () => {
    const t = await setUp()
    t.update(call('c1', 'ringing'))
    t.update(call('c2', 'ringing', 'Grace'))
    t.update(call('c1', 'ended'))
    expect(t.toast.shown).toBe(true)
    expect(t.notifications.map((n) => n.closed)).toEqual([true, false])
    t.update(call('c2', 'answering'))
    expect(t.toast.shown).toBe(false)
  })

  it('rings with the notification alone where the toast cannot float (native Wayland)', async () => {
    const t = await setUp({ floatingToast: false })
    t.update(call('c1', 'ringing'))
    expect(t.toast.shown).toBe(false)
    expect(t.notifications).toHaveLength(1)
    expect(t.notifications[0]?.shown).toBe(true)
    t.notifications[0]?.click()
    expect(t.clicked).toEqual(['c1'])
  })

  it('focuses the call when its notification is clicked', async () => {
    const t = await setUp()
    t.update(call('c7', 'ringing'))
    t.notifications[0]?.click()
    expect(t.clicked).toEqual(['c7'])
  })

  it('leaves a call the core silenced (Do not disturb) out of the toast, notifications and tray', async () => {
    const t = await setUp({ dnd: true })
    const quiet = { ...(call('c1', 'ringing') as RingingCall), silenced: true as const }
    t.update(quiet)
    expect(t.views.at(-1)).toEqual({
      state: 'idle',
      tooltip: 'S: Ready for calls (do not disturb)'
    })
    expect(t.toast.shown).toBe(false)
    expect(t.notifications).toEqual([])
    // A test call is never silenced: it rings even in Do not disturb.
    t.update(call('test-1', 'ringing', 'Test caller'))
    expect(t.toast.shown).toBe(true)
    expect(t.views.at(-1)?.state).toBe('ringing')
    expect(t.notifications).toHaveLength(1)
    t.update(call('test-1', 'ended'))
    expect(t.toast.shown).toBe(false)
    // Switched off while it rings: the core republishes it unsilenced, and it rings now.
    t.setDnd(false)
    t.update(call('c1', 'ringing'))
    expect(t.toast.shown).toBe(true)
    expect(t.notifications).toHaveLength(2)
    expect(t.views.at(-1)?.state).toBe('ringing')
    // Switched on again: silenced again, everything goes quiet.
    t.setDnd(true)
    t.update(quiet)
    expect(t.toast.shown).toBe(false)
    expect(t.notifications[1]?.closed).toBe(true)
  })

  it('follows the status: offline when the tunnel fails', async () => {
    const t = await setUp()
    t.status({ tunnel: { state: 'error', message: 'Tunnel refused' }, publicUrl: null })
    expect(t.views.at(-1)).toEqual({ state: 'offline', tooltip: 'S: Tunnel refused' })
  })

  it('rings for a call that was already ringing when it started', async () => {
    const t = await setUp({ initial: [call('c0', 'ringing') as RingingCall] })
    expect(t.toast.shown).toBe(true)
    expect(t.notifications).toHaveLength(1)
  })

  it('says "starting" until the service answers, and keeps what an event said meanwhile', async () => {
    const service = fakeDeskPort({ calls: [call('c1', 'ringing'), call('c2', 'ringing', 'Grace')] })
    const release = service.hold()
    const views: TrayView[] = []
    const toast = { show: () => undefined, hide: () => undefined }
    const notifier = { callRinging: () => undefined, callStoppedRinging: () => undefined }
    startCallAlerts({
      service,
      appName: 'S',
      t: translator('en'),
      doNotDisturb: () => false,
      showView: (view) => views.push(view),
      toast,
      notifier
    })
    expect(views.at(-1)).toEqual({ state: 'offline', tooltip: 'S: starting' })
    // Answered elsewhere before the (older) answer arrives: the answer must not ring it again.
    service.emit({ event: 'callUpdated', payload: call('c1', 'connected') })
    service.emit({ event: 'status', payload: { ...STATUS, publicUrl: null } })
    release()
    await settle()
    expect(views.at(-1)).toEqual({ state: 'ringing', tooltip: 'S: Grace is calling' })
    service.emit({ event: 'callUpdated', payload: call('c2', 'ended') })
    expect(views.at(-1)).toEqual({ state: 'in-call', tooltip: 'S: In a call with Ada' })
    service.emit({ event: 'callUpdated', payload: call('c1', 'ended') })
    expect(views.at(-1)?.tooltip).toBe(
      'S: Calls cannot reach this computer yet: no public webhook address'
    )
  })

  it('asks anew when the desk changes role (joins a hub), dropping the calls it had', async () => {
    const t = await setUp({ initial: [call('c1', 'connected')] })
    expect(t.views.at(-1)?.state).toBe('in-call')
    t.service.state.calls = [call('h1', 'ringing', 'Grace')]
    t.service.state.status = SEAT
    t.status({})
    expect(t.service.asked.filter((a) => a.command === 'hello')).toHaveLength(1)
    t.service.emit({ event: 'status', payload: SEAT })
    expect(t.service.asked.filter((a) => a.command === 'hello')).toHaveLength(2)
    await settle()
    expect(t.views.at(-1)).toEqual({ state: 'ringing', tooltip: 'S: Grace is calling' })
    // Another status of the same role asks nothing more.
    t.service.emit({ event: 'status', payload: SEAT })
    expect(t.service.asked.filter((a) => a.command === 'hello')).toHaveLength(2)
  })

  it('shows no notification where the OS has none, but still the toast', () => {
    const electron = createFakeElectron()
    electron.Notification.supported = false
    const notifier = createNotifier({
      Notification: electron.Notification,
      appName: 'S',
      t: translator('en'),
      onCallClicked: () => undefined
    })
    notifier.callRinging(call('c1', 'ringing') as RingingCall)
    expect(electron.created.notifications).toEqual([])
  })
})
