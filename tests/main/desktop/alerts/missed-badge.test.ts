import { afterEach, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../../src/shared/api'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'
import { startMissedBadge, withMissedCalls } from '../../../../src/main/desktop/alerts/missed-badge'
import { MAX_TOOLTIP } from '../../../../src/main/desktop/tray/tray-state'
import { translator } from '../../../../src/shared/i18n/translate'
import { createFakeElectron } from '../../../mocks/electron'
import { fakeDeskPort, HUB_STATUS, settle } from '../support/fake-desk-port'
import { cleanUp, ringCall, startDesktop, type StartedDesktop } from '../desktop-fixtures'

const missed = (unseen: number): EventMessage => ({ event: 'missedCalls', payload: { unseen } })

describe('the missed-calls count in the tray tooltip', () => {
  const ready = { state: 'idle' as const, tooltip: 'Softphone: Ready for calls' }

  it.each([
    [0, 'Softphone: Ready for calls'],
    [1, 'Softphone: Ready for calls (1 missed call)'],
    [3, 'Softphone: Ready for calls (3 missed calls)']
  ])('%i unseen: %s', (unseen, tooltip) => {
    expect(withMissedCalls(ready, unseen, translator('en'))).toEqual({ state: 'idle', tooltip })
  })

  it('keeps the count when a long tooltip has to be cut to the Windows limit', () => {
    const long = withMissedCalls(
      { state: 'ringing', tooltip: `S: ${'A'.repeat(200)}` },
      12,
      translator('en')
    )
    expect(long.tooltip).toHaveLength(MAX_TOOLTIP)
    expect(long.tooltip.endsWith('… (12 missed calls)')).toBe(true)
  })

  it('says the count in Spanish, still within the limit', () => {
    const es = translator('es')
    expect(withMissedCalls(ready, 1, es).tooltip).toBe(
      'Softphone: Ready for calls (1 llamada perdida)'
    )
    const long = withMissedCalls({ state: 'ringing', tooltip: `S: ${'A'.repeat(200)}` }, 12, es)
    expect(long.tooltip).toHaveLength(MAX_TOOLTIP)
    expect(long.tooltip.endsWith('… (12 llamadas perdidas)')).toBe(true)
  })
})

describe('the missed-calls badge', () => {
  it.each<[NodeJS.Platform, number]>([
    ['darwin', 2],
    ['linux', 2],
    // Windows has no count badge: the window title carries it there.
    ['win32', 0]
  ])(
    'on %s shows the count the service gives at start, follows it, and clears it at quit',
    async (platform, shown) => {
      const electron = createFakeElectron()
      const service = fakeDeskPort({ unseen: 2 })
      const changes: number[] = []
      const badge = startMissedBadge({
        service,
        app: electron.app,
        platform,
        t: translator('en'),
        onChange: (unseen) => changes.push(unseen)
      })
      await settle()
      expect(service.asked).toEqual([{ command: 'getMissedCalls', client: 'missed-badge' }])
      expect(electron.app.badgeCount).toBe(shown)
      expect(changes).toEqual([2])

      service.emit(missed(3))
      service.emit(missed(3))
      service.emit({ event: 'historyAdded', payload: {} as never })
      expect(badge.unseen()).toBe(3)
      expect(changes).toEqual([2, 3])
      expect(electron.app.badgeCount).toBe(shown === 0 ? 0 : 3)
      service.emit(missed(0))
      expect(electron.app.badgeCount).toBe(0)
      expect(changes).toEqual([2, 3, 0])

      service.emit(missed(1))
      badge.dispose()
      expect(service.attached()).toEqual([])
      expect(electron.app.badgeCount).toBe(0)
    }
  )

  it('asks for the count anew when the desk joins a hub (the hub’s history counts then)', async () => {
    const electron = createFakeElectron()
    const service = fakeDeskPort({ unseen: 1 })
    const badge = startMissedBadge({
      service,
      app: electron.app,
      platform: 'darwin',
      t: translator('en'),
      onChange: () => undefined
    })
    await settle()
    service.emit({ event: 'status', payload: HUB_STATUS })
    service.emit({ event: 'status', payload: HUB_STATUS })
    expect(service.asked).toHaveLength(1)
    service.state.unseen = 6
    service.emit({
      event: 'status',
      payload: {
        ...HUB_STATUS,
        hub: {
          name: 'Front desk',
          link: { state: 'online' },
          queuedHangUps: [],
          pastHistory: false
        }
      }
    })
    await settle()
    expect(service.asked).toHaveLength(2)
    expect(badge.unseen()).toBe(6)
    expect(electron.app.badgeCount).toBe(6)
  })

  it('keeps a count an event gave before the answer to its first question', async () => {
    const electron = createFakeElectron()
    const service = fakeDeskPort({ unseen: 4 })
    const release = service.hold()
    const badge = startMissedBadge({
      service,
      app: electron.app,
      platform: 'darwin',
      t: translator('en'),
      onChange: () => undefined
    })
    service.emit(missed(5))
    release()
    await settle()
    expect(badge.unseen()).toBe(5)
    expect(electron.app.badgeCount).toBe(5)
  })
})

describe('the desktop app with a missed call', () => {
  let started: StartedDesktop | undefined
  afterEach(async () => {
    await cleanUp(started)
    started = undefined
  })

  it('counts it on the tray and the badge until the history is seen', async () => {
    started = await startDesktop({ env: { SOFTPHONE_RING_TIMEOUT_S: '0.3' } })
    const { electron, app } = started
    const tray = electron.created.trays[0]
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl || !tray) throw new Error('not started')
    expect(tray.tooltip).not.toMatch(/missed/)

    await ringCall(webhookUrl, 'c_missed_1')
    await expect.poll(() => tray.tooltip).toMatch(/\(1 missed call\)$/)
    expect(electron.app.badgeCount).toBe(1)
    expect(app.core.registry.get('c_missed_1')).toMatchObject({ outcome: 'missed' })

    const ui: ClientHandle = { id: 'window', send: () => undefined }
    await app.core.service.dispatch('markHistorySeen', {}, ui)
    expect(tray.tooltip).not.toMatch(/missed/)
    expect(electron.app.badgeCount).toBe(0)
  })
})
