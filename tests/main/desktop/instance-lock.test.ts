/** The first steps of a start: data folder, then the lock; later launches focus the window. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { claimInstance, listenForLaunches } from '../../../src/main/desktop/instance-lock'
import { revealWindow } from '../../../src/main/desktop/windows/main-window'
import { createFakeElectron } from '../../mocks/electron'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

const claim = { platform: 'linux' as const, execPath: '/opt/softphone/messenger-softphone' }

describe('claimInstance', () => {
  it('sets SOFTPHONE_DATA_DIR before it asks for the lock, so a second profile gets its own', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'softphone-profile-'))
    folders.push(elsewhere)
    const { app } = createFakeElectron()
    expect(claimInstance(app, { ...claim, env: { SOFTPHONE_DATA_DIR: elsewhere } })).toBe(true)
    expect(app.calls).toEqual(['setPath userData', 'requestSingleInstanceLock'])
    expect(app.getPath('userData')).toBe(elsewhere)
  })

  it('keeps the default folder without the variable, and quits when that folder is taken', () => {
    const { app } = createFakeElectron()
    app.hasLock = false
    expect(claimInstance(app, { ...claim, env: {} })).toBe(false)
    expect(app.calls).toEqual(['requestSingleInstanceLock'])
    expect(app.quitCalls).toBe(1)
  })
})

describe('listenForLaunches', () => {
  it('remembers a launch that comes before the window and reveals the window once it exists', () => {
    const electron = createFakeElectron()
    const launches = listenForLaunches(electron.app, revealWindow)
    electron.app.emit('second-instance')
    const window = new electron.BrowserWindow()
    window.minimize()
    launches.attach(window)
    expect(window).toMatchObject({ visible: true, focused: true, minimized: false })
    // Remembered once: attaching again does not reveal a window the user has since hidden.
    window.hide()
    launches.attach(window)
    expect(window.visible).toBe(false)
    electron.app.emit('second-instance')
    expect(window).toMatchObject({ visible: true, focused: true })
  })

  it('leaves the window alone when nobody launched the app again', () => {
    const electron = createFakeElectron()
    const launches = listenForLaunches(electron.app, revealWindow)
    const window = new electron.BrowserWindow()
    launches.attach(window)
    expect(window.visible).toBe(false)
  })
})
