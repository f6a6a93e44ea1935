/**
 * The whole app mounted against the fake service and fake media, as most component tests need it:
 * `useAppFixture()` in a test file installs both before each test and takes them down after.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach } from 'vitest'
import App from '../../../src/renderer/src/App.vue'
import { FakeSoftphone } from './fake-softphone'
import { installFakeMedia, type FakeMedia } from './fake-webrtc'

export interface AppFixture {
  /** The fake core behind `window.softphone`, new for each test. */
  readonly service: FakeSoftphone
  readonly media: FakeMedia
}

export function useAppFixture(): AppFixture {
  let service: FakeSoftphone | undefined
  let media: FakeMedia | undefined
  enableAutoUnmount(afterEach)
  beforeEach(() => {
    media = installFakeMedia()
    service = new FakeSoftphone()
    window.softphone = service.bridge
  })
  afterEach(() => {
    delete window.softphone
    delete window.shell
    media?.uninstall()
  })
  return {
    get service() {
      if (!service) throw new Error('useAppFixture: used outside a test')
      return service
    },
    get media() {
      if (!media) throw new Error('useAppFixture: used outside a test')
      return media
    }
  }
}

export async function mountApp() {
  const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}
