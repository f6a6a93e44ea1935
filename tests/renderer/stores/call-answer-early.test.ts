/**
 * The click answers like a desk phone: with the microphone known to be allowed, the accept leaves
 * at once and the microphone joins the running connection when it has started.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MICROPHONE_SILENT } from '../../../src/renderer/src/media/call-microphone'
import { flags } from '../../../src/renderer/src/services/flags'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import type { MicrophoneAccess } from '../../../src/shared/ipc'
import { connected, ringing } from '../support/calls'
import { deferred, timeline } from '../support/fake-webrtc'
import { fakeShell } from '../support/fake-shell'
import { worded } from '../support/notice-words'
import { useStoreFixture } from '../support/store-fixture'

const world = useStoreFixture()

afterEach(() => {
  vi.restoreAllMocks()
  flags.naiveAnswer = false
  delete window.shell
  delete window.softphone
})

async function ringingStore(id = 'c_1'): Promise<ReturnType<typeof useCallStore>> {
  const store = useCallStore()
  await store.init()
  await world.emitCall(ringing(id))
  return store
}

/** getUserMedia waits until the returned gate opens, as a microphone still starting. */
function microphoneStarting(): ReturnType<typeof deferred<void>> {
  const starts = deferred()
  world.media.devices.holdUntil(starts.promise)
  return starts
}

/** The accept went out while the microphone had not started yet. */
function expectAcceptedBeforeMicrophone(): void {
  expect(world.service.requests('accept')).toHaveLength(1)
  expect(world.media.devices.tracks).toEqual([])
}

/** The position of the first timeline entry starting with `step`; fails the test when absent. */
function at(step: string): number {
  const index = timeline.findIndex((entry) => entry.startsWith(step))
  expect(index, `${step} in ${timeline.join(', ')}`).toBeGreaterThanOrEqual(0)
  return index
}

describe('answering with the microphone allowed', () => {
  it('sends the accept before the microphone has started, then attaches it with replaceTrack', async () => {
    world.media.permissions.set('granted')
    const microphoneStarts = microphoneStarting()
    const store = await ringingStore()

    await store.answer('c_1')

    // The accept went out and Meta's answer is applied, while getUserMedia is still starting.
    expectAcceptedBeforeMicrophone()
    const pc = world.media.lastPeer()
    expect(pc.remoteDescription).not.toBeNull()
    const sender = pc.transceivers[0]!.sender
    expect(sender.replaced).toEqual([])

    microphoneStarts.resolve()
    await flushPromises()

    const [track] = world.media.devices.tracks
    expect(sender.replaced).toEqual([track])
    expect(at('service.accept')).toBeLessThan(at('pc1.replaceTrack'))
    // The track joins the running connection: one offer only, no renegotiation.
    expect(pc.log.filter((step) => step === 'createOffer')).toHaveLength(1)
    expect(store.microphoneProblems['c_1']).toBeUndefined()
    expect(store.notices).toEqual([])
  })

  it('follows a permission granted while the call rings', async () => {
    const store = await ringingStore()
    world.media.permissions.set('granted')
    const microphoneStarts = microphoneStarting()

    await store.answer('c_1')

    expectAcceptedBeforeMicrophone()
    microphoneStarts.resolve()
  })

  it('asks first when the desktop app is blocked by the OS, whatever the page permission says', async () => {
    world.media.permissions.set('granted')
    const access: MicrophoneAccess = 'denied'
    window.softphone = world.service.bridge
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Macintosh) Chrome')
    window.shell = fakeShell({
      microphoneAccess: async () => access,
      askMicrophone: async () => access
    })
    const store = await ringingStore()

    await store.answer('c_1')

    expect(world.service.requests('accept')).toEqual([])
    expect(store.calls['c_1']?.state).toBe('ringing')
    expect(worded(store.notices[0])?.text).toContain(
      'System Settings, Privacy & Security, Microphone'
    )
  })

  it('sends at once on the OS grant alone where the page cannot say', async () => {
    world.media.permissions.unsupported()
    window.shell = fakeShell({ microphoneAccess: async () => 'granted' })
    const microphoneStarts = microphoneStarting()
    const store = await ringingStore()

    await store.answer('c_1')

    expectAcceptedBeforeMicrophone()
    microphoneStarts.resolve()
  })

  it('keeps the call when the microphone fails after the accept, says so once, and a device choice fixes it', async () => {
    world.media.permissions.set('granted')
    world.media.devices.refuse(new DOMException('device in use', 'NotReadableError'))
    const store = await ringingStore()

    await store.answer('c_1')
    await world.emitCall(connected(ringing('c_1'), 'desk-1'))
    await flushPromises()

    expect(store.calls['c_1']?.state).toBe('connected')
    expect(store.media('c_1')?.state).not.toBe('closed')
    expect(world.service.requests('reportMediaFailure')).toEqual([])
    expect(world.service.requests('hangUp')).toEqual([])
    expect(store.microphoneProblems['c_1']).toBe(MICROPHONE_SILENT)
    expect(store.notices).toEqual([])
    // The caller hears silence: nothing is on the sender.
    const sender = world.media.lastPeer().transceivers[0]!.sender
    expect(sender.track).toBeNull()

    await store.media('c_1')?.setInputDevice('usb-mic')

    expect(sender.track?.deviceId).toBe('usb-mic')
    expect(store.microphoneProblems['c_1']).toBeUndefined()
  })
})

describe('answering with the microphone not known to be allowed', () => {
  it("asks first while it is 'prompt', and sends only once the microphone is open", async () => {
    const microphoneStarts = microphoneStarting()
    const store = await ringingStore()

    const clicking = store.answer('c_1')
    await flushPromises()
    expect(world.media.devices.requests).toHaveLength(1)
    expect(world.service.requests('accept')).toEqual([])

    microphoneStarts.resolve()
    await clicking
    expect(at('pc1.replaceTrack')).toBeLessThan(at('service.accept'))
  })

  it("sends nothing when it is 'denied': the call keeps ringing and the user reads how to allow it", async () => {
    world.media.permissions.set('denied')
    world.media.devices.refuse(new DOMException('Permission denied', 'NotAllowedError'))
    const store = await ringingStore()

    await store.answer('c_1')

    expect(world.service.requests('accept')).toEqual([])
    expect(store.calls['c_1']?.state).toBe('ringing')
    expect(worded(store.notices[0])?.text).toContain('The microphone is blocked')
    expect(store.microphoneProblems['c_1']).toBeUndefined()
  })

  it('opens the microphone first in the naive answer, granted or not', async () => {
    flags.naiveAnswer = true
    world.media.permissions.set('granted')
    const store = await ringingStore()

    await store.answer('c_1')

    expect(at('getUserMedia')).toBeLessThan(at('service.accept'))
  })
})
