/**
 * Sentences main makes about the setup reach a Spanish desk in Spanish (issue 15, item 4): an
 * http address's warning on the connection line and in Settings, the join form's and the desk
 * list's refusals of a paste or a name, the warning that secrets are kept for this session only,
 * and the settings file's and the history's notices.
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError, type CoreStatus } from '../../../src/shared/api'
import type { TunnelStatus } from '../../../src/shared/tunnel'
import ConnectionStatus from '../../../src/renderer/src/components/ConnectionStatus.vue'
import DesksSettings from '../../../src/renderer/src/components/settings/DesksSettings.vue'
import JoinHubForm from '../../../src/renderer/src/components/setup/JoinHubForm.vue'
import PageOnboarding from '../../../src/renderer/src/components/setup/PageOnboarding.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { useDevicesStore } from '../../../src/renderer/src/stores/devices'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { useHistoryStore } from '../../../src/renderer/src/stores/history'
import HistoryView from '../../../src/renderer/src/views/HistoryView.vue'
import SettingsView from '../../../src/renderer/src/views/SettingsView.vue'
import { button } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'
import { installFakeMedia, type FakeMedia } from '../support/fake-webrtc'
import { testI18n } from '../support/renderer-setup'

enableAutoUnmount(afterEach)

let service: FakeSoftphone
let media: FakeMedia
beforeEach(() => {
  testI18n.global.locale.value = 'es'
  media = installFakeMedia()
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})
afterEach(() => {
  delete window.softphone
  media.uninstall()
})

const HTTP_TUNNEL: TunnelStatus = {
  state: 'up',
  url: 'http://desk.example',
  warning: 'The public address http://desk.example is http…',
  warningWords: { key: 'tunnel.httpOwnUrl', params: { url: 'http://desk.example' } }
}
const SPANISH_WARNING =
  'La dirección pública http://desk.example es http, pero Facebook solo llama a direcciones https'

describe('an http public address, on a Spanish desk', () => {
  it('is a problem said in Spanish on the connection line', () => {
    const status: CoreStatus = {
      page: { configured: true, pageId: '1' },
      webhookUrl: 'http://127.0.0.1:47800/webhook',
      publicUrl: 'http://desk.example',
      tunnel: HTTP_TUNNEL,
      registration: { state: 'not-needed', reason: 'no-public-url' },
      pageHealth: { state: 'ok', checkedAt: Date.now() }
    }
    const wrapper = mount(ConnectionStatus, { props: { status } })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('problem')
    expect(wrapper.text()).toContain(SPANISH_WARNING)
    expect(wrapper.text()).not.toContain('The public address')
  })
})

async function mountSettings(): Promise<VueWrapper> {
  await useSettingsStore().load()
  await useDevicesStore().refresh()
  const wrapper = mount(SettingsView, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('Settings on a Spanish desk', () => {
  it('says the settings file’s notices and the tunnel’s http warning in Spanish', async () => {
    service.status = {
      ...service.status,
      tunnel: HTTP_TUNNEL,
      notices: {
        history: [],
        settings: ['settings.json could not be read (it is not valid JSON), so…', 'Unworded.'],
        settingsWords: [
          {
            key: 'config.settingsFile.unreadable',
            params: {
              name: 'settings.json',
              problem: { key: 'config.settingsFile.notJson' },
              target: '/data/settings.unreadable.json'
            }
          }
        ]
      }
    }
    const wrapper = await mountSettings()
    const notes = wrapper.get('[role="note"][aria-label="El archivo de ajustes"]').findAll('p')
    expect(notes.map((p) => p.text())).toEqual([
      'No se pudo leer settings.json (no es un JSON válido), así que la aplicación empezó con los ajustes predeterminados; el archivo se guardó como /data/settings.unreadable.json.',
      'Unworded.'
    ])
    expect(wrapper.get('[data-testid="tunnel-status"]').text()).toContain(SPANISH_WARNING)
  })

  it('refuses a desk name in Spanish', async () => {
    service.fail(
      'addDesk',
      new ServiceError('invalid-request', 'A desk name is 1 to 40 printable characters.', {
        key: 'config.deskName',
        params: { max: 40 }
      })
    )
    const wrapper = mount(DesksSettings, { attachTo: document.body })
    await flushPromises()
    // The form checks the length itself; the hub still refuses what it cannot print.
    await wrapper.get('#desk-new-name').setValue('Kitchen')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'El nombre de un puesto tiene de 1 a 40 caracteres imprimibles.'
    )
  })
})

describe('Page setup on a Spanish desk', () => {
  it('refuses a paste that is no pairing code in Spanish', async () => {
    service.fail(
      'joinHub',
      new ServiceError('invalid-request', 'This is not a pairing code: copy the whole line.', {
        key: 'config.invitation.notCode'
      })
    )
    const wrapper = mount(JoinHubForm, { props: { hasPage: false }, attachTo: document.body })
    await wrapper
      .get('textarea')
      .setValue('https://front.example#msp1.0123456789ab.secretsecretsecretsecre.fingerprint')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Esto no es un código de emparejamiento: copie la línea completa que muestra el puesto central.'
    )
  })

  it('warns in Spanish that the secrets are kept only until the app quits', async () => {
    service.respond('saveCredentials', () => ({
      connection: { configured: true, pageId: '1', appId: '2', hasToken: true, hasAppSecret: true },
      warning: 'No keyring (such as GNOME Keyring or KWallet) is available…',
      warningWords: { key: 'config.secrets.noLinuxKeyring' }
    }))
    await useCallStore().init()
    const wrapper = mount(PageOnboarding, { props: { configured: false }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('#setup-page-id').setValue('106378625516323')
    await wrapper.get('#setup-app-id').setValue('987654321012345')
    await wrapper.get('#setup-token').setValue('EAAToken')
    await wrapper.get('#setup-secret').setValue('secret123')
    await button(wrapper, 'Guardar y comprobar').trigger('click')
    await flushPromises()
    expect(wrapper.get('.setup__warning').text()).toMatch(
      /^No hay ningún llavero \(como GNOME Keyring o KWallet\)/
    )
  })
})

describe('History on a Spanish desk', () => {
  it('says which entries could not be read, and where they are kept, in Spanish', async () => {
    service.status = {
      ...service.status,
      notices: {
        history: ['12 entries could not be read; they were kept in /data/h.jsonl.'],
        historyWords: [
          { key: 'config.historyFile.manyKept', params: { count: 12, file: '/data/h.jsonl' } }
        ],
        settings: []
      }
    }
    await Promise.all([useHistoryStore().load(), useSettingsStore().load()])
    const wrapper = mount(HistoryView)
    await flushPromises()
    expect(wrapper.findAll('[role="note"]').map((note) => note.text())).toEqual([
      'No se pudieron leer 12 entradas; se guardaron en /data/h.jsonl.'
    ])
  })
})
