/**
 * Onboarding's last step asks the OS about the microphone before the first call (the macOS prompt
 * shows here, not during a customer's call) and says where to allow it when the OS blocks it.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { MicrophoneAccess } from '../../../src/shared/ipc'
import FirstCallStep from '../../../src/renderer/src/components/setup/FirstCallStep.vue'
import { button } from '../support/dom'
import { fakeShell } from '../support/fake-shell'
import { FakeSoftphone } from '../support/fake-softphone'

enableAutoUnmount(afterEach)

afterEach(() => {
  delete window.softphone
  delete window.shell
  Reflect.deleteProperty(navigator, 'userAgent')
})

/** The desktop app on one OS, whose microphone setting is `access`. */
function desktopOn(userAgent: string, access: { now: MicrophoneAccess }): { asks: number } {
  const seen = { asks: 0 }
  Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true })
  window.softphone = new FakeSoftphone().bridge
  window.shell = fakeShell({
    microphoneAccess: async () => access.now,
    askMicrophone: async () => {
      seen.asks++
      return access.now
    }
  })
  return seen
}

const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Chrome/140'
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140'

describe('FirstCallStep microphone check', () => {
  it('on macOS asks once and, when blocked, says where in System Settings to allow it', async () => {
    const access = { now: 'denied' as MicrophoneAccess }
    const seen = desktopOn(MAC, access)
    const wrapper = mount(FirstCallStep)
    await flushPromises()
    expect(seen.asks).toBe(1)
    expect(wrapper.get('[role="alert"]').text()).toContain(
      'The microphone is blocked. Open System Settings, Privacy & Security, Microphone, turn on ' +
        'Messenger Softphone, then check again.'
    )

    // The user allowed it in System Settings and comes back.
    access.now = 'granted'
    await button(wrapper, 'Check again').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('on Windows names the Privacy setting for desktop apps', async () => {
    desktopOn(WINDOWS, { now: 'restricted' })
    const wrapper = mount(FirstCallStep)
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain(
      'Open Settings, Privacy & security, Microphone, turn on "Let desktop apps access your microphone"'
    )
  })

  it('says nothing when the OS allows it or cannot tell, nor in browser mode', async () => {
    desktopOn(MAC, { now: 'granted' })
    const allowed = mount(FirstCallStep)
    await flushPromises()
    expect(allowed.find('[role="alert"]').exists()).toBe(false)

    desktopOn(WINDOWS, { now: 'unknown' })
    const unknown = mount(FirstCallStep)
    await flushPromises()
    expect(unknown.find('[role="alert"]').exists()).toBe(false)

    delete window.shell
    const browser = mount(FirstCallStep)
    await flushPromises()
    expect(browser.find('[role="alert"]').exists()).toBe(false)
  })
})
