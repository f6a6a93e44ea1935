/**
 * The business hours editor in Settings (issue 16, item 1): the owner edits the week, a holiday
 * and the time zone; Save sends exactly those hours with `saveBusinessHours`; the Page's hours
 * read back are compared in words, with a way to write the app's again; the outside-the-hours
 * choice saves at once; it speaks Spanish.
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import type { BusinessHours } from '../../../src/shared/business-hours'
import BusinessHoursSettings from '../../../src/renderer/src/components/settings/BusinessHoursSettings.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import SettingsView from '../../../src/renderer/src/views/SettingsView.vue'
import { FakeSoftphone } from '../support/fake-softphone'
import { seatStatus } from '../support/seat-status'
import { testI18n } from '../support/renderer-setup'

const nineToFive = [{ open: '09:00', close: '17:00' }]
const HOURS: BusinessHours = {
  timeZone: 'Europe/Madrid',
  weekly: {
    MONDAY: nineToFive,
    TUESDAY: nineToFive,
    WEDNESDAY: nineToFive,
    THURSDAY: nineToFive,
    FRIDAY: nineToFive,
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: []
}

let service: FakeSoftphone
let pinia: Pinia

enableAutoUnmount(afterEach)

beforeEach(() => {
  service = new FakeSoftphone()
  service.respond('getBusinessHours', () => ({ saved: HOURS, page: HOURS, differs: false }))
  useSoftphoneBridge(service.bridge)
  pinia = createPinia()
  setActivePinia(pinia)
})

async function mountEditor(): Promise<VueWrapper> {
  await useSettingsStore().load()
  const wrapper = mount(BusinessHoursSettings, {
    global: { plugins: [pinia] },
    attachTo: document.body
  })
  await flushPromises()
  return wrapper
}

const day = (wrapper: VueWrapper, name: string) => wrapper.get(`[data-day="${name}"]`)
const byLabel = (wrapper: VueWrapper, label: string) => wrapper.get(`[aria-label="${label}"]`)
const button = (wrapper: VueWrapper, text: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button "${text}"`)
  return found
}

describe('the business hours editor', () => {
  // Seven days of quarter-hour selects: happy-dom takes a while to draw them on a busy machine.
  it(
    'saves the edited week, a holiday and the time zone with saveBusinessHours',
    { timeout: 20_000 },
    async () => {
      const wrapper = await mountEditor()
      expect(wrapper.text()).toContain('Your Page shows the same hours.')

      await byLabel(wrapper, 'Monday, closes').setValue('18:30')
      await day(wrapper, 'SATURDAY').get('input[type="checkbox"]').setValue(true)
      await byLabel(wrapper, 'Saturday, closes').setValue('13:00')
      await byLabel(wrapper, 'Add a second range of hours on Friday').trigger('click')
      await byLabel(wrapper, 'Friday, opens again').setValue('18:00')
      await byLabel(wrapper, 'Friday, closes again').setValue('20:00')
      await day(wrapper, 'SUNDAY').get('input[type="checkbox"]').setValue(false)
      await button(wrapper, 'Add a holiday').trigger('click')
      const dates = wrapper.findAll('input[type="date"]')
      await dates[0]!.setValue('2026-12-24')
      await dates[0]!.trigger('change')
      await dates[1]!.setValue('2026-12-26')
      await wrapper.get('#hours-time-zone').setValue('America/Mexico_City')

      await button(wrapper, 'Save and publish').trigger('click')
      await flushPromises()
      expect(service.requests('saveBusinessHours')).toEqual([
        {
          hours: {
            timeZone: 'America/Mexico_City',
            weekly: {
              ...HOURS.weekly,
              MONDAY: [{ open: '09:00', close: '18:30' }],
              FRIDAY: [
                { open: '09:00', close: '17:00' },
                { open: '18:00', close: '20:00' }
              ],
              SATURDAY: [{ open: '09:00', close: '13:00' }]
            },
            holidays: [{ from: '2026-12-24', to: '2026-12-26' }]
          }
        }
      ])
      expect(wrapper.text()).toContain('Saved, and published on your Page.')
    }
  )

  it('shows the times in the desk language, and a day closed when unticked', async () => {
    const wrapper = await mountEditor()
    const monday = day(wrapper, 'MONDAY')
    expect(monday.get('select').element.selectedOptions[0]?.textContent?.trim()).toBe('9:00 AM')
    await monday.get('input[type="checkbox"]').setValue(false)
    expect(monday.text()).toContain('Closed')
    expect(monday.findAll('select')).toHaveLength(0)
  })

  it('refuses a range that closes before it opens, naming the day, and sends nothing', async () => {
    const wrapper = await mountEditor()
    await byLabel(wrapper, 'Tuesday, opens').setValue('18:00')
    await button(wrapper, 'Save and publish').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Tuesday: the closing time must come after the opening time.'
    )
    expect(service.requests('saveBusinessHours')).toEqual([])
  })

  it('refuses a time zone that is none', async () => {
    const wrapper = await mountEditor()
    await wrapper.get('#hours-time-zone').setValue('Mars/Olympus')
    await button(wrapper, 'Save and publish').trigger('click')
    expect(wrapper.get('[role="alert"]').text()).toContain('“Mars/Olympus” is not a time zone')
    expect(service.requests('saveBusinessHours')).toEqual([])
  })

  it('starts from the computer’s time zone and suggested hours when none are saved', async () => {
    service.respond('getBusinessHours', () => ({ saved: null, page: null, differs: false }))
    const wrapper = await mountEditor()
    expect(wrapper.text()).toContain('Not saved yet')
    expect(wrapper.get<HTMLInputElement>('#hours-time-zone').element.value).toBe(
      Intl.DateTimeFormat().resolvedOptions().timeZone
    )
  })

  it('says which days differ on the Page, and writes the app’s hours again', async () => {
    const page: BusinessHours = {
      ...HOURS,
      weekly: { ...HOURS.weekly, MONDAY: [], SATURDAY: [{ open: '10:00', close: '12:00' }] }
    }
    service.respond('getBusinessHours', () => ({ saved: HOURS, page, differs: true }))
    const wrapper = await mountEditor()
    const words = wrapper.get('[data-testid="page-hours"]')
    expect(words.text()).toContain('Your Page shows other hours than this app:')
    expect(words.findAll('li').map((li) => li.text())).toEqual([
      'Monday: here 9:00 AM–5:00 PM; on the Page closed.',
      'Saturday: here closed; on the Page 10:00 AM–12:00 PM.'
    ])
    await button(wrapper, 'Write these hours to the Page again').trigger('click')
    await flushPromises()
    expect(service.requests('saveBusinessHours')).toEqual([{ hours: HOURS }])
    expect(wrapper.text()).toContain('Your Page shows the same hours.')
  })

  it('shows Facebook’s refusal as a sentence', async () => {
    service.fail(
      'saveBusinessHours',
      new ServiceError('invalid-request', 'The hours are saved in this app but not on the Page.')
    )
    const wrapper = await mountEditor()
    await button(wrapper, 'Save and publish').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'The hours are saved in this app but not on the Page.'
    )
  })

  it('saves the outside-the-hours choice at once', async () => {
    const wrapper = await mountEditor()
    const quiet = wrapper
      .findAll('input[type="radio"]')
      .find((r) => (r.element as HTMLInputElement).value === 'quiet')!
    await quiet.setValue(true)
    await flushPromises()
    expect(service.requests('updateSettings')).toEqual([{ hours: { outside: 'quiet' } }])
  })

  it('speaks Spanish: day names, times and words', async () => {
    testI18n.global.locale.value = 'es'
    const page: BusinessHours = { ...HOURS, weekly: { ...HOURS.weekly, MONDAY: [] } }
    service.respond('getBusinessHours', () => ({ saved: HOURS, page, differs: true }))
    const wrapper = await mountEditor()
    expect(wrapper.text()).toContain('Horario de atención')
    expect(wrapper.text()).toContain('Guardar y publicar')
    expect(day(wrapper, 'MONDAY').text()).toContain('Lunes')
    expect(byLabel(wrapper, 'Lunes, cierra').element.tagName).toBe('SELECT')
    expect(wrapper.get('[data-testid="page-hours"]').text()).toContain(
      'Lunes: aquí 9:00–17:00; en la página cerrado.'
    )
  })
})

describe('in the Settings view', () => {
  it('is the hub owner’s: shown on the hub, not on a seat (the hub refuses seats the hours)', async () => {
    await useSettingsStore().load()
    const hub = mount(SettingsView, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(hub.find('section[aria-label="Business hours"]').exists()).toBe(true)
    hub.unmount()

    service.status = seatStatus()
    await useSettingsStore().load()
    const seat = mount(SettingsView, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(seat.find('section[aria-label="Business hours"]').exists()).toBe(false)
    expect(service.requests('getBusinessHours')).toHaveLength(1)
  })
})
