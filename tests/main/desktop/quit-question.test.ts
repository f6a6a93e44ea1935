/**
 * Issue #13 item 8: a desk asked to quit while calls are in progress says how many would end and
 * asks first; the system shutting down is never held up. The windows, the quit path and the
 * question are composed as the app composes them, against a fake Electron and a fake desk service.
 */
import { describe, expect, it, vi } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import type { Call } from '../../../src/shared/calls'
import { memoryLogger } from '../../../src/main/core/log'
import { SeatService } from '../../../src/main/core/seat/seat-service'
import type { ClientHandle } from '../../../src/main/core/service/softphone-service'
import {
  callsEndedByQuitting,
  quitButtons,
  quitSentence
} from '../../../src/main/desktop/quit-question'
import { translator } from '../../../src/shared/i18n/translate'
import { openDeskShell } from './support/desk-shell'
import { fakeDeskPort, HUB_STATUS, settle, type DeskState } from './support/fake-desk-port'
import { fixedSettings, hubHolding, SEAT_LINK_ID } from './support/scripted-seat-hub'

const QUIT = 0
const KEEP_RUNNING = 1

function live(id: string, answeredBy: string, answeredByDesk?: string): Call {
  return {
    id,
    pageId: '42',
    direction: 'inbound',
    caller: { psid: `p-${id}`, name: 'Ada' },
    startedAt: 0,
    state: 'connected',
    answeredBy,
    answeredByDesk,
    connectedAt: 1
  }
}

const ringing: Call = {
  id: 'r1',
  pageId: '42',
  direction: 'inbound',
  caller: { psid: 'p-r1' },
  startedAt: 0,
  state: 'ringing',
  ringDeadline: 10
}

const SEAT_STATUS: CoreStatus = {
  ...HUB_STATUS,
  webhookUrl: null,
  publicUrl: null,
  tunnel: { state: 'off' },
  hub: { name: 'Front desk', link: { state: 'online' }, queuedHangUps: [], pastHistory: false }
}

/** A desk's shell over a fake service that holds `state`. */
function openDesk(state: Partial<DeskState> = {}) {
  const service = fakeDeskPort(state)
  return { ...openDeskShell(service), service }
}

describe('quitting a hub desk', () => {
  it('quits without asking when no call is in progress (a ringing one does not count)', async () => {
    const desk = openDesk({ calls: [ringing] })
    desk.askToQuit()
    await desk.quitted()
    expect(desk.boxes).toEqual([])
    expect(desk.stop).toHaveBeenCalledOnce()
  })

  it('asks first with 2 calls in progress; Keep running keeps it running', async () => {
    const desk = openDesk({ calls: [live('c1', 'window-1'), live('c2', 'seat-x', 'Back office')] })
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    const box = desk.boxes[0]
    expect(box?.options).toMatchObject({
      message: '2 calls are in progress on your desks; quitting ends them for the customers.',
      buttons: ['Quit and end calls', 'Keep running'],
      defaultId: KEEP_RUNNING,
      cancelId: KEEP_RUNNING
    })
    // Modal to the main window, which is brought up for it.
    expect(box?.parent).toBe(desk.mainWindow)
    expect(desk.mainWindow.isVisible()).toBe(true)
    // Nothing closed or stopped while the question is open.
    expect(desk.quit.isQuitting()).toBe(false)
    expect(desk.mainWindow.isDestroyed()).toBe(false)

    box?.answer(KEEP_RUNNING)
    await settle()
    expect(desk.electron.app.quitted).toBe(false)
    expect(desk.stop).not.toHaveBeenCalled()
    expect(desk.quit.isQuitting()).toBe(false)
    // Closing the window now still hides it: the app runs on.
    desk.mainWindow.close()
    expect(desk.mainWindow.isDestroyed()).toBe(false)
  })

  it('quits on "Quit and end calls", and the stop then ends the calls', async () => {
    const desk = openDesk({ calls: [live('c1', 'window-1'), live('c2', 'seat-x')] })
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    desk.boxes[0]?.answer(QUIT)
    await desk.quitted()
    expect(desk.stop).toHaveBeenCalledOnce()
    expect(desk.boxes).toHaveLength(1)
  })

  it('opens one question however often quit is asked while it is open', async () => {
    const desk = openDesk({ calls: [live('c1', 'window-1')] })
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    desk.askToQuit()
    desk.askToQuit()
    await settle()
    expect(desk.boxes).toHaveLength(1)
    expect(desk.boxes[0]?.options.message).toBe(
      '1 call is in progress on your desks; quitting ends it for the customer.'
    )
    desk.boxes[0]?.answer(QUIT)
    await desk.quitted()
    expect(desk.stop).toHaveBeenCalledOnce()
  })

  it('asks again at the next quit after Keep running', async () => {
    const desk = openDesk({ calls: [live('c1', 'window-1')] })
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    desk.boxes[0]?.answer(KEEP_RUNNING)
    await settle()
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(2))
  })

  it('asks from the tray’s Quit too', async () => {
    const desk = openDesk({ calls: [live('c1', 'window-1')] })
    desk.startAlerts()
    desk.electron.created.trays[0]?.contextMenu?.click('Quit')
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    desk.boxes[0]?.answer(QUIT)
    await desk.quitted()
  })

  it('never asks when the system shuts down or logs out (powerMonitor "shutdown")', async () => {
    const desk = openDesk({ calls: [live('c1', 'window-1'), live('c2', 'seat-x')] })
    desk.electron.powerMonitor.emit('shutdown')
    await desk.quitted()
    expect(desk.boxes).toEqual([])
    expect(desk.stop).toHaveBeenCalledOnce()
  })
})

describe('quitting a seat desk', () => {
  it('asks only about the calls answered on this desk, saying the customer is cut off', async () => {
    const desk = openDesk({ status: SEAT_STATUS })
    desk.service.state.calls = [
      live('mine', desk.mainWindowClient, 'Back office'),
      // The hub's own window has the same id as ours: its desk's name tells them apart.
      live('hubs', desk.mainWindowClient, 'Front desk'),
      live('other seat', 'seat-7f', 'Reception')
    ]
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    expect(desk.boxes[0]?.options.message).toBe(
      '1 call is in progress on this desk; if you quit, the customer is cut off.'
    )
    expect(desk.boxes[0]?.options.buttons).toEqual(quitButtons(translator('en')))
  })

  it('quits without asking when its calls were answered at other desks', async () => {
    const desk = openDesk({
      status: SEAT_STATUS,
      calls: [live('other seat', 'seat-7f', 'Reception'), live('hubs', 'window-99', 'Front desk')]
    })
    desk.askToQuit()
    await desk.quitted()
    expect(desk.boxes).toEqual([])
  })

  it('counts the calls it last heard of when its hub is offline (their audio is still here)', async () => {
    const desk = openDesk({ status: SEAT_STATUS, listFails: true })
    desk.service.emit({
      event: 'callUpdated',
      payload: live('mine', desk.mainWindowClient, 'Back office')
    })
    desk.service.emit({ event: 'callUpdated', payload: live('gone', desk.mainWindowClient) })
    desk.service.emit({
      event: 'callUpdated',
      payload: {
        ...ringing,
        id: 'gone',
        state: 'ended',
        outcome: 'completed',
        reason: 'we-hung-up',
        endedAt: 2
      }
    })
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    expect(desk.boxes[0]?.options.message).toMatch(/^1 call is in progress on this desk/)
  })
})

describe('quitting a seat desk, on its real service', () => {
  it('asks about the call its own window answered through the hub, not the others', async () => {
    const { hub, held } = hubHolding({ calls: [], unseen: 0 })
    const seat = new SeatService({ hub, settings: fixedSettings(), logger: memoryLogger() })
    const desk = openDeskShell(seat)
    // The main window answers c1: the hub names the seat's link, the seat gives the window back.
    const window: ClientHandle = { id: desk.mainWindowClient, send: () => undefined }
    await seat.dispatch('accept', { callId: 'c1', sdp: 'v=0 offer' }, window)
    held.calls = [
      live('c1', SEAT_LINK_ID, 'Back office'),
      live('c2', 'seat-7f', 'Reception'),
      // The hub's own main window, with the same id as ours.
      live('c3', desk.mainWindowClient, 'Front desk')
    ]
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    expect(desk.boxes[0]?.options.message).toBe(
      '1 call is in progress on this desk; if you quit, the customer is cut off.'
    )
    desk.boxes[0]?.answer(QUIT)
    await desk.quitted()
    seat.dispose()
  })
})

describe('the question’s words and count', () => {
  it.each<[number, 'hub' | 'seat', string | undefined]>([
    [0, 'hub', undefined],
    [1, 'hub', '1 call is in progress on your desks; quitting ends it for the customer.'],
    [3, 'hub', '3 calls are in progress on your desks; quitting ends them for the customers.'],
    [2, 'seat', '2 calls are in progress on this desk; if you quit, the customers are cut off.']
  ])('%i on a %s', (count, role, sentence) => {
    expect(quitSentence(count, role, translator('en'))).toBe(sentence)
  })

  it('asks in the desk’s language: Spanish on a Spanish system', async () => {
    const desk = openDeskShell(
      fakeDeskPort({ calls: [live('c1', 'window-1'), live('c2', 'seat-x')] }),
      'linux',
      ['es-MX', 'en-US']
    )
    desk.askToQuit()
    await vi.waitFor(() => expect(desk.boxes).toHaveLength(1))
    expect(desk.boxes[0]?.options).toMatchObject({
      title: '¿Salir con llamadas en curso?',
      message: 'Hay 2 llamadas en curso en sus puestos; al salir, se cortan para los clientes.',
      buttons: ['Salir y terminar las llamadas', 'Seguir abierta']
    })
    desk.boxes[0]?.answer(QUIT)
    await desk.quitted()
  })

  it('counts answering and connected calls on any desk of a hub, test calls aside', () => {
    const answering: Call = { ...ringing, id: 'a1', state: 'answering', answeredBy: 'seat-1' }
    const testCall: Call = { ...live('t1', 'window-1'), test: true }
    expect(
      callsEndedByQuitting([ringing, answering, live('c1', 'window-1'), testCall], {
        role: 'hub'
      }).map((call) => call.id)
    ).toEqual(['a1', 'c1'])
  })
})
