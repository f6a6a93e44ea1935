import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ServiceError, type AcceptResult } from '../../../src/shared/api'
import type { Call, ConnectedCall, EndReason } from '../../../src/shared/calls'
import { defaultSettings } from '../../../src/shared/settings'
import { Ringtone } from '../../../src/renderer/src/media/ringtone'
import { flags } from '../../../src/renderer/src/services/flags'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { endedNotice } from '../../../src/renderer/src/stores/call-notices'
import { noticeTexts, worded } from '../support/notice-words'
import { useDevicesStore } from '../../../src/renderer/src/stores/devices'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import type { MicrophoneAccess } from '../../../src/shared/ipc'
import { answering, connected, ended, ringing } from '../support/calls'
import { fakeShell } from '../support/fake-shell'
import { FakeSoftphone, META_ANSWER, META_RENEGOTIATION } from '../support/fake-softphone'
import { deferred, device, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

let media: FakeMedia
let service: FakeSoftphone

beforeEach(() => {
  media = installFakeMedia()
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  media.uninstall()
  flags.naiveAnswer = false
})

async function started(): Promise<ReturnType<typeof useCallStore>> {
  const store = useCallStore()
  await store.init()
  return store
}

async function emitCall(call: Call): Promise<void> {
  service.emit('callUpdated', call)
  await flushPromises()
}

/** Rings, answers on this desk and lets the service report it connected. */
async function talkingTo(
  store: ReturnType<typeof useCallStore>,
  id: string,
  connectedAt = Date.now()
): Promise<ConnectedCall> {
  const call = ringing(id)
  await emitCall(call)
  await store.answer(id)
  const live = connected(call, 'desk-1', connectedAt)
  await emitCall(live)
  return live
}

describe('init', () => {
  it('says hello and takes the client id and the calls going on', async () => {
    const first = ringing('c_a', { startedAt: 1_000 })
    const elsewhere = connected(ringing('c_b', { startedAt: 500 }), 'desk-2')
    service.calls = [first, elsewhere]

    const store = await started()
    await flushPromises()

    // The ringing call's media asks for that call's ICE servers; the other call's does not.
    expect(service.commandNames()).toEqual(['hello', 'getIceServers'])
    expect(service.requests('getIceServers')).toEqual([{ callId: 'c_a' }])
    expect(store.clientId).toBe('desk-1')
    expect(store.list.map((call) => call.id)).toEqual(['c_b', 'c_a'])
    expect(store.ringing.map((call) => call.id)).toEqual(['c_a'])
    expect(store.answeredElsewhere.map((call) => call.id)).toEqual(['c_b'])
    expect(store.active).toBeUndefined()
    // Media is warmed up for the ringing call only.
    expect(media.peers).toHaveLength(1)
    expect(store.mediaStates).toEqual({ c_a: 'ready' })
    expect(service.listenerCount('callUpdated')).toBe(1)
    expect(service.listenerCount('mediaOffer')).toBe(1)
  })
})

describe('ringing', () => {
  it('prepares the connection and offer without opening the microphone', async () => {
    const store = await started()
    await emitCall(ringing('c_1'))

    expect(store.ringing).toHaveLength(1)
    const pc = media.lastPeer()
    expect(pc.localDescription?.type).toBe('offer')
    expect(store.mediaStates['c_1']).toBe('ready')
    expect(media.devices.requests).toEqual([])
  })

  it('builds the connection with the ICE servers of the call’s own reply, not the settings', async () => {
    const turn = { urls: 'turn:turn.example.com', username: 'desk', credential: 'from-the-reply' }
    service.iceServers = [{ urls: 'stun:stun.example.com' }, turn]
    const store = await started()
    await emitCall(ringing('c_1'))

    expect(store.mediaStates['c_1']).toBe('ready')
    expect(service.requests('getIceServers')).toEqual([{ callId: 'c_1' }])
    expect(media.lastPeer().config).toMatchObject({
      iceServers: [{ urls: 'stun:stun.example.com' }, turn]
    })
  })

  it('opens the microphone early when the setting says so', async () => {
    const store = await started()
    const settings = defaultSettings()
    settings.audio.openMicWhileRinging = true
    useSettingsStore().settings = settings
    await emitCall(ringing('c_1'))

    expect(store.mediaStates['c_1']).toBe('ready')
    expect(media.devices.requests).toHaveLength(1)
  })

  it('builds nothing before the click with the naive answer flag', async () => {
    flags.naiveAnswer = true
    const store = await started()
    await emitCall(ringing('c_1'))
    expect(media.peers).toHaveLength(0)

    await store.answer('c_1')
    expect(media.peers).toHaveLength(1)
    expect(service.requests('accept')).toEqual([{ callId: 'c_1', sdp: 'v=0 pc1-offer-1' }])
  })
})

describe('answer', () => {
  it('sends accept with the prepared offer and applies what comes back', async () => {
    const store = await started()
    await emitCall(ringing('c_1'))
    await store.answer('c_1')

    expect(service.requests('accept')).toEqual([{ callId: 'c_1', sdp: 'v=0 pc1-offer-1' }])
    const pc = media.lastPeer()
    expect(pc.log.slice(-4)).toEqual([
      'setRemoteDescription(answer)',
      'setRemoteDescription(offer)',
      'createAnswer',
      'setLocalDescription(answer)'
    ])
    expect(pc.remoteDescription?.sdp).toBe(META_RENEGOTIATION)
    expect(store.mediaStates['c_1']).toBe('connecting')

    await emitCall(connected(ringing('c_1'), 'desk-1'))
    expect(store.active?.id).toBe('c_1')
    expect(store.notices).toEqual([])
  })

  it('is busy while accept is out and ignores a second click', async () => {
    const gate = deferred<AcceptResult>()
    service.respond('accept', () => gate.promise)
    const store = await started()
    await emitCall(ringing('c_1'))

    const first = store.answer('c_1')
    await flushPromises()
    expect(store.busy['c_1']).toBe(true)
    await store.answer('c_1')
    gate.resolve({ answer: META_ANSWER })
    await first

    expect(service.requests('accept')).toHaveLength(1)
    expect(store.busy['c_1']).toBe(false)
  })

  it('does nothing for a call that is not ringing', async () => {
    const store = await started()
    await store.answer('c_unknown')
    await emitCall(connected(ringing('c_2'), 'desk-2'))
    await store.answer('c_2')
    expect(service.requests('accept')).toEqual([])
  })

  it('shows the service sentence and releases the media when accept fails', async () => {
    const sentence = 'Facebook did not accept the answer: the call had already ended.'
    service.fail('accept', new ServiceError('graph', sentence))
    const store = await started()
    await emitCall(ringing('c_1'))
    const pc = media.lastPeer()

    await store.answer('c_1')

    expect(store.notices).toMatchObject([{ callId: 'c_1', text: sentence, kind: 'error' }])
    expect(pc.connectionState).toBe('closed')
    expect(store.media('c_1')).toBeUndefined()
    expect(store.busy['c_1']).toBe(false)
    // The call never became this desk's, so there is no media failure to report.
    expect(service.requests('reportMediaFailure')).toEqual([])
  })

  it('ends a call whose answer cannot be applied with one plain sentence, shown once', async () => {
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)
    // What Chromium throws for an SDP it cannot parse: never for the user's eyes.
    const chromium = new DOMException(
      "Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Failed to parse " +
        'SessionDescription. m=audio 9 UDP/TLS/RTP/SAVPF 111 Invalid value: .',
      'OperationError'
    )
    media.lastPeer().failNext('setRemoteDescription', chromium)
    service.respond('accept', () => {
      service.emit('callUpdated', connected(call, 'desk-1'))
      return { answer: META_ANSWER }
    })
    // As the core does: the call ends as failed with the sentence, and Meta gets a terminate.
    service.respond('reportMediaFailure', ({ reason }) => {
      service.emit(
        'callUpdated',
        ended(call, { outcome: 'failed', reason: 'media-failed', error: reason })
      )
    })

    await store.answer('c_1')
    await flushPromises()

    const sentence = "Facebook's answer to this call could not be used, so the call was ended."
    expect(service.requests('reportMediaFailure')).toEqual([{ callId: 'c_1', reason: sentence }])
    expect(store.notices.map(worded)).toMatchObject([
      { callId: 'c_1', text: sentence, kind: 'error' }
    ])
    expect(JSON.stringify(store.notices)).not.toContain('Failed to execute')
    expect(store.media('c_1')).toBeUndefined()
  })

  it('shows the sentence of a refused accept once, though the ended call carries it too', async () => {
    const call = ringing('c_1')
    const sentence = 'Facebook no longer accepts the Page token. Reconnect the Page.'
    service.fail('accept', new ServiceError('graph', sentence))
    const store = await started()
    await emitCall(call)

    await store.answer('c_1')
    // The core's update for the call (ended, accept-failed) may come after the command's error.
    await emitCall(ended(call, { outcome: 'failed', reason: 'accept-failed', error: sentence }))

    expect(store.notices).toMatchObject([{ callId: 'c_1', text: sentence, kind: 'error' }])
  })

  it('keeps the call ringing and sends nothing when the microphone is blocked', async () => {
    media.devices.refuse(new DOMException('Permission denied', 'NotAllowedError'))
    const store = await started()
    await emitCall(ringing('c_1'))

    await store.answer('c_1')

    expect(service.requests('accept')).toEqual([])
    expect(store.calls['c_1']?.state).toBe('ringing')
    expect(store.ringing).toHaveLength(1)
    expect(store.busy['c_1']).toBe(false)
    expect(store.notices).toHaveLength(1)
    expect(store.notices[0]).toMatchObject({ callId: 'c_1', kind: 'error' })
    expect(worded(store.notices[0])?.text).toContain('The microphone is blocked')

    // Fixed: the next click answers.
    await store.answer('c_1')
    expect(service.requests('accept')).toHaveLength(1)
  })

  it('asks the OS at the answer, and keeps ringing with where to allow it when the OS blocks it', async () => {
    window.softphone = service.bridge
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Windows NT 10.0) Chrome')
    let access: MicrophoneAccess = 'denied'
    window.shell = fakeShell({ askMicrophone: async () => access })
    try {
      const store = await started()
      await emitCall(ringing('c_1'))

      await store.answer('c_1')

      expect(service.requests('accept')).toEqual([])
      expect(media.devices.requests).toEqual([])
      expect(store.calls['c_1']?.state).toBe('ringing')
      expect(worded(store.notices[0])?.text).toContain('Privacy & security, Microphone')

      // Allowed in Windows' settings: the next click answers.
      access = 'granted'
      await store.answer('c_1')
      expect(service.requests('accept')).toHaveLength(1)
    } finally {
      delete window.softphone
      delete window.shell
    }
  })

  it('hangs up the current call before answering a second one', async () => {
    const store = await started()
    await talkingTo(store, 'c_1')
    const firstPc = media.lastPeer()
    await emitCall(ringing('c_2'))

    await store.answer('c_2')

    // The first call's quality report may go in between; the order of these two is the point.
    const names = service.commandNames().filter((name) => name !== 'reportCallQuality')
    expect(names.slice(-2)).toEqual(['hangUp', 'accept'])
    expect(service.requests('hangUp')).toEqual([{ callId: 'c_1' }])
    expect(service.requests('accept').at(-1)?.callId).toBe('c_2')
    expect(firstPc.connectionState).toBe('closed')
    expect(store.media('c_1')).toBeUndefined()
  })

  it('sends nothing when the call is taken elsewhere while the microphone opens', async () => {
    const gate = deferred()
    media.devices.holdUntil(gate.promise)
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)

    const clicking = store.answer('c_1')
    await flushPromises()
    await emitCall(answering(call, 'desk-2'))
    gate.resolve()
    await clicking

    expect(service.requests('accept')).toEqual([])
    expect(noticeTexts(store.notices)).toEqual(['Answered elsewhere'])
  })
})

describe('first answer wins', () => {
  it('releases the media and says "Answered elsewhere" when another desk answers', async () => {
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)
    const pc = media.lastPeer()

    await emitCall(answering(call, 'desk-2'))

    expect(pc.connectionState).toBe('closed')
    expect(store.media('c_1')).toBeUndefined()
    expect(store.notices.map(worded)).toMatchObject([
      { callId: 'c_1', text: 'Answered elsewhere', kind: 'info' }
    ])
    expect(store.answeredElsewhere.map((c) => c.id)).toEqual(['c_1'])
    expect(store.active).toBeUndefined()
  })

  it('names the desk that answered, when the hub says which', async () => {
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)

    await emitCall({ ...answering(call, 'seat-1'), answeredByDesk: 'Front desk' })

    expect(store.notices.map(worded)).toMatchObject([
      { callId: 'c_1', text: 'Answered by Front desk', kind: 'info' }
    ])
  })

  it('keeps the media when this desk won', async () => {
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)
    await emitCall(answering(call, 'desk-1'))

    expect(store.media('c_1')).toBeDefined()
    expect(store.notices).toEqual([])
    expect(store.active?.id).toBe('c_1')
  })
})

describe('ending', () => {
  it('says how long the call lasted and removes it after the linger time', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 3, 1, 10, 0), toFake: ['setTimeout', 'Date'] })
    const store = await started()
    const live = await talkingTo(store, 'c_1', Date.now() - 65_000)
    const pc = media.lastPeer()

    await emitCall(
      ended(ringing('c_1'), {
        outcome: 'completed',
        reason: 'caller-hung-up',
        connectedAt: live.connectedAt
      })
    )

    expect(store.notices.map(worded)).toMatchObject([{ text: 'Call ended · 1:05', kind: 'info' }])
    expect(pc.connectionState).toBe('closed')
    expect(store.active).toBeUndefined()
    await vi.advanceTimersByTimeAsync(3_999)
    expect(store.calls['c_1']?.state).toBe('ended')
    await vi.advanceTimersByTimeAsync(1)
    expect(store.calls['c_1']).toBeUndefined()
    expect(store.notices).toEqual([])
  })

  it('says the caller hung up when it ended while ringing', async () => {
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)
    await emitCall(ended(call, { outcome: 'missed', reason: 'caller-hung-up' }))

    expect(store.notices.map(worded)).toMatchObject([{ text: 'The caller hung up.', kind: 'info' }])
    expect(store.media('c_1')).toBeUndefined()
    expect(store.ringing).toEqual([])
  })

  it('shows the error sentence of a failed call', async () => {
    const call = ringing('c_1')
    const store = await started()
    await emitCall(call)
    await emitCall(
      ended(call, { outcome: 'failed', reason: 'meta-failed', error: 'Facebook ended the call.' })
    )
    expect(store.notices).toMatchObject([{ text: 'Facebook ended the call.', kind: 'error' }])
  })

  it('hangs up: media first, then the command', async () => {
    const store = await started()
    await talkingTo(store, 'c_1')
    const pc = media.lastPeer()
    await store.hangUp('c_1')
    expect(pc.connectionState).toBe('closed')
    expect(service.requests('hangUp')).toEqual([{ callId: 'c_1' }])
  })

  it('declines, and shows a sentence when declining fails', async () => {
    const store = await started()
    await emitCall(ringing('c_1'))
    await store.decline('c_1')
    expect(service.requests('decline')).toEqual([{ callId: 'c_1' }])

    service.fail('decline', new ServiceError('conflict', 'The call was already answered.'))
    await store.decline('c_1')
    expect(store.notices).toMatchObject([
      { callId: 'c_1', text: 'The call was already answered.', kind: 'error' }
    ])
  })

  it('gives up a call whose connection stays lost', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = await started()
    await talkingTo(store, 'c_1')
    const pc = media.lastPeer()
    pc.setConnectionState('connected')
    pc.setConnectionState('disconnected')
    expect(store.mediaStates['c_1']).toBe('reconnecting')

    await vi.advanceTimersByTimeAsync(15_000)

    expect(service.requests('reportMediaFailure')).toEqual([
      {
        callId: 'c_1',
        reason:
          'The connection to the caller was lost and could not be restored. Check the internet connection.'
      }
    ])
    expect(pc.connectionState).toBe('closed')
  })
})

describe('during the call', () => {
  it('applies a media_update offer to that call only', async () => {
    const store = await started()
    await talkingTo(store, 'c_1')
    const pc = media.lastPeer()
    const before = pc.log.length

    service.emit('mediaOffer', { callId: 'c_other', version: 1, sdp: 'v=0 other' })
    service.emit('mediaOffer', { callId: 'c_1', version: 2, sdp: 'v=0 update-2' })
    await flushPromises()

    expect(pc.log.slice(before)).toEqual([
      'setRemoteDescription(offer)',
      'createAnswer',
      'setLocalDescription(answer)'
    ])
    expect(pc.remoteDescription?.sdp).toBe('v=0 update-2')
    expect(service.requests('reportMediaFailure')).toEqual([])
  })

  it('ends the call as failed when the new offer cannot be applied', async () => {
    const store = await started()
    await talkingTo(store, 'c_1')
    media.lastPeer().failNext('setRemoteDescription', new Error('bad sdp'))

    service.emit('mediaOffer', { callId: 'c_1', version: 2, sdp: 'v=0 broken' })
    await flushPromises()

    expect(service.requests('reportMediaFailure')).toEqual([
      { callId: 'c_1', reason: 'The call could not switch to the new audio path.' }
    ])
    expect(store.media('c_1')).toBeUndefined()
  })

  it('toggles mute on the microphone track', async () => {
    const store = await started()
    await talkingTo(store, 'c_1')
    const track = media.devices.tracks[0]!

    store.toggleMute('c_1')
    expect(store.muted['c_1']).toBe(true)
    expect(track.enabled).toBe(false)
    store.toggleMute('c_1')
    expect(store.muted['c_1']).toBe(false)
    expect(track.enabled).toBe(true)

    store.toggleMute('c_none')
    expect(store.muted['c_none']).toBeUndefined()
  })

  it('switches live calls to the default devices when the chosen ones are unplugged', async () => {
    const settings = useSettingsStore()
    const chosen = defaultSettings()
    chosen.audio.inputDeviceId = 'usb-mic'
    chosen.audio.outputDeviceId = 'headset'
    settings.settings = chosen
    media.devices.devices = [
      device('audioinput', 'default'),
      device('audioinput', 'usb-mic', 'USB microphone'),
      device('audiooutput', 'headset', 'Headset')
    ]
    const devices = useDevicesStore()
    await devices.refresh()
    devices.watchHotPlug()
    const store = await started()
    await talkingTo(store, 'c_1')
    const callAudio = store.media('c_1')!.remoteAudio
    const [usbTrack] = media.devices.tracks
    expect(usbTrack?.deviceId).toBe('usb-mic')
    expect(media.setSinkId).toHaveBeenCalledWith('headset')

    media.devices.plug([device('audioinput', 'default')])
    await flushPromises()

    expect(media.devices.requests.at(-1)?.deviceId).toBe('default')
    expect(usbTrack?.stopped).toBe(true)
    expect(media.lastPeer().transceivers[0]?.sender.track?.deviceId).toBe('default')
    expect(media.setSinkId).toHaveBeenLastCalledWith('')
    expect(media.setSinkId.mock.contexts.at(-1)).toBe(callAudio)
    // The call goes on.
    expect(store.active?.id).toBe('c_1')
    expect(store.media('c_1')?.state).not.toBe('closed')
    expect(service.requests('hangUp')).toEqual([])
    expect(service.requests('reportMediaFailure')).toEqual([])
  })

  it('starts a test call, and shows why when it cannot', async () => {
    const store = await started()
    await store.startTestCall()
    expect(service.requests('startTestCall')).toEqual([{}])

    service.fail('startTestCall', new ServiceError('internal', 'The simulator did not start.'))
    await store.startTestCall()
    expect(store.notices).toMatchObject([
      { callId: 'test', text: 'The simulator did not start.', kind: 'error' }
    ])
  })
})

describe('ringtone', () => {
  it('rings while any call rings and stops when none does', async () => {
    const start = vi.spyOn(Ringtone.prototype, 'start')
    const stop = vi.spyOn(Ringtone.prototype, 'stop')
    const store = await started()
    const first = ringing('c_1')
    const second = ringing('c_2')

    await emitCall(first)
    await emitCall(second)
    expect(start).toHaveBeenCalledTimes(1)
    expect(start).toHaveBeenCalledWith({ deviceId: undefined, volume: 0.8 })
    const ringer = media.played().find((audio) => audio.loop)
    expect(ringer?.paused).toBe(false)

    await emitCall(ended(first, { outcome: 'missed', reason: 'caller-hung-up' }))
    expect(stop).not.toHaveBeenCalled()
    expect(ringer?.paused).toBe(false)

    await emitCall(answering(second, 'desk-2'))
    expect(stop).toHaveBeenCalledTimes(1)
    expect(ringer?.paused).toBe(true)
    expect(store.ringing).toEqual([])
  })

  it('does not keep ringing when the call stops ringing before the ringer is ready', async () => {
    const sink = deferred()
    media.setSinkId.mockReturnValueOnce(sink.promise)
    const call = ringing('c_1')
    await started()
    service.emit('callUpdated', call)
    service.emit('callUpdated', answering(call, 'desk-2'))
    sink.resolve()
    await flushPromises()

    expect(media.played().filter((audio) => audio.loop)).toEqual([])
  })
})

describe('endedNotice', () => {
  const start = Date.UTC(2026, 3, 1, 10, 0)
  const call = ringing('c_1', { startedAt: start })
  const talked = (reason: EndReason) =>
    ended(call, {
      outcome: 'completed',
      reason,
      connectedAt: start + 5_000,
      endedAt: start + 5_000 + 125_000
    })

  it('says nothing on screen for a call recorded unrung because too many were ringing', () => {
    const flooded = ended(call, {
      outcome: 'missed',
      reason: 'too-many-ringing',
      error: 'Missed: too many calls were ringing at once.'
    })
    expect(endedNotice(flooded, undefined)).toBeUndefined()
  })

  it('tells a ringing hang-up from the end of a conversation', () => {
    const missed = ended(call, { outcome: 'missed', reason: 'caller-hung-up' })
    expect(worded(endedNotice(missed, call))).toEqual({ text: 'The caller hung up.', kind: 'info' })
    expect(worded(endedNotice(talked('caller-hung-up'), connected(call, 'desk-1')))).toEqual({
      text: 'Call ended · 2:05',
      kind: 'info'
    })
    expect(worded(endedNotice(talked('we-hung-up'), connected(call, 'desk-1')))).toEqual({
      text: 'Call ended · 2:05',
      kind: 'info'
    })
  })

  it.each([
    ['declined', 'Call declined.', 'info'],
    ['ring-timeout', 'Missed call: nobody answered in time.', 'info'],
    ['no-answer', 'The customer did not answer.', 'info'],
    ['meta-failed', 'The call failed.', 'error'],
    ['accept-failed', 'The call failed.', 'error'],
    ['media-failed', 'The call failed.', 'error']
  ] satisfies [EndReason, string, string][])('%s: "%s"', (reason, text, kind) => {
    expect(worded(endedNotice(ended(call, { outcome: 'failed', reason }), call))).toEqual({
      text,
      kind
    })
  })

  it('prefers the error sentence, and says nothing at shutdown', () => {
    const failed = ended(call, { outcome: 'failed', reason: 'meta-failed', error: 'Meta said no.' })
    expect(endedNotice(failed, call)).toEqual({ text: 'Meta said no.', kind: 'error' })
    expect(
      endedNotice(ended(call, { outcome: 'missed', reason: 'shutdown' }), call)
    ).toBeUndefined()
  })
})
