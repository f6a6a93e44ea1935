/** The entry point hands the real (here: faked) electron module to the composition root. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DesktopAppOptions } from '../../src/main/desktop/desktop-app'
import type * as FakeElectronModule from '../mocks/electron'

const run = vi.hoisted(() =>
  vi.fn<(options: DesktopAppOptions<unknown, unknown>) => Promise<unknown>>()
)

vi.mock('electron', () => import('../mocks/electron'))
vi.mock('electron-log/main', async () => ({
  default: (await import('../mocks/electron-log')).fakeLogBackend()
}))
vi.mock('../../src/main/desktop/desktop-app', () => ({ runDesktopApp: run }))

/** The fake electron module as the freshly imported entry point sees it. */
async function fakeElectron(): Promise<typeof FakeElectronModule> {
  return (await import('electron')) as unknown as typeof FakeElectronModule
}

beforeEach(() => {
  vi.resetModules()
  run.mockReset()
})

describe('main entry', () => {
  it('passes the electron modules, the process and the lazy loaders', async () => {
    run.mockResolvedValue(undefined)
    await import('../../src/main/index')
    const fake = await fakeElectron()
    const options = run.mock.calls[0]?.[0]
    expect(options?.electron.app).toBe(fake.app)
    expect(options?.electron.BrowserWindow).toBe(fake.BrowserWindow)
    expect(options?.electron.session).toBe(fake.session)
    expect(options?.electron.systemPreferences).toBe(fake.systemPreferences)
    expect(options?.platform).toBe(process.platform)
    expect(options?.argv).toBe(process.argv)
    expect(options?.mainDir).toMatch(/src[\\/]main$/)
    expect(options?.loadUpdater).toBeTypeOf('function')
    expect(options?.testCallSimulator).toBeTypeOf('function')
  })

  it('shows a failed start in a dialog and exits', async () => {
    run.mockRejectedValue(new Error('WEBHOOK_PORT must be a whole number from 0 to 65535'))
    await import('../../src/main/index')
    const fake = await fakeElectron()
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(1))
    expect(fake.dialog.errors.at(-1)).toEqual({
      title: 'Messenger Softphone could not start',
      content: 'WEBHOOK_PORT must be a whole number from 0 to 65535'
    })
  })
})
