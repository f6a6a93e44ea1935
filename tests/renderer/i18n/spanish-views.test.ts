/** The converted views in Spanish: the owner's words, not English, and Spanish numbers. */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DtmfKeypad from '../../../src/renderer/src/components/DtmfKeypad.vue'
import IncomingCallToast from '../../../src/renderer/src/components/IncomingCallToast.vue'
import HistoryItem from '../../../src/renderer/src/components/history/HistoryItem.vue'
import QuietCalls from '../../../src/renderer/src/components/QuietCalls.vue'
import RecentCalls from '../../../src/renderer/src/components/RecentCalls.vue'
import { historyRecord, ringing } from '../support/calls'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { testI18n } from '../support/renderer-setup'

describe('in Spanish', () => {
  beforeEach(() => {
    testI18n.global.locale.value = 'es'
  })

  it('the toast offers Contestar and Rechazar and names the call in Spanish', () => {
    const call = ringing('c_1', { caller: { psid: 'p1', name: 'Ana' } })
    const wrapper = mount(IncomingCallToast, { props: { call } })
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Rechazar', 'Contestar'])
    expect(wrapper.get('[role="alertdialog"]').attributes('aria-label')).toBe(
      'Llamada entrante de Ana'
    )
    expect(wrapper.get('.toast__kicker').text()).toBe('Llamada de Messenger')
    expect(wrapper.get('.toast__countdown').text()).toMatch(/^Conteste en \d+ s$/)
  })

  it('the toast says who answered, or that another desk did', () => {
    const call = ringing('c_1')
    const wrapper = mount(IncomingCallToast, { props: { call, elsewhere: true } })
    expect(wrapper.get('.toast__kicker').text()).toBe('Contestada en otro puesto')
  })

  it('the keypad names its keys and waits in Spanish', () => {
    const wrapper = mount(DtmfKeypad, {
      props: { callId: 'c_1' },
      global: { plugins: [createPinia()] }
    })
    expect(wrapper.get('section').attributes('aria-label')).toBe('Teclado')
    expect(wrapper.get('[aria-keyshortcuts="*"]').attributes('aria-label')).toBe('Asterisco')
    expect(wrapper.get('[aria-keyshortcuts="#"]').attributes('aria-label')).toBe('Almohadilla')
    expect(wrapper.get('.keypad__note').text()).toBe(
      'El teclado funciona cuando la llamada está conectada.'
    )
  })
})

describe('the calls home in Spanish', () => {
  beforeEach(() => {
    testI18n.global.locale.value = 'es'
  })

  it('lists recent calls with Spanish outcomes, days and Devolver la llamada', () => {
    const now = Date.UTC(2026, 3, 1, 12, 0)
    const records = [
      historyRecord({ callId: 'h_1', outcome: 'missed', startedAt: now - 60_000 }),
      historyRecord({ callId: 'h_2', caller: { psid: 'p2' }, outcome: 'completed' })
    ]
    const wrapper = mount(RecentCalls, { props: { records, now, canCallBack: () => true } })
    expect(wrapper.get('h2').text()).toBe('Llamadas recientes')
    expect(wrapper.findAll('.recent__outcome').map((o) => o.text())).toEqual([
      'Perdida',
      'Contestada'
    ])
    expect(wrapper.get('time').text()).toMatch(/^Hoy /)
    expect(wrapper.findAll('.recent__caller')[1]?.text()).toBe('Cliente de Messenger')
    expect(wrapper.get('.recent__call-back').attributes('aria-label')).toBe(
      'Devolver la llamada a Ada Lovelace'
    )
  })

  it('words a history entry: direction, outcome, duration and Devolver la llamada', () => {
    const record = historyRecord({
      direction: 'outbound',
      outcome: 'no-answer',
      connectedAt: Date.UTC(2026, 3, 1, 9, 30),
      durationSeconds: 65
    })
    const wrapper = mount(HistoryItem, { props: { record, canCallBack: true } })
    expect(wrapper.get('.entry__outcome').text()).toBe('Sin respuesta')
    expect(wrapper.get('.entry__direction').text()).toContain('Saliente')
    expect(wrapper.get('.entry__duration').attributes('aria-label')).toBe('Duración 1:05')
    expect(wrapper.get('.entry__call-back').text()).toBe('Devolver la llamada')
  })

  it('says when there are no calls yet', () => {
    const wrapper = mount(RecentCalls, { props: { records: [] } })
    expect(wrapper.text()).toContain('Todavía no hay llamadas.')
  })

  it('offers Contestar for a call that rings on another desk', () => {
    const wrapper = mount(QuietCalls, {
      props: { calls: [ringing('c_1')], busy: {}, problemFor: () => undefined }
    })
    expect(wrapper.get('h2').text()).toBe('Sonando, no en este puesto')
    expect(wrapper.get('button').text()).toBe('Contestar')
  })
})

describe('the desk’s language setting', () => {
  const app = useAppFixture()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('switches the window to the language the desk chose', async () => {
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'es' }
    }
    await mountApp()
    await flushPromises()
    expect(testI18n.global.locale.value).toBe('es')
    expect(document.documentElement.lang).toBe('es')
  })

  it('follows the system when the desk chose nothing', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-MX', 'en-US'])
    await mountApp()
    await flushPromises()
    expect(testI18n.global.locale.value).toBe('es')
  })

  it('is chosen in Settings, saved on the desk, and the window switches at once', async () => {
    app.service.respond('updateSettings', (patch) => {
      const desk = (patch as { desk: { language: 'es' } }).desk
      app.service.settings = {
        ...app.service.settings,
        desk: { ...app.service.settings.desk, ...desk }
      }
      return app.service.settings
    })
    const wrapper = await mountApp()
    const settingsTab = wrapper.findAll('.app__nav-item').find((b) => b.text() === 'Settings')
    await settingsTab?.trigger('click')
    await flushPromises()
    const select = wrapper.get<HTMLSelectElement>('#settings-language')
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'As the system',
      'English',
      'Español'
    ])
    await select.setValue('es')
    await flushPromises()
    expect(app.service.requests('updateSettings')).toEqual([{ desk: { language: 'es' } }])
    expect(testI18n.global.locale.value).toBe('es')
    expect(wrapper.get('label[for="settings-language"]').text()).toBe('Idioma')
  })
})
