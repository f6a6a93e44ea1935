import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import {
  readinessOf,
  watchMicrophoneReadiness
} from '../../../src/renderer/src/media/microphone-readiness'
import type { MicrophoneAccess } from '../../../src/shared/ipc'
import { installFakePermissions, type FakePermissions } from '../support/fake-permissions'
import { fakeShell } from '../support/fake-shell'

describe('readinessOf', () => {
  it.each<[PermissionState | undefined, MicrophoneAccess | undefined, string]>([
    ['granted', undefined, 'granted'], // browser mode
    ['granted', 'unknown', 'granted'], // Linux desktop: no OS setting
    ['granted', 'granted', 'granted'],
    [undefined, 'granted', 'granted'], // no permission query: the OS's grant alone
    ['granted', 'denied', 'denied'],
    ['granted', 'restricted', 'denied'],
    ['denied', 'granted', 'denied'],
    ['prompt', 'granted', 'prompt'],
    ['granted', 'not-determined', 'prompt'],
    [undefined, 'unknown', 'unknown'],
    [undefined, undefined, 'unknown']
  ])('page %s, system %s: %s', (page, system, expected) => {
    expect(readinessOf(page, system)).toBe(expected)
  })
})

describe('watchMicrophoneReadiness', () => {
  let permissions: FakePermissions | undefined
  afterEach(() => {
    permissions?.uninstall()
    delete window.shell
  })

  it('is unknown until both answers came, then follows the page permission and the OS on focus', async () => {
    permissions = installFakePermissions('prompt')
    let access: MicrophoneAccess = 'granted'
    window.shell = fakeShell({ microphoneAccess: async () => access })
    const watch = watchMicrophoneReadiness()
    expect(watch.current).toBe('unknown')
    await flushPromises()
    expect(watch.current).toBe('prompt')

    permissions.set('granted')
    expect(watch.current).toBe('granted')

    // Turned off in System Settings: read again when the user comes back to the window.
    access = 'denied'
    window.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(watch.current).toBe('denied')

    // Once the call stops ringing nothing is followed any more.
    watch.dispose()
    access = 'granted'
    window.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(watch.current).toBe('denied')
  })
})
