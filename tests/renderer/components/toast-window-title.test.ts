import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ToastApp from '../../../src/renderer/src/ToastApp.vue'
import { ringing } from '../support/calls'
import { useAppFixture } from '../support/app-fixture'
import { fakeShell } from '../support/fake-shell'

const app = useAppFixture()

afterEach(() => {
  document.title = ''
})

describe('the toast window’s title (what window switchers and screen readers name it)', () => {
  it('is worded in the desk’s language, from the shell’s catalogue', async () => {
    window.shell = fakeShell()
    app.service.calls = [ringing('c_1')]
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'es' }
    }
    mount(ToastApp)
    await flushPromises()
    expect(document.title).toBe('Llamada entrante')
  })

  it('says "Incoming call" on an English desk', async () => {
    window.shell = fakeShell()
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'en' }
    }
    mount(ToastApp)
    await flushPromises()
    expect(document.title).toBe('Incoming call')
  })
})
