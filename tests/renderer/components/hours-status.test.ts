/**
 * The window's status outside the business hours: while the core keeps calls quiet or declines
 * them, the window says so and when the hours open (on the hours' wall clock, in the desk's
 * language), and the line goes when the core says the hours opened.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { coreStatus } from '../support/fake-softphone'
import { testI18n } from '../support/renderer-setup'

const app = useAppFixture()
// Monday 7 December 2026, 09:00 in Madrid.
const MONDAY_NINE = Date.parse('2026-12-07T08:00:00Z')
const DAY = 86_400_000
const line = (wrapper: Awaited<ReturnType<typeof mountApp>>) =>
  wrapper.find('[data-testid="hours-status"]')

describe('the window outside the business hours', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('says calls ring out quietly and when the hours open, until they do', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: MONDAY_NINE - 2 * DAY })
    app.service.status = {
      ...coreStatus(),
      hours: { calls: 'quiet', opensAt: MONDAY_NINE, timeZone: 'Europe/Madrid' }
    }
    const wrapper = await mountApp()
    expect(line(wrapper).text()).toBe(
      'Outside business hours: calls ring out quietly. Closed until Monday 9:00 AM.'
    )

    app.service.emit('status', coreStatus())
    await flushPromises()
    expect(line(wrapper).exists()).toBe(false)
  })

  it('names the date of an opening a week or more away (after holidays)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: MONDAY_NINE - 10 * DAY })
    app.service.status = {
      ...coreStatus(),
      hours: { calls: 'quiet', opensAt: MONDAY_NINE, timeZone: 'Europe/Madrid' }
    }
    const wrapper = await mountApp()
    expect(line(wrapper).text()).toContain('Closed until Dec 7, 9:00 AM.')
  })

  it('says calls are declined, in Spanish too, and when no hours open', async () => {
    testI18n.global.locale.value = 'es'
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'es' }
    }
    app.service.status = {
      ...coreStatus(),
      hours: { calls: 'decline', opensAt: null, timeZone: 'UTC' }
    }
    const wrapper = await mountApp()
    expect(line(wrapper).text()).toBe(
      'Fuera del horario de atención: las llamadas se rechazan. No hay horas de apertura.'
    )
  })
})
