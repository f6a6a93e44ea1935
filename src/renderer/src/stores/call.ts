/**
 * Calls as this desk sees them: every call the service reports, the media of the ones this desk
 * answers, and the sentences the user reads when something ends or fails. Several desks may ring
 * for one call; the service settles who answers first and the others show "Answered by <desk>".
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MediaOffer } from '../../../shared/api'
import { assertNever, ringsHere, type Call } from '../../../shared/calls'
import { failureSentence } from '../media/call-failures'
import { CallMedia } from '../media/call-media'
import { englishMedia, mediaWords, type MediaText } from '../media/media-words'
import { MicrophoneError } from '../media/microphone'
import { Ringtone } from '../media/ringtone'
import { flags } from '../services/flags'
import { softphone } from '../services/softphone'
import { useDevicesStore } from './devices'
import { useSettingsStore } from './settings'
import { answeredElsewhereText, endedNotice, sameNoticeText } from './call-notices'
import type { Notice, NoticeText } from './call-notices'
import { createCallRecords } from './call-records'
import { reportQuality } from './quality-report'
import { saidOf } from '../composables/useWords'
import { ServiceError } from '../../../shared/service-error'

/** How long the end of a call stays on screen. */
const ENDED_LINGER_MS = 4_000

export const useCallStore = defineStore('call', () => {
  const settings = useSettingsStore()
  const devices = useDevicesStore()
  /** One record per call: its snapshot, media, media state, mute and answer under way. */
  const records = createCallRecords()
  const calls = records.byId('call')
  const mediaStates = records.byId('mediaState')
  const muted = records.byId('muted')
  const busy = records.byId('busy')
  const allMedia = records.byId('media')
  const mediaOf = (callId: string): CallMedia | undefined => records.get(callId)?.media
  const clientId = ref<string>()
  const notices = ref<Notice[]>([])
  let ringtone: Ringtone | undefined
  let nextNotice = 1
  const list = computed(() => Object.values(calls.value).sort((a, b) => a.startedAt - b.startedAt))
  // A call silenced by Do not disturb rings out (or is declined) without ringing here: no toast,
  // no ringtone, no shortcut answers it.
  const ringing = computed(() => list.value.filter(ringsHere))
  // Those still ring elsewhere and can be answered from the list (components/QuietCalls.vue).
  const quiet = computed(() =>
    list.value.filter((call) => call.state === 'ringing' && !ringsHere(call))
  )
  const isMine = (call: Call): boolean =>
    (call.state === 'answering' || call.state === 'connected') && call.answeredBy === clientId.value
  const mine = computed(() => list.value.filter(isMine))
  const active = computed(() => mine.value[0])
  const answeredElsewhere = computed(() =>
    list.value.filter(
      (call) =>
        (call.state === 'answering' || call.state === 'connected') &&
        call.answeredBy !== clientId.value
    )
  )

  function notify(
    callId: string,
    text: NoticeText,
    kind: Notice['kind'],
    untilNextCall?: true
  ): void {
    // A failure reaches this desk twice, as the command's error and in the call's ended update:
    // the user reads it once.
    if (notices.value.some((n) => n.callId === callId && sameNoticeText(n.text, text))) return
    const notice: Notice = {
      id: nextNotice++,
      callId,
      text,
      kind,
      ...(untilNextCall && { untilNextCall })
    }
    notices.value = [
      ...notices.value.filter((n) => n.callId !== callId || n.kind === 'error'),
      notice
    ]
    if (kind === 'info' && !untilNextCall) setTimeout(() => dismiss(notice.id), ENDED_LINGER_MS)
  }

  /** Whether "Answered by …" still stands for this call: its quiet end does not replace it. */
  const answeredNoticeStands = (callId: string): boolean =>
    notices.value.some((n) => n.callId === callId && n.untilNextCall)

  function dropAnsweredNotices(): void {
    notices.value = notices.value.filter((notice) => !notice.untilNextCall)
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id)
  }

  function mediaFor(callId: string): CallMedia {
    let callMedia = mediaOf(callId)
    if (!callMedia) {
      callMedia = newMedia(
        () => callId,
        async () => (await softphone().getIceServers({ callId })).iceServers
      )
      records.put(callId, { media: callMedia })
    }
    return callMedia
  }

  /**
   * `idOf`: the call's id, read at each event (a call we place learns its id mid-way).
   * `iceServers`: asked of the core for this very call, never taken from a broadcast.
   */
  function newMedia(idOf: () => string, iceServers: () => Promise<RTCIceServer[]>): CallMedia {
    return new CallMedia({
      iceServers,
      openMicEarly: settings.settings?.audio.openMicWhileRinging ?? false,
      acceptBeforeMicrophone: !flags.naiveAnswer,
      inputDeviceId: devices.inputId,
      outputDeviceId: devices.outputId,
      audioProcessing: flags.audioProcessing,
      onState: (state) => records.patch(idOf(), { mediaState: state }),
      onLost: (words) => void reportFailure(idOf(), words),
      onMicrophoneProblem: (microphoneProblem) => records.patch(idOf(), { microphoneProblem })
    })
  }

  function releaseMedia(callId: string): void {
    const callMedia = mediaOf(callId)
    records.patch(callId, { media: undefined })
    // The final figures go to the call's history entry (only for a call this desk answered).
    void callMedia?.closeAndMeasure().then((quality) => quality && reportQuality(callId, quality))
  }

  function updateRingtone(): void {
    const shouldRing = ringing.value.length > 0
    // The ringtone chosen in Settings applies from the next ring on.
    const name = settings.settings?.audio.ringtone ?? 'classic'
    if (ringtone && ringtone.name !== name && !ringtone.isPlaying) {
      ringtone.dispose()
      ringtone = undefined
    }
    ringtone ??= new Ringtone(name)
    if (shouldRing && !ringtone.isPlaying) {
      void ringtone.start({
        deviceId: devices.ringerId,
        volume: settings.settings?.audio.ringVolume ?? 0.8
      })
    } else if (!shouldRing && ringtone.isPlaying) {
      ringtone.stop()
    }
  }

  function apply(call: Call): void {
    const previous = records.get(call.id)?.call
    records.put(call.id, { call })
    switch (call.state) {
      case 'ringing':
        if (!previous) dropAnsweredNotices()
        // A call that does not ring here is not answered here: no connection, and no microphone
        // opened early (one silenced while it rang lets go of what was prepared).
        if (!ringsHere(call)) releaseMedia(call.id)
        else if (!flags.naiveAnswer)
          void mediaFor(call.id)
            .prepare()
            .catch(() => undefined)
        break
      case 'answering':
      case 'connected':
        if (!isMine(call)) {
          releaseMedia(call.id)
          if (previous?.state === 'ringing')
            notify(call.id, answeredElsewhereText(call), 'info', true)
        }
        break
      case 'ended': {
        releaseMedia(call.id)
        const notice = endedNotice(call, previous)
        const keepAnswered = notice?.kind === 'info' && answeredNoticeStands(call.id)
        if (notice && !keepAnswered) notify(call.id, notice.text, notice.kind)
        // Then the call is forgotten, with everything this desk held for it.
        setTimeout(() => records.forget(call.id), ENDED_LINGER_MS)
        break
      }
      default:
        assertNever(call)
    }
    updateRingtone()
  }

  async function init(): Promise<void> {
    const api = softphone()
    api.on('callUpdated', apply)
    api.on('mediaOffer', (offer: MediaOffer) => {
      void mediaOf(offer.callId)
        ?.applyOffer(offer.sdp)
        .catch(() => reportFailure(offer.callId, mediaWords('switchFailed')))
    })
    devices.onRemoved(({ input, output }) => {
      for (const callMedia of Object.values(allMedia.value)) {
        if (input) void callMedia.setInputDevice(undefined).catch(() => undefined)
        if (output) void callMedia.setOutputDevice(undefined).catch(() => undefined)
      }
    })
    const hello = await api.hello({})
    clientId.value = hello.clientId
    for (const call of hello.calls) apply(call)
  }

  async function answer(callId: string): Promise<void> {
    const call = calls.value[callId]
    if (!call || call.state !== 'ringing' || records.get(callId)?.busy) return
    records.put(callId, { busy: true })
    // One conversation at a time: answering another call ends the current one first.
    for (const current of mine.value) if (current.id !== callId) await hangUp(current.id)
    const callMedia = mediaFor(callId)
    try {
      await callMedia.answer((sdp) => softphone().accept({ callId, sdp }))
    } catch (error) {
      // Released meanwhile: the call ended or another desk took it, and that update has its notice.
      if (callMedia.state === 'closed') return
      if (error instanceof MicrophoneError) {
        // Nothing was sent: the call still rings, and the user can fix the microphone.
        notify(callId, error.wording, 'error')
        return
      }
      const sentence = failureSentence(error)
      notify(callId, error instanceof ServiceError ? saidOf(error) : sentence, 'error')
      // Meta took the offer but the audio cannot follow: the core ends the call and terminates it.
      if (calls.value[callId]?.state !== 'ended' && isMine(calls.value[callId]!)) {
        await reportFailure(callId, sentence)
      }
      releaseMedia(callId)
    } finally {
      records.patch(callId, { busy: false })
    }
  }

  async function decline(callId: string): Promise<void> {
    try {
      await softphone().decline({ callId })
    } catch (error) {
      notify(callId, saidOf(error), 'error')
    }
  }

  async function hangUp(callId: string): Promise<void> {
    releaseMedia(callId)
    try {
      await softphone().hangUp({ callId })
    } catch (error) {
      notify(callId, saidOf(error), 'error')
    }
  }

  /**
   * Shown here from its words; the core keeps the English as the call's error, and its ended
   * update, saying the same, is not shown twice.
   */
  async function reportFailure(callId: string, failure: MediaText): Promise<void> {
    notify(callId, failure, 'error')
    releaseMedia(callId)
    try {
      await softphone().reportMediaFailure({ callId, reason: englishMedia(failure) })
    } catch {
      // The call may already have ended elsewhere; the sentence is on screen either way.
    }
  }

  function toggleMute(callId: string): void {
    const callMedia = mediaOf(callId)
    if (!callMedia) return
    callMedia.setMuted(!callMedia.isMuted)
    records.put(callId, { muted: callMedia.isMuted })
  }

  /**
   * Calls a customer back: the media flow of an answer, with `placeCall` where `accept` would be.
   * The call's id comes with placeCall's reply, so the media is filed under it only then; the
   * core's updates for the call (answering, even ended) may have come first. Rejects with the
   * sentence to show when the call could not be placed; once it exists, its own updates tell.
   */
  async function placeCall(psid: string): Promise<string> {
    // One conversation at a time, as when answering.
    for (const current of mine.value) await hangUp(current.id)
    // Filed under a stand-in id until the core names the call.
    const dialing = `dialing:${psid}`
    let callId: string | undefined
    const callMedia = newMedia(
      () => callId ?? dialing,
      async () => (await softphone().getIceServers({ psid })).iceServers
    )
    records.put(dialing, { media: callMedia })
    try {
      const placed = await callMedia.dial(async (sdp) => {
        const result = await softphone().placeCall({ psid, sdp })
        callId = result.callId
        records.move(dialing, callId)
        // Ended before its id was known here (the customer declined at once): nothing to set up.
        if (calls.value[callId]?.state === 'ended') releaseMedia(callId)
        return result
      })
      return placed.callId
    } catch (error) {
      if (callId === undefined) {
        callMedia.close()
        records.forget(dialing)
        throw error
      }
      if (callMedia.state !== 'closed' && calls.value[callId]?.state !== 'ended') {
        await reportFailure(callId, failureSentence(error))
      }
      return callId
    }
  }

  async function startTestCall(): Promise<void> {
    try {
      await softphone().startTestCall({})
    } catch (error) {
      notify('test', saidOf(error), 'error')
    }
  }

  return {
    calls,
    clientId,
    list,
    ringing,
    quiet,
    mine,
    active,
    answeredElsewhere,
    mediaStates,
    muted,
    microphoneProblems: records.byId('microphoneProblem'),
    notices,
    busy,
    init,
    answer,
    decline,
    hangUp,
    toggleMute,
    dismiss,
    startTestCall,
    placeCall,
    media: mediaOf
  }
})
