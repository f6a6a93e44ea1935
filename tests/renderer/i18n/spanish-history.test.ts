/**
 * History and call back in Spanish: the view, its filters and empty states, the quality figures
 * with Spanish numbers and units, the sharing choice, and the call-back panel with Meta's limit
 * worded by the renderer. The service's own sentences (permission summaries, errors) are left as
 * they arrive.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PermissionLimit } from '../../../src/shared/callback'
import CallBackPanel from '../../../src/renderer/src/components/CallBackPanel.vue'
import QualityFigures from '../../../src/renderer/src/components/history/QualityFigures.vue'
import { SEARCH_DEBOUNCE_MS } from '../../../src/renderer/src/composables/useHistoryQuery'
import { useAgo } from '../../../src/renderer/src/composables/useAgo'
import { useRequestLimitWords } from '../../../src/renderer/src/composables/useRequestLimitWords'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useCallBackStore } from '../../../src/renderer/src/stores/call-back'
import { useHistoryStore } from '../../../src/renderer/src/stores/history'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import HistoryView from '../../../src/renderer/src/views/HistoryView.vue'
import { historyRecord } from '../support/calls'
import { grantedInfo, permissionInfo } from '../support/call-back'
import { button } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'
import { testI18n } from '../support/renderer-setup'

const NOW = new Date(2026, 3, 1, 12, 0).getTime()
/** Intl puts a no-break space before "%" and between a time and "p. m.". */
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ')

let service: FakeSoftphone
enableAutoUnmount(afterEach)

beforeEach(() => {
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})

function spanish(): void {
  testI18n.global.locale.value = 'es'
}

/** What a composable gives a component's setup, with the test's i18n installed. */
function fromSetup<T>(composable: () => T): T {
  let made: T | undefined
  mount(defineComponent({ setup: () => ((made = composable()), () => h('i')) }))
  return made as T
}

describe('the History view in Spanish', () => {
  const answered = historyRecord({
    callId: 'c_1',
    startedAt: NOW - 3_600_000,
    connectedAt: NOW - 3_590_000,
    durationSeconds: 65,
    quality: {
      rttMs: 42.4,
      jitterMs: 3.4,
      lossPercent: 0.5,
      packetsReceived: 16100,
      reportedAt: NOW,
      sentToMetaAt: NOW
    }
  })

  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    service.respond('listHistory', (query) =>
      query.outcome === 'missed' || query.search ? [] : [answered]
    )
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  async function mountView() {
    await Promise.all([useHistoryStore().load(), useSettingsStore().load()])
    spanish()
    const wrapper = mount(HistoryView)
    await flushPromises()
    return wrapper
  }

  it('names the view, its filters and its search in Spanish', async () => {
    const wrapper = await mountView()
    expect(wrapper.get('section').attributes('aria-label')).toBe('Historial')
    expect(wrapper.get('h2').text()).toBe('Historial')
    const show = wrapper.get('[role="group"]')
    expect(show.attributes('aria-label')).toBe('Mostrar')
    expect(show.findAll('button').map((b) => b.text())).toEqual(['Todas', 'Perdidas'])
    const search = wrapper.get('input[type="search"]')
    expect(search.attributes('aria-label')).toBe('Buscar llamadas')
    expect(search.attributes('placeholder')).toBe('Buscar por nombre')
    expect(wrapper.get('ol').attributes('aria-label')).toBe('Llamadas')
  })

  it('writes the quality figures with Spanish labels, numbers and units', async () => {
    const wrapper = await mountView()
    const quality = wrapper.get('dl')
    expect(quality.attributes('aria-label')).toBe('Calidad de la llamada')
    expect(quality.findAll('dt').map((dt) => dt.text())).toEqual([
      'Ida y vuelta',
      'Variación',
      'Pérdida',
      'Paquetes recibidos',
      'Compartida'
    ])
    expect(quality.findAll('dd').map((dd) => spaced(dd.text()))).toEqual([
      '42 ms',
      '3 ms',
      '0,5 %',
      '16.100',
      'con Meta'
    ])
  })

  it('says why the list is empty and offers the next step in Spanish', async () => {
    const wrapper = await mountView()
    await button(wrapper, 'Perdidas').trigger('click')
    await flushPromises()
    expect(wrapper.get('.empty-state__text').text()).toBe('No hay llamadas perdidas.')
    await button(wrapper, 'Mostrar todas las llamadas').trigger('click')
    await flushPromises()

    await wrapper.get('input[type="search"]').setValue('nadie')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    await flushPromises()
    expect(wrapper.get('.empty-state__text').text()).toBe('Ninguna llamada coincide con “nadie”.')
    expect(button(wrapper, 'Borrar la búsqueda').exists()).toBe(true)
  })

  it('says there are no calls yet and offers a test call', async () => {
    service.respond('listHistory', () => [])
    const wrapper = await mountView()
    expect(wrapper.get('.empty-state__text').text()).toBe('Todavía no hay llamadas.')
    await button(wrapper, 'Hacer una llamada de prueba').trigger('click')
    expect(service.requests('startTestCall')).toEqual([{}])
  })

  it('offers the sharing choice in Spanish, and says so when it was not saved', async () => {
    const wrapper = await mountView()
    expect(wrapper.get('.sharing .settings-toggle').text()).toBe(
      'Enviar las cifras de calidad de las llamadas a Meta'
    )
    expect(wrapper.get('.sharing__hint').text()).toMatch(/^Ida y vuelta, variación/)
    service.fail('updateSettings', new Error(''))
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'No se guardó la elección. Inténtelo de nuevo.'
    )
  })
})

describe('quality figures in Spanish', () => {
  it('say a call was not measured', () => {
    spanish()
    const wrapper = mount(QualityFigures, { props: { quality: { reportedAt: NOW } } })
    expect(wrapper.get('dt').text()).toBe('Calidad')
    expect(wrapper.get('dd').text()).toBe('sin medir')
  })
})

describe('the call-back panel in Spanish', () => {
  async function openPanel(caller = { psid: 'psid-h', name: 'Ada Lovelace' }) {
    spanish()
    const wrapper = mount(CallBackPanel)
    await useCallBackStore().open(caller)
    await flushPromises()
    return wrapper
  }

  it('names the customer, the request and what Meta’s limit leaves', async () => {
    const wrapper = await openPanel()
    expect(wrapper.get('h2').text()).toBe('Devolver la llamada a Ada Lovelace')
    expect(wrapper.get('.call-back__note').text()).toBe('Solicitudes disponibles hoy: 2 de 2.')
    // Worded here from the permission's data, not the hub's English summary.
    expect(wrapper.get('.call-back__summary').text()).toBe(
      'Ada Lovelace no ha permitido las llamadas de su página. Pídalo antes en Messenger; se responde con un toque.'
    )
    expect(wrapper.get('#call-back-call-note').text()).toBe(
      'Ada Lovelace tiene que permitir antes las llamadas de su página.'
    )
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual([
      'Pedir a Ada Lovelace permiso para llamar',
      'Llamar a Ada Lovelace',
      'Cerrar'
    ])
  })

  it('offers to ask again while the customer has not answered', async () => {
    service.respond('checkCallPermission', () => permissionInfo({ status: 'pending' }))
    const wrapper = await openPanel()
    expect(button(wrapper, 'Volver a pedírselo a Ada Lovelace').exists()).toBe(true)
  })

  it('says it is checking, and calls a nameless customer by the Spanish word', async () => {
    let allow: (() => void) | undefined
    service.respond(
      'checkCallPermission',
      () => new Promise((resolve) => (allow = () => resolve(grantedInfo())))
    )
    spanish()
    const wrapper = mount(CallBackPanel)
    void useCallBackStore().open({ psid: 'psid-x' })
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe(
      'Comprobando si Cliente de Messenger permite llamadas…'
    )
    allow?.()
    await flushPromises()
    expect(button(wrapper, 'Llamar a Cliente de Messenger').exists()).toBe(true)
  })

  it('offers Reintentar when the check failed', async () => {
    service.fail('checkCallPermission', new Error('Facebook did not answer.'))
    const wrapper = await openPanel()
    expect(wrapper.get('[role="alert"]').text()).toBe('Facebook did not answer.')
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Reintentar', 'Cerrar'])
  })
})

describe('Meta’s request limit in words', () => {
  const today = new Date(2026, 3, 1, 14, 5).getTime()
  const later = new Date(2026, 3, 3, 9, 30).getTime()
  const limit = (overrides: Partial<PermissionLimit>): PermissionLimit => ({
    action: 'request-permission',
    maxAllowed: 2,
    currentUsage: 0,
    period: 'PT24H',
    ...overrides
  })

  function words(language: 'en' | 'es'): (limit: PermissionLimit) => string {
    testI18n.global.locale.value = language
    const say = fromSetup(useRequestLimitWords)
    return (value) => spaced(say(value, NOW))
  }

  it('says what is left, by period, in English', () => {
    const say = words('en')
    expect(say(limit({ currentUsage: 1 }))).toBe('1 of 2 requests left today.')
    expect(say(limit({ maxAllowed: 1, period: 'P7D' }))).toBe('1 of 1 request left this week.')
    expect(say(limit({ period: 'PT12H' }))).toBe('2 of 2 requests left in these 12 hours.')
    expect(say(limit({ period: undefined }))).toBe('2 of 2 requests left in this period.')
  })

  it('says what is left, by period, in Spanish', () => {
    const say = words('es')
    expect(say(limit({ currentUsage: 1 }))).toBe('Solicitudes disponibles hoy: 1 de 2.')
    expect(say(limit({ maxAllowed: 1, period: 'P1W' }))).toBe(
      'Solicitudes disponibles esta semana: 1 de 1.'
    )
    expect(say(limit({ period: 'PT12H' }))).toBe(
      'Solicitudes disponibles en estas 12 horas: 2 de 2.'
    )
  })

  it('says when asking is possible again, in each language', () => {
    const en = words('en')
    expect(en(limit({ currentUsage: 2, resetsAt: today }))).toMatch(
      /^No requests left: you can ask again at 2:05 PM\.$/
    )
    expect(en(limit({ currentUsage: 2 }))).toBe('No requests left today; Facebook allows 2.')
    const es = words('es')
    expect(es(limit({ currentUsage: 2, resetsAt: today }))).toBe(
      'No quedan solicitudes: podrá volver a pedirlo a las 14:05.'
    )
    expect(es(limit({ currentUsage: 2, resetsAt: later }))).toBe(
      'No quedan solicitudes: podrá volver a pedirlo el 3 abr, a las 9:30.'
    )
    expect(es(limit({ currentUsage: 3 }))).toBe('No quedan solicitudes hoy; Facebook permite 2.')
  })
})

describe('how long ago, in the desk’s language', () => {
  it('says "hace 5 minutos" and "hace un momento" on a Spanish desk', () => {
    spanish()
    const ago = fromSetup(useAgo)
    expect(ago(NOW - 300_000, NOW)).toBe('hace 5 minutos')
    expect(ago(NOW - 10_000, NOW)).toBe('hace un momento')
  })
})
