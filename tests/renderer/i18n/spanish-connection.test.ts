/**
 * A seat's line about its hub and the webhook owner's sentence in Spanish: made outside the window
 * as words (shared/connection.ts, shared/webhook-owner.ts), said in the desk's language, with the
 * link's own reason kept as the link gave it.
 */
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import type { HubLinkStatus } from '../../../src/shared/hub-link'
import type { WebhookOwner } from '../../../src/shared/webhook-owner'
import { words } from '../../../src/shared/words'
import { coreStatus } from '../support/fake-softphone'
import { button } from '../support/dom'
import { seatStatus } from '../support/seat-status'
import { mountApp, useAppFixture } from '../support/app-fixture'

const app = useAppFixture()

function inSpanish(status: CoreStatus): void {
  app.service.status = status
  app.service.settings = {
    ...app.service.settings,
    desk: { ...app.service.settings.desk, language: 'es' }
  }
}

const seat = (link: HubLinkStatus, queuedHangUps: string[] = []): CoreStatus =>
  seatStatus(link, { name: 'Recepción', queuedHangUps })

const HUB_LINE = '[aria-label="Conexión con el puesto central"]'

describe('a Spanish seat’s line about its hub', () => {
  it('says it is connecting, in the chip and the line', async () => {
    inSpanish(seat({ state: 'connecting' }))
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Conectando con el puesto central')
    expect(wrapper.get(HUB_LINE).text()).toBe('Conectando con Recepción…')
  })

  it('says the hub is offline and a hang up waits, keeping the link’s own reason', async () => {
    inSpanish(seat({ state: 'online' }))
    const wrapper = await mountApp()

    app.service.emit('status', seat({ state: 'offline', reason: 'ECONNREFUSED.' }, ['c_1', 'c_2']))
    await flushPromises()
    expect(wrapper.get('.chip').text()).toBe('Puesto central sin conexión')
    expect(wrapper.get(HUB_LINE).text()).toBe(
      'Puesto central sin conexión: ECONNREFUSED. Aquí no se pueden contestar llamadas hasta que vuelva. Sus 2 colgados llegarán a Meta cuando vuelva el puesto central.'
    )
    expect(wrapper.text()).not.toContain('Hub offline')
  })

  it('says in Spanish why the hub does not answer, when this desk made the reason', async () => {
    const notRunning = words('hubReason.notRunning', { host: 'hub.example' })
    inSpanish(seat({ state: 'offline', reason: 'The hub is not running', reasonWords: notRunning }))
    const wrapper = await mountApp()

    expect(wrapper.get(HUB_LINE).text()).toBe(
      'Puesto central sin conexión: El puesto central no está funcionando en hub.example, o su computadora está apagada. Aquí no se pueden contestar llamadas hasta que vuelva.'
    )
    expect(wrapper.text()).not.toContain('not running')
  })

  it('says why the hub turned it away', async () => {
    const removed = 'This desk was removed from the hub: pair it again with a new code'
    inSpanish(seat({ state: 'refused', sentence: removed, words: words('seatRefused.removed') }))
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Sin conexión con el puesto central')
    expect(wrapper.get(HUB_LINE).text()).toBe(
      'Este puesto fue quitado del puesto central: vuelva a emparejarlo con un código nuevo.'
    )
  })

  it('says the link the same way in Settings', async () => {
    inSpanish(seat({ state: 'connecting' }))
    const wrapper = await mountApp()
    await button(wrapper.get('nav[aria-label="Secciones"]'), 'Ajustes').trigger('click')
    await flushPromises()

    expect(wrapper.get('[data-testid="hub-link"]').text()).toBe('Conectando con Recepción…')
  })

  it('names the hub while online, and says the hub has no Page', async () => {
    inSpanish({ ...seat({ state: 'online' }), page: { configured: false } })
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Ninguna página conectada')
    expect(wrapper.get(HUB_LINE).text()).toBe(
      'Conectado con Recepción · El puesto central todavía no tiene ninguna página de Facebook conectada.'
    )
  })
})

describe('who receives the calls, in Spanish', () => {
  it('says where the calls go, naming "su página" while Meta gave no name', async () => {
    const owner: WebhookOwner = {
      state: 'foreign',
      url: 'https://api.example/hook',
      checkedAt: Date.now()
    }
    inSpanish({
      ...coreStatus(),
      publicUrl: 'https://desk.example',
      pageHealth: { state: 'ok', checkedAt: Date.now() },
      webhookOwner: owner
    })
    const wrapper = await mountApp()

    const sentence =
      'Las llamadas de su página van a https://api.example/hook, que no es esta aplicación.'
    const notice = wrapper.get('[role="note"][aria-label="Dónde suenan las llamadas"]')
    expect(notice.get('.owner-notice__sentence').text()).toBe(sentence)
    expect(wrapper.get('[aria-label="Conexión con Facebook"]').text()).toContain(sentence)
    // Said once on the Calls view: the notice, not a second alert with the same sentence.
    expect(wrapper.find('.home__problem').exists()).toBe(false)
  })
})
