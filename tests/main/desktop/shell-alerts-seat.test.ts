/**
 * A seat desk has no SoftphoneCore, registry or history of its own: its shell runs on the seat's
 * service (SeatService), which forwards to its hub. The same tray, notification, toast and badge
 * must follow the hub's calls and missed-call count there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommandName, EventMessage, EventName } from '../../../src/shared/api'
import { createApi } from '../../../src/shared/api-names'
import type { Call } from '../../../src/shared/calls'
import type { HubLinkStatus } from '../../../src/shared/hub-link'
import { defaultSettings, type Settings } from '../../../src/shared/settings'
import { memoryLogger } from '../../../src/main/core/log'
import type { HubConnection } from '../../../src/main/core/seat/hub-connection'
import { SeatService } from '../../../src/main/core/seat/seat-service'
import { Disposables } from '../../../src/main/core/shared/disposables'
import { openDesktopWindows } from '../../../src/main/desktop/desktop-windows'
import { listenForLaunches } from '../../../src/main/desktop/instance-lock'
import { installQuitPath } from '../../../src/main/desktop/quit-path'
import { startShellAlerts } from '../../../src/main/desktop/shell-alerts'
import { revealWindow } from '../../../src/main/desktop/windows/main-window'
import { createRendererSource } from '../../../src/main/desktop/windows/renderer-source'
import { createFakeElectron } from '../../mocks/electron'
import { HUB_STATUS, settle } from './support/fake-desk-port'

const ringingAtHub: Call = {
  id: 'c1',
  pageId: '42',
  direction: 'inbound',
  caller: { psid: 'p1', name: 'Ada' },
  startedAt: 0,
  state: 'ringing',
  ringDeadline: Date.now() + 60_000
}

/** The hub at the other end of the link: it answers with the calls and missed count it holds. */
function hubHolding(held: { calls: Call[]; unseen: number }) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const asked: CommandName[] = []
  const link: HubLinkStatus = { state: 'online' }
  const answers: Partial<Record<CommandName, () => unknown>> = {
    hello: () => ({ clientId: 'seat-link', status: HUB_STATUS, calls: held.calls }),
    listCalls: () => held.calls,
    getMissedCalls: () => ({ unseen: held.unseen })
  }
  const hub: HubConnection = {
    hubName: 'Front desk',
    api: createApi(async (command) => {
      asked.push(command)
      const answer = answers[command]
      if (!answer) throw new Error(`not scripted: ${command}`)
      return answer()
    }),
    status: () => link,
    onStatus: () => () => undefined,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    },
    onClose: () => undefined,
    close: () => undefined
  }
  const emit = (message: EventMessage): void => {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
  }
  return { hub, asked, emit }
}

function ownSettings() {
  const current: Settings = defaultSettings()
  return {
    get: () => current,
    update: async () => current,
    onChange: () => () => undefined
  }
}

describe('a seat desk’s shell', () => {
  const disposables = new Disposables(memoryLogger())
  afterEach(() => disposables.dispose())

  it('rings, notifies and counts missed calls from its hub, without a core of its own', async () => {
    const electron = createFakeElectron()
    const log = memoryLogger()
    const { hub, asked, emit } = hubHolding({ calls: [ringingAtHub], unseen: 2 })
    const seat = new SeatService({ hub, settings: ownSettings(), logger: log })
    disposables.add('seat', () => seat.dispose())
    await settle()
    const quit = installQuitPath(electron.app, async () => void (await disposables.dispose()), log)
    const windows = openDesktopWindows({
      electron,
      platform: 'darwin',
      argv: [],
      mainDir: '/opt/softphone/out/main',
      assets: '/opt/softphone/resources',
      source: createRendererSource({ rendererDir: '/opt/softphone/out/renderer' }),
      service: seat,
      quit,
      launches: listenForLaunches(electron.app, revealWindow),
      trayShown: true,
      hasTray: () => true,
      development: false,
      disposables,
      logger: log
    })
    startShellAlerts({
      electron,
      platform: 'darwin',
      env: {},
      argv: [],
      execPath: '/Applications/Softphone.app/Contents/MacOS/Softphone',
      assets: '/opt/softphone/resources',
      service: seat,
      settings: ownSettings(),
      windows,
      trayShown: true,
      testCalls: false,
      disposables,
      logger: log
    })
    const tray = electron.created.trays[0]
    await vi.waitFor(() =>
      expect(tray?.tooltip).toBe('Messenger Softphone: Ada is calling (2 missed calls)')
    )
    // What the seat's shell asked, its hub answered: the calls and the hub-wide missed count.
    expect(asked).toEqual(expect.arrayContaining(['listCalls', 'getMissedCalls']))
    expect(electron.app.badgeCount).toBe(2)
    expect(electron.created.notifications).toHaveLength(1)
    expect(electron.created.notifications[0]?.options.body).toBe('Ada is calling your Page.')
    const toast = electron.created.windows[1]
    expect(toast?.isVisible()).toBe(true)

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
    expect(electron.app.badgeCount).toBe(3)
    expect(electron.created.notifications[0]?.closed).toBe(true)
    expect(toast?.isVisible()).toBe(false)
  })
})
