import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import {
  FIRST_CHECK_DELAY_MS,
  UPDATE_INTERVAL_MS,
  packagedUpdateFeedExists,
  startUpdater,
  type UpdateState,
  type UpdaterLike,
  type UpdaterLogger
} from '../../../src/main/desktop/updater'

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false
  autoInstallOnAppQuit = false
  logger: UpdaterLogger | null = null
  checks = 0
  /** What the next check does, after saying it is checking. */
  next: () => void = () => this.emit('update-not-available')

  async checkForUpdates(): Promise<unknown> {
    this.checks++
    this.emit('checking-for-update')
    this.next()
    return null
  }
}

let updater: FakeUpdater
let states: UpdateState[]

beforeEach(() => {
  vi.useFakeTimers()
  updater = new FakeUpdater()
  states = []
})

afterEach(() => {
  vi.useRealTimers()
})

function start(enabled = true, hasUpdateFeed = true) {
  const load = vi.fn(async () => updater)
  const log = memoryLogger()
  const handle = startUpdater({
    enabled,
    load,
    hasUpdateFeed: () => hasUpdateFeed,
    onState: (s) => states.push(s),
    log
  })
  return { handle, load, log }
}

describe('updater', () => {
  it('is off, with one sentence in the log, when the build has no update feed', async () => {
    const { handle, load, log } = start(true, false)
    await vi.advanceTimersByTimeAsync(3 * UPDATE_INTERVAL_MS)
    await handle.check()
    expect(load).not.toHaveBeenCalled()
    expect(handle.state()).toEqual({ state: 'disabled', reason: 'no update feed in this build' })
    expect(log.entries.map((entry) => entry.message)).toEqual([
      'Updates are off: no update feed in this build, so the app never checks for a new version.'
    ])
  })

  it('finds the feed only where electron-builder writes it: resources/app-update.yml', () => {
    const resources = mkdtempSync(join(tmpdir(), 'resources-'))
    try {
      expect(packagedUpdateFeedExists(resources)).toBe(false)
      writeFileSync(join(resources, 'app-update.yml'), 'provider: github\n')
      expect(packagedUpdateFeedExists(resources)).toBe(true)
    } finally {
      rmSync(resources, { recursive: true, force: true })
    }
  })

  it('does nothing in development, not even loading electron-updater', async () => {
    const { handle, load } = start(false)
    await vi.advanceTimersByTimeAsync(3 * UPDATE_INTERVAL_MS)
    await handle.check()
    expect(load).not.toHaveBeenCalled()
    expect(handle.state()).toEqual({ state: 'disabled', reason: 'development build' })
  })

  it('checks shortly after start, then daily, downloading and installing on quit', async () => {
    const { handle } = start()
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1)
    expect(updater.checks).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(updater.checks).toBe(1)
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true })
    expect(updater.logger).not.toBeNull()
    await vi.advanceTimersByTimeAsync(UPDATE_INTERVAL_MS)
    expect(updater.checks).toBe(2)
    await vi.advanceTimersByTimeAsync(UPDATE_INTERVAL_MS)
    expect(updater.checks).toBe(3)
    expect(handle.state()).toEqual({ state: 'idle' })
    handle.dispose()
    await vi.advanceTimersByTimeAsync(UPDATE_INTERVAL_MS * 2)
    expect(updater.checks).toBe(3)
  })

  it('tells the user when an update is ready, and stops checking', async () => {
    updater.next = () => {
      updater.emit('update-available', { version: '1.2.0' })
      updater.emit('update-downloaded', { version: '1.2.0' })
    }
    const { handle } = start()
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS)
    expect(states).toEqual([
      { state: 'checking' },
      { state: 'downloading', version: '1.2.0' },
      { state: 'ready', version: '1.2.0' }
    ])
    await vi.advanceTimersByTimeAsync(UPDATE_INTERVAL_MS)
    expect(updater.checks).toBe(1)
    expect(handle.state()).toEqual({ state: 'ready', version: '1.2.0' })
  })

  it('reports a failed check as state and tries again the next day', async () => {
    updater.next = () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED')
    }
    const { handle } = start()
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS)
    expect(handle.state()).toEqual({ state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' })
    updater.next = () => updater.emit('update-not-available')
    await vi.advanceTimersByTimeAsync(UPDATE_INTERVAL_MS)
    expect(handle.state()).toEqual({ state: 'idle' })
  })

  it('runs one check at a time', async () => {
    let release: () => void = () => undefined
    updater.checkForUpdates = vi.fn(
      () => new Promise<unknown>((resolve) => (release = () => resolve(null)))
    )
    const { handle } = start()
    const first = handle.check()
    const second = handle.check()
    await vi.advanceTimersByTimeAsync(0)
    expect(updater.checkForUpdates).toHaveBeenCalledOnce()
    release()
    await Promise.all([first, second])
  })
})
