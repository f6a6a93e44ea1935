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

  it('holds a quit the person asked for until the question is answered, before any window closes', async () => {
    const electron = createFakeElectron()
    const stop = vi.fn(async () => undefined)
    const quit = installQuitPath(electron.app, stop, memoryLogger())
    const window = new electron.BrowserWindow()
    let answer: (yes: boolean) => void = () => undefined
    const question = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)))
    quit.askFirst(question)
    electron.app.quit()
    expect(window.isDestroyed()).toBe(false)
    expect(quit.isQuitting()).toBe(false)
    answer(true)
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true))
    expect(question).toHaveBeenCalledOnce()
    expect(stop).toHaveBeenCalledOnce()
    expect(window.isDestroyed()).toBe(true)
  })

  it('quits anyway when the question cannot be put', async () => {
    const electron = createFakeElectron()
    const log = memoryLogger()
    const quit = installQuitPath(electron.app, async () => undefined, log)
    quit.askFirst(() => Promise.reject(new Error('no service')))
    electron.app.quit()
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true))
    expect(log.entries.map((entry) => entry.message)).toContain(
      'could not ask before quitting: quitting anyway'
    )
  })

  it('stops unasked when the system shuts down, however often it says so', async () => {
    const electron = createFakeElectron()
    const stop = vi.fn(async () => undefined)
    const quit = installQuitPath(electron.app, stop, memoryLogger())
    const question = vi.fn(async () => false)
    quit.askFirst(question)
    quit.stopOnSystemEnd(electron.powerMonitor)
    electron.powerMonitor.emit('shutdown')
    electron.powerMonitor.emit('shutdown')
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true))
    expect(question).not.toHaveBeenCalled()
    expect(stop).toHaveBeenCalledOnce()
  })
})
