/**
 * A seat desk has no SoftphoneCore, registry or history of its own: its shell runs on the seat's
 * service (SeatService), which forwards to its hub. The same tray, notification, toast and badge
 * must follow the hub's calls and missed-call count there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Call } from '../../../src/shared/calls'
import { memoryLogger } from '../../../src/main/core/log'
import { SeatService } from '../../../src/main/core/seat/seat-service'
import { openDeskShell } from './support/desk-shell'
import { settle } from './support/fake-desk-port'
import { HUB_STATUS } from './support/fake-desk-port'
import { fixedSettings, hubHolding } from './support/scripted-seat-hub'

const ringingAtHub: Call = {
  id: 'c1',
  pageId: '42',
  direction: 'inbound',
  caller: { psid: 'p1', name: 'Ada' },
  startedAt: 0,
  state: 'ringing',
  ringDeadline: Date.now() + 60_000
}

describe('a seat desk’s shell', () => {
  let seat: SeatService | undefined
  afterEach(() => seat?.dispose())

  it('rings, notifies and counts missed calls from its hub, without a core of its own', async () => {
    const { hub, asked, emit } = hubHolding({ calls: [ringingAtHub], unseen: 2 })
    seat = new SeatService({ hub, settings: fixedSettings(), logger: memoryLogger() })
    await settle()
    const desk = openDeskShell(seat, 'darwin')
    desk.startAlerts()
    const tray = desk.electron.created.trays[0]
    await vi.waitFor(() =>
      expect(tray?.tooltip).toBe('Messenger Softphone: Ada is calling (2 missed calls)')
    )
    // What the seat's shell asked, its hub answered: the calls and the hub-wide missed count.
    expect(asked).toEqual(expect.arrayContaining(['listCalls', 'getMissedCalls']))
    const { app, created } = desk.electron
    expect(app.badgeCount).toBe(2)
    expect(created.notifications).toHaveLength(1)
    expect(created.notifications[0]?.options.body).toBe('Ada is calling your Page.')
    expect(desk.toastWindow.isVisible()).toBe(true)

    // The caller hangs up at the hub: a missed call, counted on the seat's tray and badge.
    emit({
      event: 'callUpdated',
      payload: {
        ...ringingAtHub,
        state: 'ended',
        outcome: 'missed',
        reason: 'caller-hung-up',
        endedAt: 1
      }
    })
    emit({ event: 'missedCalls', payload: { unseen: 3 } })
    expect(tray?.tooltip).toBe('Messenger Softphone: Ready for calls (3 missed calls)')
    expect(app.badgeCount).toBe(3)
    expect(created.notifications[0]?.closed).toBe(true)
    expect(desk.toastWindow.isVisible()).toBe(false)
    await desk.disposables.dispose()
  })

  it('says in the tray when the hub keeps calls quiet outside the business hours', async () => {
    const { hub, emit } = hubHolding({ calls: [], unseen: 0 })
    seat = new SeatService({ hub, settings: fixedSettings(), logger: memoryLogger() })
    await settle()
    const desk = openDeskShell(seat, 'linux')
    desk.startAlerts()
    const tray = desk.electron.created.trays[0]
    await vi.waitFor(() => expect(tray?.tooltip).toBe('Messenger Softphone: Ready for calls'))

    // Monday 7 December 2026, 09:00 in Madrid.
    const opensAt = Date.parse('2026-12-07T08:00:00Z')
    const hours = { calls: 'quiet' as const, opensAt, timeZone: 'Europe/Madrid' }
    emit({ event: 'status', payload: { ...HUB_STATUS, hours } })
    expect(tray?.tooltip).toBe(
      'Messenger Softphone: Ready for calls (closed until Mon 09:00: calls ring out quietly)'
    )
    emit({ event: 'status', payload: HUB_STATUS })
    expect(tray?.tooltip).toBe('Messenger Softphone: Ready for calls')
    await desk.disposables.dispose()
  })
})
