/**
 * The reply to missed calls in the owner's Settings (switch, text, extra, preview as Messenger
 * shows it) and, on a history entry, the follow-up words and "Send a call button".
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HistoryRecord } from '../../../src/shared/calls'
import type { BusinessHours } from '../../../src/shared/business-hours'
import MissedCallReplySettings from '../../../src/renderer/src/components/settings/MissedCallReplySettings.vue'
import HistoryItem from '../../../src/renderer/src/components/history/HistoryItem.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { FakeSoftphone } from '../support/fake-softphone'
import { seatStatus } from '../support/seat-status'
import { testI18n } from '../support/renderer-setup'

/** Monday 2026-03-30 20:00 in Madrid. */
const NOW = Date.UTC(2026, 2, 30, 18, 0)
const HOURS: BusinessHours = {
  timeZone: 'Europe/Madrid',
  weekly: {
    MONDAY: [],
    TUESDAY: [{ open: '09:00', close: '17:00' }],
    WEDNESDAY: [],
    THURSDAY: [],
    FRIDAY: [],
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: []
}

let service: FakeSoftphone
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW })
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})
afterEach(() => vi.useRealTimers())

async function mounted<T>(component: T, props: Record<string, unknown> = {}): Promise<VueWrapper> {
  await useSettingsStore().load()
  const wrapper = mount(component as never, { props: props as never, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const previewText = (wrapper: VueWrapper) =>
  wrapper.get('[data-testid="missed-reply-preview-text"]').text()

describe('the missed-call reply settings', () => {
  it('is off by default; the switch turns it on', async () => {
    const wrapper = await mounted(MissedCallReplySettings)
    const toggle = wrapper.get<HTMLInputElement>('[data-testid="missed-reply-enabled"]')
    expect(toggle.element.checked).toBe(false)
    expect(toggle.attributes('role')).toBe('switch')
    await toggle.setValue(true)
    expect(service.requests('updateSettings')).toEqual([{ missedCallReply: { enabled: true } }])
  })

  it('starts from the suggested text and previews it with an example name and a neutral opening', async () => {
    const wrapper = await mounted(MissedCallReplySettings)
    const text = wrapper.get<HTMLTextAreaElement>('[data-testid="missed-reply-text"]')
    expect(text.element.value).toContain('{first_name}')
    expect(previewText(wrapper)).toBe(
      'Hi Ana, sorry we missed your call. We can talk as soon as we can; we will be glad to hear from you then.'
    )
    expect(wrapper.text()).toContain('Use {first_name} for the customer’s first name')
  })

  it('fills the real next opening from the business hours, as the owner types', async () => {
    service.settings.hours.schedule = HOURS
    const wrapper = await mounted(MissedCallReplySettings)
    await wrapper.get('[data-testid="missed-reply-text"]').setValue('{first_name}: {next_opening}')
    expect(previewText(wrapper)).toBe('Ana: tomorrow at 9:00 AM')
  })

  it('saves the text; the suggested text is saved as none of the owner’s own', async () => {
    const wrapper = await mounted(MissedCallReplySettings)
    await wrapper.get('[data-testid="missed-reply-save"]').trigger('click')
    await wrapper.get('[data-testid="missed-reply-text"]').setValue('Call us, {first_name}')
    await wrapper.get('[data-testid="missed-reply-save"]').trigger('click')
    await flushPromises()
    expect(service.requests('updateSettings')).toEqual([
      { missedCallReply: { text: '' } },
      { missedCallReply: { text: 'Call us, {first_name}' } }
    ])
    expect(wrapper.text()).toContain('Saved.')
  })

  it('refuses a text over 600 characters before sending it', async () => {
    const wrapper = await mounted(MissedCallReplySettings)
    await wrapper.get('[data-testid="missed-reply-text"]').setValue('x'.repeat(601))
    expect(wrapper.text()).toContain('The message can be at most 600 characters.')
    expect(wrapper.get('[data-testid="missed-reply-save"]').attributes('disabled')).toBeDefined()
  })

  it('draws the call button or the permission request as Messenger shows them', async () => {
    const wrapper = await mounted(MissedCallReplySettings)
    expect(wrapper.find('[data-testid="missed-reply-preview-button"]').exists()).toBe(false)
    await wrapper.get('[data-testid="missed-reply-extra-call-button"]').setValue(true)
    expect(service.requests('updateSettings')).toEqual([
      { missedCallReply: { extra: 'call-button' } }
    ])
    service.settings.missedCallReply.extra = 'call-button'
    service.emit('settings', structuredClone(service.settings))
    await flushPromises()
    expect(wrapper.get('[data-testid="missed-reply-preview-button"]').text()).toBe('Call us')
    service.settings.missedCallReply.extra = 'permission-request'
    service.emit('settings', structuredClone(service.settings))
    await flushPromises()
    expect(wrapper.get('[data-testid="missed-reply-preview-permission"]').text()).toContain(
      'Can we call you on Messenger?'
    )
  })

  it('speaks Spanish with the desk', async () => {
    testI18n.global.locale.value = 'es'
    service.settings.hours.schedule = HOURS
    const wrapper = await mounted(MissedCallReplySettings)
    expect(previewText(wrapper)).toBe(
      'Hola, Ana: lamentamos no haber atendido su llamada. Podemos hablar mañana a las 9:00; con gusto le atenderemos.'
    )
  })

  it('keeps the suggested text in the desk’s language when it changes, never the owner’s own', async () => {
    const wrapper = await mounted(MissedCallReplySettings)
    const text = wrapper.get<HTMLTextAreaElement>('[data-testid="missed-reply-text"]')
    expect(text.element.value).toMatch(/^Hi \{first_name\}, sorry/)
    testI18n.global.locale.value = 'es'
    await flushPromises()
    expect(text.element.value).toMatch(/^Hola, \{first_name\}: lamentamos/)
    // Still the suggestion: saving it keeps "none of the owner's own", which follows the language.
    await wrapper.get('[data-testid="missed-reply-save"]').trigger('click')
    await flushPromises()
    expect(service.requests('updateSettings')).toEqual([{ missedCallReply: { text: '' } }])

    // The owner's own text stays whatever the language.
    await text.setValue('Volvemos pronto')
    testI18n.global.locale.value = 'en'
    await flushPromises()
    expect(text.element.value).toBe('Volvemos pronto')
  })
})

const MISSED: HistoryRecord = {
  callId: 'c1',
  pageId: '1001',
  direction: 'inbound',
  caller: { psid: 'psid-1', name: 'Ana López' },
  startedAt: NOW - 60_000,
  endedAt: NOW - 30_000,
  durationSeconds: 0,
  outcome: 'missed',
  reason: 'ring-timeout',
  followUp: {
    reason: 'outside-hours',
    reply: { state: 'refused', at: NOW, words: 'outsideWindow', graphCode: 10 }
  }
}

describe('a missed call in history', () => {
  it('says why it was missed and, in words, why the reply was not delivered', async () => {
    const wrapper = await mounted(HistoryItem, { record: MISSED, now: NOW })
    expect(wrapper.get('[data-testid="follow-up-note"]').text()).toBe(
      'Outside business hours·Reply not delivered: the customer has not written to your Page in the last 24 hours, so Messenger does not allow a message now. (Facebook code 10)'
    )
  })

  it('sends a call button and says it went', async () => {
    const wrapper = await mounted(HistoryItem, { record: MISSED, now: NOW })
    const send = wrapper.get('[data-testid="send-call-button"]')
    expect(send.attributes('aria-label')).toBe('Send a call button to Ana López')
    await send.trigger('click')
    await flushPromises()
    expect(service.requests('sendCallButton')).toEqual([{ psid: 'psid-1' }])
    expect(wrapper.get('[role="status"]').text()).toBe('Call button sent.')
  })

  it("shows Meta's refusal in words", async () => {
    service.respond('sendCallButton', () => ({
      state: 'refused',
      at: NOW,
      words: 'unavailable',
      graphCode: 551
    }))
    const wrapper = await mounted(HistoryItem, { record: MISSED, now: NOW })
    await wrapper.get('[data-testid="send-call-button"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe(
      'Not sent: this person cannot receive messages right now. (Facebook code 551)'
    )
  })

  it('is not offered on a seat, nor for a test call', async () => {
    service.status = seatStatus()
    const seat = await mounted(HistoryItem, { record: MISSED, now: NOW })
    expect(seat.find('[data-testid="send-call-button"]').exists()).toBe(false)
    service.status = { ...service.status, hub: undefined }
    const test = await mounted(HistoryItem, { record: { ...MISSED, test: true }, now: NOW })
    expect(test.find('[data-testid="send-call-button"]').exists()).toBe(false)
  })
})
