/**
 * A store test's world: fake media, a fresh fake service behind the renderer's softphone door and
 * a fresh Pinia before each test, taken down after. `useStoreFixture()` in a test file installs it.
 */
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, vi } from 'vitest'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import type { Call } from '../../../src/shared/calls'
import { FakeSoftphone } from './fake-softphone'
import { installFakeMedia, type FakeMedia } from './fake-webrtc'

export interface StoreFixture {
  readonly service: FakeSoftphone
  readonly media: FakeMedia
  /** The core tells every client about a call, and the stores catch up. */
  emitCall(call: Call): Promise<void>
}

export function useStoreFixture(): StoreFixture {
  let service: FakeSoftphone | undefined
  let media: FakeMedia | undefined
  beforeEach(() => {
    media = installFakeMedia()
    service = new FakeSoftphone()
    useSoftphoneBridge(service.bridge)
    setActivePinia(createPinia())
  })
  afterEach(() => {
    vi.useRealTimers()
    media?.uninstall()
  })
  const fixture: StoreFixture = {
    get service() {
      if (!service) throw new Error('useStoreFixture: used outside a test')
      return service
    },
    get media() {
      if (!media) throw new Error('useStoreFixture: used outside a test')
      return media
    },
    async emitCall(call) {
      fixture.service.emit('callUpdated', call)
      await flushPromises()
    }
  }
  return fixture
}
