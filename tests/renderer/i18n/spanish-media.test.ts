/**
 * The call's audio and microphone failures in Spanish (calls.media): worded where shown, so a
 * Spanish desk reads them in Spanish, while the core still gets the English as the call's reason.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import DtmfKeypad from '../../../src/renderer/src/components/DtmfKeypad.vue'
import InCallView from '../../../src/renderer/src/components/InCallView.vue'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { useDevicesStore } from '../../../src/renderer/src/stores/devices'
import { englishMedia, wordMedia, type MediaKey } from '../../../src/renderer/src/media/media-words'
import en from '../../../src/shared/i18n/en/calls'
import { connected, ended, ringing } from '../support/calls'
import { button } from '../support/dom'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { device } from '../support/fake-webrtc'
import { noticeTexts } from '../support/notice-words'
import { testI18n } from '../support/renderer-setup'
import { useStoreFixture } from '../support/store-fixture'

const LOST_EN =
  'The connection to the caller was lost and could not be restored. Check the internet connection.'
const LOST_ES =
  'Se perdió la conexión con el cliente y no se pudo recuperar. Revise la conexión a internet.'

function mediaKeys(node: object, prefix = ''): MediaKey[] {
  return Object.entries(node).flatMap(([name, value]) =>
    typeof value === 'string'
      ? [`${prefix}${name}` as MediaKey]
      : mediaKeys(value as object, `${prefix}${name}.`)
  )
}

describe('calls.media', () => {
  it('has a Spanish sentence of its own for every failure, with the same placeholders', () => {
    const t = testI18n.global.t
    for (const media of mediaKeys(en.media)) {
      const english = englishMedia({ media, values: { number: '2' } })
      testI18n.global.locale.value = 'es'
      const spanish = wordMedia({ media, values: { number: '2' } }, t)
      testI18n.global.locale.value = 'en'
      expect(spanish, media).not.toBe(english)
      expect(spanish.includes('{'), media).toBe(false)
    }
  })
})

describe('the ringing toast in Spanish', () => {
  const app = useAppFixture()

  it('says the microphone is blocked in Spanish and keeps the call ringing', async () => {
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'es' }
    }
    app.media.devices.refuse(new DOMException('denied', 'NotAllowedError'))
    app.service.calls = [ringing('c_1')]
    const wrapper = await mountApp()

    await button(wrapper, 'Contestar').trigger('click')
    await flushPromises()

    const problem = wrapper.get('[role="alertdialog"] [role="alert"]').text()
    expect(problem).toMatch(/^El micrófono está bloqueado/)
    expect(problem).toContain('vuelva a contestar')
    expect(app.service.requests('accept')).toEqual([])
  })

  it('rewords the problem on screen when the desk changes its language', async () => {
    app.service.respond('updateSettings', (patch) => {
      const desk = (patch as { desk: { language: 'es' } }).desk
      app.service.settings = {
        ...app.service.settings,
        desk: { ...app.service.settings.desk, ...desk }
      }
      return app.service.settings
    })
    app.media.devices.refuse(new DOMException('busy', 'NotReadableError'))
    app.service.calls = [ringing('c_1')]
    const wrapper = await mountApp()
    await button(wrapper, 'Answer').trigger('click')
    await flushPromises()
    const problem = () => wrapper.get('[role="alertdialog"] [role="alert"]').text()
    expect(problem()).toBe(
      'The microphone is in use by another app or could not start. Close that app, then answer again.'
    )

    await button(wrapper, 'Settings').trigger('click')
    await flushPromises()
    await wrapper.get<HTMLSelectElement>('#settings-language').setValue('es')
    await flushPromises()

    expect(problem()).toBe(
      'Otra app está usando el micrófono o no pudo iniciarse. Cierre esa app y vuelva a contestar.'
    )
  })

  it('says a sound that could not play in Spanish, by the device', async () => {
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'es' }
    }
    app.media.play.mockRejectedValue(new DOMException('not allowed', 'NotAllowedError'))
    const wrapper = await mountApp()
    await button(wrapper, 'Ajustes').trigger('click')
    await flushPromises()

    await button(wrapper, 'Probar altavoz').trigger('click')
    await flushPromises()

    expect(wrapper.text()).toContain(
      'No se pudo reproducir el sonido. Revise que el dispositivo esté encendido y libre.'
    )
  })
})

describe('a call in progress in Spanish', () => {
  const fixture = useStoreFixture()

  beforeEach(() => {
    testI18n.global.locale.value = 'es'
  })

  async function talking(): Promise<ReturnType<typeof connected>> {
    const store = useCallStore()
    await store.init()
    const call = ringing('c_1', { caller: { psid: '1', name: 'Ada' } })
    await fixture.emitCall(call)
    await store.answer('c_1')
    const live = connected(call, 'desk-1', Date.now())
    await fixture.emitCall(live)
    return live
  }

  it('says a lost connection once in Spanish, though the core reports it back in English', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    fixture.service.respond('reportMediaFailure', ({ reason }) => {
      fixture.service.emit(
        'callUpdated',
        ended(ringing('c_1'), { outcome: 'failed', reason: 'media-failed', error: reason })
      )
    })
    await talking()
    const pc = fixture.media.lastPeer()
    pc.setConnectionState('connected')
    pc.setConnectionState('disconnected')

    await vi.advanceTimersByTimeAsync(15_000)

    expect(fixture.service.requests('reportMediaFailure')).toEqual([
      { callId: 'c_1', reason: LOST_EN }
    ])
    expect(noticeTexts(useCallStore().notices)).toEqual([LOST_ES])
  })

  it('shows a microphone that did not start, and unnamed devices, in Spanish', async () => {
    fixture.media.devices.devices = [device('audioinput', 'mic-a'), device('audiooutput', 'out-a')]
    await useDevicesStore().refresh()
    fixture.media.permissions.set('granted')
    fixture.media.devices.refuse(new DOMException('device in use', 'NotReadableError'))
    const call = await talking()

    const wrapper = mount(InCallView, { props: { call } })

    expect(wrapper.get('.in-call__devices [role="alert"]').text()).toContain(
      'El micrófono no se inició, así que el cliente no oye nada'
    )
    const options = wrapper.findAll('.in-call__devices option').map((option) => option.text())
    expect(options).toEqual(['El del sistema', 'Micrófono 1', 'El del sistema', 'Altavoz 1'])
  })

  it('says in Spanish when the keypad cannot send digits yet', async () => {
    const call = await talking()
    fixture.media.lastPeer().transceivers[0]!.sender.dtmf.canInsertDTMF = false
    const wrapper = mount(DtmfKeypad, { props: { callId: call.id } })

    window.dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true }))
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toBe(
      'El teclado todavía no puede enviar dígitos en esta llamada; espere a que esté conectada.'
    )
  })
})
