/**
 * The two desktop halves joined: the real preload (as the page calls it, `window.softphone`), the
 * real IPC registration with its sender policy, and the real service of a core whose Meta is the
 * simulator. Only Electron is fake, underneath: its ipcRenderer reaches its ipcMain and its
 * webContents.send reaches the preload's listeners. A werift desk answers through the preload, so
 * the offer, Meta's answer and the hang up cross every hop a desktop call does.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Call, HistoryRecord } from '../../../src/shared/calls'
import type { SoftphoneBridge } from '../../../src/preload/bridge'
import { silentLogger } from '../../../src/main/core/log'
import { registerIpc } from '../../../src/main/desktop/ipc/register-ipc'
import { WindowClients } from '../../../src/main/desktop/ipc/window-clients'
import { microphoneAccessCheck } from '../../../src/main/desktop/microphone-access'
import { HeadlessClient } from '../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import { createRendererSource } from '../../../src/main/desktop/windows/renderer-source'
import { FakeIpcMain, FakeSystemPreferences, FakeWebContents } from '../../mocks/electron'
import { createFakePage } from '../../mocks/electron-renderer'

const source = createRendererSource({ rendererDir: '/opt/softphone/out/renderer' })
const ipcMain = new FakeIpcMain()
const mainWindow = new FakeWebContents()
mainWindow.mainFrame.url = source.url('index')
const page = createFakePage(ipcMain, mainWindow)

// The preload imports electron: it gets the page's half, wired to `ipcMain` above.
vi.mock('electron', () => page.electron)

let rig: InProcessRig
let unregister: (() => void) | undefined
let clients: WindowClients | undefined
let softphone: SoftphoneBridge
const calls: Call[] = []
const history: HistoryRecord[] = []
const desks: HeadlessClient[] = []

beforeAll(async () => {
  rig = await startInProcessRig()
  // As desktop-app.ts wires them: the window is a client of the service, IPC checks its sender.
  clients = new WindowClients(rig.core.service)
  unregister = registerIpc({
    ipcMain,
    service: rig.core.service,
    clients,
    isOwnPage: source.isOwnPage,
    forwardCallAction: () => undefined,
    microphone: microphoneAccessCheck(new FakeSystemPreferences(), 'linux'),
    log: silentLogger
  })
  clients.attach(mainWindow)
  await import('../../../src/preload/index')
  softphone = page.window('softphone') as SoftphoneBridge
  softphone.on('callUpdated', (call) => calls.push(call))
  softphone.on('historyAdded', (record) => history.push(record))
})

afterAll(async () => {
  await Promise.all(desks.map((desk) => desk.close()))
  unregister?.()
  clients?.dispose()
  await rig?.close()
})

/** The newest state the page heard of a call. */
const stateOf = (callId: string): Call['state'] | undefined =>
  calls.findLast((call) => call.id === callId)?.state

describe('the desktop halves together', () => {
  it('rings, answers and hangs up through window.softphone, and history has it completed', async () => {
    const callId = await rig.sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
    await expect.poll(() => stateOf(callId), { timeout: 5000 }).toBe('ringing')

    const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 880 } })
    desks.push(desk)
    const accepted = await desk.answer(softphone, callId)
    // Meta's answer came back through main and the preload, and the offer reached Meta.
    expect(accepted.answer).toMatch(/^v=0\r\n/)
    const accept = rig.sim.graph.requests.find(
      (r) => r.action === 'accept' && (r.body as { call_id?: string }).call_id === callId
    )
    expect(accept?.status).toBe(200)
    await expect.poll(() => stateOf(callId), { timeout: 5000 }).toBe('connected')
    expect(calls.findLast((call) => call.id === callId)).toMatchObject({
      answeredBy: `window-${mainWindow.id}`
    })
    // The SDP that crossed the preload is good enough to carry sound to the caller.
    await expect(rig.sim.callerOf(callId)?.waitForAudio({ frequency: 880 })).resolves.toMatchObject(
      { connected: true }
    )

    await desk.hangUp(softphone)
    await expect.poll(() => stateOf(callId), { timeout: 5000 }).toBe('ended')
    expect(calls.findLast((call) => call.id === callId)).toMatchObject({
      outcome: 'completed',
      reason: 'we-hung-up'
    })
    await expect
      .poll(() => history.find((record) => record.callId === callId)?.outcome)
      .toBe('completed')
    const listed = await softphone.listHistory({})
    expect(listed.find((record) => record.callId === callId)).toMatchObject({
      outcome: 'completed',
      reason: 'we-hung-up'
    })
  })

  it('refuses the same preload once its window shows a foreign page', async () => {
    mainWindow.mainFrame.url = 'https://example.com/'
    try {
      await expect(softphone.getStatus({})).rejects.toThrow(/Error invoking remote method/)
    } finally {
      mainWindow.mainFrame.url = source.url('index')
    }
    await expect(softphone.getStatus({})).resolves.toBeDefined()
  })
})
