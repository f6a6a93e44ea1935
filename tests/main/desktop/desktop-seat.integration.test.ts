/**
 * The desktop app (fake Electron) as a desk that joins a real hub core (the in-process rig) from
 * its own window, over IPC: the window and the alerts stay bound to the desk's one service, so
 * the window hears it is a seat and the toast rises for the hub's calls; a later start of the
 * same data folder starts the desktop as that seat, with no hub core, tunnel or wake-up checks.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../src/shared/api'
import { IPC } from '../../../src/shared/ipc'
import { formatInvitation } from '../../../src/main/core/seat-link/desk-invitation'
import { startInProcessRig, type InProcessRig } from '../../../src/main/simulator/rig/in-process'
import { ipcEvent } from '../../mocks/electron'
import { cleanUp, startDesktop, type StartedDesktop } from './desktop-fixtures'

let rig: InProcessRig
let dataDir: string
const running: StartedDesktop[] = []

beforeEach(async () => {
  rig = await startInProcessRig({ deskName: 'Front desk' })
  dataDir = await mkdtemp(join(tmpdir(), 'softphone-desktop-seat-'))
})

afterEach(async () => {
  for (const started of running.splice(0)) await cleanUp(started)
  await rig.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function desktop(): Promise<StartedDesktop> {
  const started = await startDesktop({ configured: false, env: { SOFTPHONE_DATA_DIR: dataDir } })
  running.push(started)
  return started
}

/** The service events a window was sent over IPC. */
function eventsOf(window: { webContents: { sent: { channel: string; args: unknown[] }[] } }) {
  return window.webContents.sent
    .filter((sent) => sent.channel === IPC.event)
    .map((sent) => sent.args[0] as EventMessage)
}

describe('a desktop desk joining a hub', () => {
  it('keeps its window and alerts on the desk service, and starts again as the seat', async () => {
    const first = await desktop()
    const [main, toast] = first.electron.created.windows
    if (!main || !toast) throw new Error('no windows')
    const hubUrl = new URL(rig.webhookUrl).origin
    const invitation = formatInvitation(hubUrl, rig.core.seats!.issueCode('Back office').text)
    const reply = await first.electron.ipcMain.invoke(IPC.command, ipcEvent(main.webContents), {
      command: 'joinHub',
      request: { invitation, forgetPage: true }
    })
    expect(reply).toEqual({ ok: true, result: { hubName: 'Front desk' } })
    expect(first.app.runtime.current().role).toBe('seat')
    expect(first.app.tunnel).toBeUndefined()
    expect(() => first.app.core).toThrow(/seat/)
    await expect
      .poll(() => eventsOf(main).some((m) => m.event === 'status' && m.payload.hub !== undefined))
      .toBe(true)

    // The alerts followed: the hub's call raises this desk's toast.
    const callId = await rig.sim.placeCall()
    await expect.poll(() => toast.visible, { timeout: 5000 }).toBe(true)
    expect(eventsOf(main).some((m) => m.event === 'callUpdated' && m.payload.id === callId)).toBe(
      true
    )
    // A seat's wake-up has no tunnel or Page to check, and does not fail.
    first.electron.powerMonitor.emit('resume')

    await first.quit()
    running.splice(running.indexOf(first), 1)
    await cleanUp(first)
    const again = await desktop()
    expect(again.app.runtime.current().role).toBe('seat')
    await expect
      .poll(() => again.app.runtime.current().role === 'seat' && rig.core.seats!.online())
      .toEqual(['Back office'])
  })
})
