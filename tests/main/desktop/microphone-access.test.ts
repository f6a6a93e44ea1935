/** Microphone access per OS, against the fake systemPreferences. */
import { describe, expect, it } from 'vitest'
import { microphoneAccessCheck } from '../../../src/main/desktop/microphone-access'
import { FakeSystemPreferences } from '../../mocks/electron'

describe('microphoneAccessCheck', () => {
  it('on macOS shows the prompt once, while the user has not decided, and returns the answer', async () => {
    const preferences = new FakeSystemPreferences()
    preferences.microphone = 'not-determined'
    preferences.askAnswer = false
    const check = microphoneAccessCheck(preferences, 'darwin')
    expect(check.status()).toBe('not-determined')
    await expect(check.ask()).resolves.toBe('denied')
    await expect(check.ask()).resolves.toBe('denied')
    expect(preferences.asks).toBe(1)
  })

  it('on Windows reads the Privacy setting and never prompts', async () => {
    const preferences = new FakeSystemPreferences()
    preferences.microphone = 'denied'
    const check = microphoneAccessCheck(preferences, 'win32')
    await expect(check.ask()).resolves.toBe('denied')
    preferences.microphone = 'not-determined'
    await expect(check.ask()).resolves.toBe('not-determined')
    expect(preferences.asks).toBe(0)
  })

  it('on Linux, where Electron has no such method, answers unknown without touching it', async () => {
    const check = microphoneAccessCheck(
      {
        getMediaAccessStatus: () => {
          throw new Error('systemPreferences.getMediaAccessStatus is not a function')
        },
        askForMediaAccess: async () => {
          throw new Error('systemPreferences.askForMediaAccess is not a function')
        }
      },
      'linux'
    )
    expect(check.status()).toBe('unknown')
    await expect(check.ask()).resolves.toBe('unknown')
  })
})
