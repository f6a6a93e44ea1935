/**
 * Page setup and joining a desk in Spanish: the wizard's choice, the Page form with its links to
 * Meta inside the Spanish sentences, the secrets' Show buttons, the checklist's states, the phone
 * test, and the join form with its own sentences and in-place question. The checks' titles and
 * fix buttons are worded here by id; their details are words from the core (error-words.test.ts).
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { META_LINKS, type SetupFix } from '../../../src/shared/onboarding'
import CredentialsForm from '../../../src/renderer/src/components/setup/CredentialsForm.vue'
import FirstCallStep from '../../../src/renderer/src/components/setup/FirstCallStep.vue'
import JoinHubForm from '../../../src/renderer/src/components/setup/JoinHubForm.vue'
import SetupChecklist from '../../../src/renderer/src/components/setup/SetupChecklist.vue'
import SetupChoice from '../../../src/renderer/src/components/setup/SetupChoice.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { ringing } from '../support/calls'
import { button } from '../support/dom'
import { fakeShell } from '../support/fake-shell'
import { FakeSoftphone } from '../support/fake-softphone'
import { testI18n } from '../support/renderer-setup'

enableAutoUnmount(afterEach)

let service: FakeSoftphone
beforeEach(() => {
  testI18n.global.locale.value = 'es'
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})

const texts = (wrapper: Pick<VueWrapper, 'findAll'>, selector: string) =>
  wrapper.findAll(selector).map((found) => found.text())

describe('Page setup in Spanish', () => {
  it('offers the two ways in Spanish, each with its line', () => {
    const wrapper = mount(SetupChoice)
    expect(wrapper.get('h2').text()).toBe('Configurar este puesto')
    const group = wrapper.get('[role="group"][aria-label="Cómo recibe llamadas este puesto"]')
    expect(group.findAll('button').map((b) => b.attributes('aria-label'))).toEqual([
      'Conectar una página (este puesto será el central)',
      'Unirse a un puesto que ya está conectado'
    ])
    expect(texts(group, '.setup-choice__line')[1]).toBe(
      'Pegue la invitación del puesto que tiene la página. Este puesto sonará y contestará sus llamadas.'
    )
  })

  it('names the four values and keeps the links to Meta inside the Spanish sentences', async () => {
    const wrapper = mount(CredentialsForm, {
      props: {
        busy: false,
        connection: { configured: true, appId: '42', hasToken: true, hasAppSecret: true }
      }
    })
    expect(texts(wrapper, 'label')).toEqual([
      'Identificador de la página',
      'Identificador de la app',
      'Token de acceso de la página',
      'Clave secreta de la app'
    ])
    const hints = wrapper.findAll('.setup-field__hint')
    expect(hints[0]!.text()).toBe(
      'En su página: Información y luego Transparencia de la página; o en Configuración del negocio.'
    )
    const business = hints[0]!.get('a')
    expect([business.text(), business.attributes('href')]).toEqual([
      'Configuración del negocio',
      META_LINKS.pages
    ])
    expect(texts(hints[2]!, 'a')).toEqual([
      'Explorador de la API Graph',
      'Depurador de tokens de acceso'
    ])
    expect(hints[3]!.get('a').attributes('href')).toBe(META_LINKS.appSettings('42'))
    expect((wrapper.get('#setup-token').element as HTMLInputElement).placeholder).toBe(
      'Guardado. Déjelo vacío para conservarlo.'
    )
    expect(wrapper.get('button[type="submit"]').text()).toBe('Guardar y comprobar')

    const show = button(wrapper, 'Mostrar token de acceso de la página')
    expect(show.text()).toBe('Mostrar')
    await show.trigger('click')
    expect(button(wrapper, 'Ocultar token de acceso de la página').text()).toBe('Ocultar')
  })

  it('says each check’s state in Spanish, and that a fix is under way', () => {
    const wrapper = mount(SetupChecklist, {
      props: {
        checkedAt: 1,
        disabled: true,
        fixing: 'subscribe-page',
        checks: [
          { id: 'app', title: 'App', state: 'passed', detail: 'ok' },
          {
            id: 'page-subscription',
            title: 'Page',
            state: 'failed',
            detail: 'no',
            fix: {
              action: 'subscribe-page',
              label: 'Subscribe the Page',
              labelKey: 'subscribePage'
            }
          },
          { id: 'token-expiry', title: 'Token', state: 'warning', detail: 'soon' },
          { id: 'app-mode', title: 'Mode', state: 'unknown', detail: '?' },
          { id: 'audio', title: 'Audio', state: 'skipped', detail: '-' }
        ]
      }
    })
    expect(wrapper.get('ol').attributes('aria-label')).toBe('Comprobaciones de la configuración')
    expect(wrapper.findAll('[role="img"]').map((icon) => icon.attributes('aria-label'))).toEqual([
      'Correcto',
      'Falló',
      'Advertencia',
      'No se sabe',
      'Omitido'
    ])
    expect(wrapper.get('button').text()).toBe('Trabajando…')
    expect(texts(wrapper, '.setup-check__title')).toEqual([
      'Identificador y clave secreta de la app',
      'La página envía las llamadas a la app',
      'Duración del token',
      'Modo de la app (desarrollo o en vivo)',
      'Llamadas de voz activadas'
    ])
  })

  it('names each fix in Spanish, and keeps an older hub’s unnamed button as it said it', () => {
    const failed = (id: 'ring-target' | 'webhook' | 'handshake', fix: SetupFix) =>
      ({ id, title: id, state: 'failed', detail: '-', fix }) as const
    const wrapper = mount(SetupChecklist, {
      props: {
        checkedAt: 1,
        disabled: false,
        checks: [
          failed('ring-target', { action: 'set-ring-target', label: 'x', labelKey: 'ringHere' }),
          failed('webhook', { action: 'register-webhook', label: 'x', labelKey: 'tryAgain' }),
          failed('handshake', { action: 'register-webhook', label: 'Register again' })
        ]
      }
    })
    expect(texts(wrapper, 'button')).toEqual([
      'Hacer sonar las llamadas aquí',
      'Reintentar',
      'Register again'
    ])
    expect(texts(wrapper, '.setup-check__title')).toEqual([
      'Las llamadas suenan en esta app',
      'Webhook registrado en Meta',
      'La comprobación de Meta llegó a este equipo'
    ])
  })

  it('waits for the phone’s call, then says it worked, in Spanish', async () => {
    const wrapper = mount(FirstCallStep)
    const step = wrapper.get('section[aria-label="Llamada de prueba desde su teléfono"]')
    expect(step.get('h3').text()).toBe('Haga una llamada de prueba desde su teléfono')
    expect(step.text()).toContain('Esperando la llamada…')
    await wrapper.setProps({ call: ringing('c_1', { caller: { psid: '1' } }) })
    expect(wrapper.get('[role="status"]').text()).toBe(
      'Funciona: acaba de sonar una llamada de Cliente de Messenger.'
    )
  })
})

describe('the microphone check before the first call, in Spanish', () => {
  afterEach(() => {
    delete window.softphone
    delete window.shell
    Reflect.deleteProperty(navigator, 'userAgent')
  })

  it('says where macOS lets the owner allow it, keeping the app’s name as macOS lists it', async () => {
    Object.defineProperty(navigator, 'userAgent', {
      value: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Chrome/140',
      configurable: true
    })
    window.softphone = service.bridge
    window.shell = fakeShell({
      microphoneAccess: async () => 'denied',
      askMicrophone: async () => 'denied'
    })
    const wrapper = mount(FirstCallStep)
    await flushPromises()
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain(
      'El micrófono está bloqueado. Abra Ajustes del Sistema, Privacidad y seguridad, Micrófono, active Messenger Softphone y vuelva a comprobar.'
    )
    expect(alert.get('button').text()).toBe('Volver a comprobar')
  })
})

describe('joining a desk in Spanish', () => {
  const INVITATION = 'https://front.example#msp1.0123456789ab.secretsecretsecretsecre.fingerprint'

  async function paste(wrapper: VueWrapper, text: string): Promise<void> {
    await wrapper.get('textarea').setValue(text)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
  }

  it('explains the invitation and says what is wrong with a paste in Spanish', async () => {
    const wrapper = mount(JoinHubForm, { props: { hasPage: false }, attachTo: document.body })
    expect(wrapper.get('h2').text()).toBe('Unirse a un puesto que ya está conectado')
    expect(wrapper.get('.setup__intro').text()).toContain('Ajustes > Puestos > Añadir un puesto')
    expect(wrapper.get('.setup__intro code').text()).toBe('npm run hub -- add-desk <nombre>')
    expect(wrapper.get('label').text()).toBe('Invitación')

    await paste(wrapper, ' ')
    expect(wrapper.get('[role="alert"]').text()).toBe('Pegue primero la invitación.')
    await paste(wrapper, 'https://front.example')
    expect(wrapper.get('[role="alert"]').text()).toContain('no es una invitación completa')
    await paste(wrapper, '#msp1.0123456789ab')
    expect(wrapper.get('[role="alert"]').text()).toContain('Una invitación empieza con https://')
    expect(service.requests('joinHub')).toEqual([])
  })

  it('asks a desk with a Page in Spanish, on the answer, before it forgets the Page', async () => {
    const wrapper = mount(JoinHubForm, { props: { hasPage: true }, attachTo: document.body })
    await paste(wrapper, INVITATION)

    const question = wrapper.get(
      '[role="group"][aria-label="¿Olvidar la página de este puesto y unirse?"]'
    )
    expect(question.text()).toContain('Este puesto olvidará el token de la página')
    expect(document.activeElement).toBe(button(question, 'Conservar la página').element)
    await button(question, 'Conservar la página').trigger('click')
    expect(service.requests('joinHub')).toEqual([])

    service.respond('joinHub', () => ({ hubName: 'Recepción' }))
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await button(wrapper, 'Olvidar la página y unirse').trigger('click')
    await flushPromises()
    expect(service.requests('joinHub')).toEqual([{ invitation: INVITATION, forgetPage: true }])
    expect(wrapper.get('[role="status"]').text()).toBe('Unido a Recepción. Conectando…')
  })
})
