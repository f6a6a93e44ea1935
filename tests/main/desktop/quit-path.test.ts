/** The quit path: services stop once, then Electron quits; Windows' session end takes it too. */
import { describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import { installQuitPath } from '../../../src/main/desktop/quit-path'
import { createFakeElectron } from '../../mocks/electron'

describe('installQuitPath', () => {
  it('waits for the services on quit, stops them once, and then lets Electron quit', async () => {
    const electron = createFakeElectron()
    const stop = vi.fn(async () => undefined)
    const quit = installQuitPath(electron.app, stop, memoryLogger())
    expect(quit.isQuitting()).toBe(false)
    electron.app.quit()
    expect(quit.isQuitting()).toBe(true)
    expect(electron.app.quitted).toBe(false)
    quit.stopThenQuit()
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true))
    expect(stop).toHaveBeenCalledOnce()
    expect(electron.app.quitCalls).toBe(2)
  })

  it('on Windows stops at the session end, however often Windows says it', async () => {
    const electron = createFakeElectron()
    const stop = vi.fn(async () => undefined)
    const log = memoryLogger()
    const quit = installQuitPath(electron.app, stop, log)
    const window = new electron.BrowserWindow()
    quit.stopOnSessionEnd(window, 'win32')
    window.endSession()
    window.endSession()
    expect(quit.isQuitting()).toBe(true)
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true))
    expect(stop).toHaveBeenCalledOnce()
    expect(log.entries.map((entry) => entry.message)).toContain(
      'Windows is ending the session: the app stops as on quit'
    )
  })

  it('does not listen for it elsewhere', () => {
    const electron = createFakeElectron()
    const quit = installQuitPath(electron.app, async () => undefined, memoryLogger())
    const window = new electron.BrowserWindow()
    quit.stopOnSessionEnd(window, 'darwin')
    expect(window.listenerCount('session-end')).toBe(0)
  })
})
