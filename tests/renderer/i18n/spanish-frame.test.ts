/**
 * The main window's frame in Spanish: the header, the sections, the welcome and the Calls home,
 * the missed-call badge and window title, notices, the screen reader's announcement, avatars,
 * level meters, and the hub and webhook-owner notices with their in-place question.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import type { WebhookOwner } from '../../../src/shared/webhook-owner'
import CallAnnouncer from '../../../src/renderer/src/components/CallAnnouncer.vue'
import CallerAvatar from '../../../src/renderer/src/components/CallerAvatar.vue'
import LeftHubNotice from '../../../src/renderer/src/components/LeftHubNotice.vue'
import LevelMeter from '../../../src/renderer/src/components/LevelMeter.vue'
import NoticeList from '../../../src/renderer/src/components/NoticeList.vue'
import { useDeskRoleStore } from '../../../src/renderer/src/stores/desk-role'
import type { Notice } from '../../../src/renderer/src/stores/call-notices'
import { ringing } from '../support/calls'
import { button } from '../support/dom'
import { coreStatus } from '../support/fake-softphone'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { testI18n } from '../support/renderer-setup'

const app = useAppFixture()

/** The desk chose Spanish in Settings. */
function inSpanish(status: CoreStatus = coreStatus()): void {
  app.service.status = status
  app.service.settings = {
    ...app.service.settings,
    desk: { ...app.service.settings.desk, language: 'es' }
  }
}

const names = (wrapper: Pick<VueWrapper, 'findAll'>, selector: string): string[] =>
  wrapper.findAll(selector).map((found) => found.text())

describe('the window in Spanish', () => {
  it('welcomes a desk with no Page: title, sections, the test call and setting up', async () => {
    inSpanish(coreStatus(false))
    const wrapper = await mountApp()

    expect(wrapper.get('h1').text()).toBe('Messenger Softphone')
    expect(wrapper.get('.chip').text()).toBe('Ninguna página conectada')
    expect(wrapper.find('nav[aria-label="Secciones"]').exists()).toBe(true)
    expect(names(wrapper, '.app__nav-item')).toEqual([
      'Llamadas',
      'Historial',
      'Por devolver',
      'Ajustes',
      'Configurar la página'
    ])
    expect(wrapper.find('[role="region"][aria-label="Llamadas entrantes"]').exists()).toBe(true)
    const welcome = wrapper.get('section[aria-label="Bienvenida"]')
    expect(welcome.get('h2').text()).toBe('Compruebe que funciona antes de conectar su página')
    expect(welcome.text()).toContain('Haga una llamada de prueba')
    expect(names(welcome, 'button')).toEqual(['Llamada de prueba', 'Configurar este puesto'])
    expect(document.title).toBe('Messenger Softphone')
  })

  it('waits for calls to the Page, and says the line in Spanish', async () => {
    inSpanish()
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Página conectada')
    const home = wrapper.get('section[aria-label="La línea de su página"]')
    expect(home.text()).toContain('Esperando llamadas a su página de Facebook.')
    expect(names(home, 'button')).toEqual(['Llamada de prueba'])
    expect(wrapper.find('[role="status"][aria-label="Conexión con Facebook"]').exists()).toBe(true)
  })

  it('counts unseen missed calls on History and in the window title, one or many', async () => {
    inSpanish()
    app.service.respond('getMissedCalls', () => ({ unseen: 1 }))
    const wrapper = await mountApp()
    const badge = () => wrapper.get('.app__nav-badge')

    expect(badge().text()).toBe('1 perdida')
    expect(badge().attributes('title')).toBe('1 perdida')
    expect(document.title).toBe('(1) Messenger Softphone')

    app.service.emit('missedCalls', { unseen: 3 })
    await flushPromises()
    expect(badge().text()).toBe('3 perdidas')
    expect(document.title).toBe('(3) Messenger Softphone')
  })

  it('says in Spanish that another desk has the calls, and asks before taking them', async () => {
    const owner: WebhookOwner = {
      state: 'other-desk',
      url: 'https://front.example/webhook',
      desk: { deskName: 'Recepción', pageIds: ['1001'], version: '1.4.0' },
      servesOtherPage: false,
      checkedAt: Date.now()
    }
    inSpanish({
      ...coreStatus(),
      publicUrl: 'https://desk.example',
      pageHealth: { state: 'ok', checkedAt: Date.now(), pageName: 'Panadería' },
      webhookOwner: owner
    })
    const wrapper = await mountApp()
    const notice = wrapper.get('[role="note"][aria-label="Dónde suenan las llamadas"]')
    expect(wrapper.get('.chip').text()).toBe('Las llamadas no pueden llegar')

    await button(notice, 'Recibir las llamadas en este puesto').trigger('click')
    const question = notice.get(
      '[role="group"][aria-label="¿Recibir las llamadas en este puesto?"]'
    )
    expect(question.text()).toContain(
      'Las llamadas de Panadería sonarán aquí y dejarán de sonar en Recepción.'
    )
    expect(document.activeElement).toBe(button(question, 'Dejarlo como está').element)
    await button(question, 'Dejarlo como está').trigger('click')
    expect(notice.find('[role="group"]').exists()).toBe(false)

    await button(notice, 'Unirse a él como puesto').trigger('click')
    await flushPromises()
    expect(wrapper.get('section[aria-label="Unirse a un puesto"] [role="note"]').text()).toBe(
      'Para unirse a Recepción, pida una invitación a su responsable: en ese puesto, Ajustes > Puestos > Añadir un puesto.'
    )
  })
})

describe('the frame’s pieces in Spanish', () => {
  beforeEach(() => {
    testI18n.global.locale.value = 'es'
    setActivePinia(createPinia())
  })

  it('words the app’s own notices, leaves a service’s sentence as it came, and offers Cerrar', async () => {
    const notices: Notice[] = [
      {
        id: 1,
        callId: 'c_1',
        kind: 'info',
        text: { key: 'callEnded', values: { duration: '1:05' } }
      },
      { id: 2, callId: 'c_2', kind: 'info', text: { key: 'answeredBy', values: { desk: 'Caja' } } },
      { id: 3, callId: 'c_3', kind: 'error', text: 'Facebook ended the call.' }
    ]
    const wrapper = mount(NoticeList, { props: { notices } })
    expect(names(wrapper, '.notice span')).toEqual([
      'Llamada terminada · 1:05',
      'Contestada en Caja',
      'Facebook ended the call.'
    ])
    expect(wrapper.get('.notice__close').attributes('aria-label')).toBe('Cerrar')

    // A notice already on screen follows the desk's language when it changes.
    testI18n.global.locale.value = 'en'
    await flushPromises()
    expect(wrapper.get('.notice span').text()).toBe('Call ended · 1:05')
  })

  it('announces each ringing call to screen readers in Spanish', () => {
    const wrapper = mount(CallAnnouncer, {
      props: {
        ringing: [
          ringing('c_1', { caller: { psid: '1', name: 'Ana' } }),
          ringing('c_2', { caller: { psid: '2' } })
        ]
      }
    })
    expect(wrapper.get('[aria-live="assertive"]').text()).toBe(
      'Llamada entrante de Ana. Llamada entrante de Cliente de Messenger'
    )
  })

  it('labels a nameless caller’s avatar and draws the test caller’s initials in Spanish', () => {
    const glyph = mount(CallerAvatar, { props: { caller: { psid: '24680' } } })
    expect(glyph.get('[data-avatar="glyph"]').attributes('aria-label')).toBe('Cliente de Messenger')
    const test = mount(CallerAvatar, { props: { caller: { psid: 'test-caller' }, test: true } })
    expect(test.get('[data-avatar="initials"]').text()).toBe('CP')
  })

  it('names the test line’s caller in Spanish, whatever name its profile gives', () => {
    const wrapper = mount(CallAnnouncer, {
      props: {
        ringing: [
          ringing('t_1', { caller: { psid: 'test-caller', name: 'Test caller' }, test: true })
        ]
      }
    })
    expect(wrapper.get('[aria-live="assertive"]').text()).toBe(
      'Llamada entrante de Cliente de prueba'
    )
    const named = mount(CallerAvatar, {
      props: { caller: { psid: 'test-caller', name: 'Test caller' }, test: true }
    })
    expect(named.get('[data-avatar="initials"]').text()).toBe('CP')
  })

  it('says a level as Spanish writes a percentage', async () => {
    const wrapper = mount(LevelMeter, { props: { label: 'Micrófono', level: 0.42 } })
    const meter = wrapper.get('[role="meter"]')
    expect(meter.attributes('aria-valuetext')).toMatch(/^42\s%$/)
    testI18n.global.locale.value = 'en'
    await flushPromises()
    expect(meter.attributes('aria-valuetext')).toBe('42%')
  })

  it('says the desk left its hub, and who must still remove it there', async () => {
    useDeskRoleStore().left = { hubName: 'Recepción', removedAtHub: false }
    const wrapper = mount(LeftHubNotice)
    expect(names(wrapper, 'p')).toEqual([
      'Este puesto salió de Recepción.',
      'No se pudo avisar al puesto central; pida a su responsable que quite este puesto en Ajustes > Puestos.'
    ])

    // A hub the status never named is still said in words, not an English placeholder.
    useDeskRoleStore().left = { hubName: undefined, removedAtHub: true }
    await flushPromises()
    expect(names(wrapper, 'p')).toEqual(['Este puesto salió de su puesto central.'])
  })
})
