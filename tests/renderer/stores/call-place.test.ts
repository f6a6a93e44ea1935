/** The call store placing a call back: its media is filed under the id placeCall returns. */
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import type { PlaceCallResult } from '../../../src/shared/callback'
import type { Call } from '../../../src/shared/calls'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { FakeSoftphone, META_ANSWER } from '../support/fake-softphone'
import { deferred, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

let media: FakeMedia
let service: FakeSoftphone

beforeEach(() => {
  media = installFakeMedia()
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})
afterEach(() => media.uninstall())

const call = (state: 'answering' | 'ended'): Call =>
  state === 'answering'
    ? {
        id: 'out-1',
        pageId: '1001',
        direction: 'outbound',
        caller: { psid: 'p1' },
        startedAt: Date.now(),
        state,
        answeredBy: 'desk-1'
      }
    : {
        id: 'out-1',
        pageId: '1001',
        direction: 'outbound',
        caller: { psid: 'p1' },
        startedAt: Date.now(),
        state,
        outcome: 'no-answer',
        reason: 'no-answer',
        endedAt: Date.now()
      }

async function started() {
  const store = useCallStore()
  await store.init()
  return store
}

describe('useCallStore.placeCall', () => {
  it('files the media under the new call id and tracks its state there', async () => {
    const store = await started()
    await expect(store.placeCall('p1')).resolves.toBe('out-1')
    expect(store.media('out-1')).toBeDefined()
    expect(store.mediaStates['out-1']).toBe('connecting')
    expect(Object.keys(store.mediaStates)).toEqual(['out-1'])
    media.lastPeer().setConnectionState('connected')
    expect(store.mediaStates['out-1']).toBe('connected')
  })

  it('lets go of the media when the call ended before its id arrived here', async () => {
    const store = await started()
    const gate = deferred<PlaceCallResult>()
    service.respond('placeCall', () => gate.promise)
    const placing = store.placeCall('p1')
    await flushPromises()
    service.emit('callUpdated', call('answering'))
    service.emit('callUpdated', call('ended'))
    gate.resolve({ callId: 'out-1', answer: META_ANSWER })
    await expect(placing).resolves.toBe('out-1')
    expect(store.media('out-1')).toBeUndefined()
    expect(media.lastPeer().connectionState).toBe('closed')
    // Nothing to report: the call already ended, with its own notice.
    expect(service.requests('reportMediaFailure')).toEqual([])
  })

  it('rejects with the sentence and closes the media when the call could not be placed', async () => {
    const store = await started()
    service.fail(
      'placeCall',
      new ServiceError('conflict', 'A call to this customer is already in progress.')
    )
    await expect(store.placeCall('p1')).rejects.toThrow(
      'A call to this customer is already in progress.'
    )
    expect(media.lastPeer().connectionState).toBe('closed')
    expect(store.mediaStates).toEqual({})
  })

  it('ends the current conversation first: one call at a time', async () => {
    const store = await started()
    service.emit('callUpdated', { ...call('answering'), id: 'other', caller: { psid: 'p9' } })
    await store.placeCall('p1')
    expect(
      service.commandNames().filter((name) => name === 'hangUp' || name === 'placeCall')
    ).toEqual(['hangUp', 'placeCall'])
  })
})
