/**
 * The History view against a fake service: order, labels, photos and quality figures, the Missed
 * filter and the search (both asked of the core), the missed-calls badge that clears once the
 * history is seen, and the quality-sharing option.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallerPhotos, CommandRequest } from '../../../src/shared/api'
import type { HistoryRecord } from '../../../src/shared/calls'
import App from '../../../src/renderer/src/App.vue'
import HistoryItem from '../../../src/renderer/src/components/history/HistoryItem.vue'
import { SEARCH_DEBOUNCE_MS } from '../../../src/renderer/src/composables/useHistoryQuery'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useHistoryStore } from '../../../src/renderer/src/stores/history'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import HistoryView from '../../../src/renderer/src/views/HistoryView.vue'
import { historyRecord } from '../support/calls'
import { button } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'
import { installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

const NOW = new Date(2026, 3, 1, 12, 0).getTime()
const at = (hour: number, minute = 0, daysAgo = 0): number =>
  new Date(2026, 3, 1 - daysAgo, hour, minute).getTime()

const RECORDS: HistoryRecord[] = [
  historyRecord({
    callId: 'c_old',
    caller: { psid: 'psid-ada', name: 'Ada Lovelace' },
    startedAt: at(16, 0, 1),
    connectedAt: at(16, 0, 1) + 3_000,
    endedAt: at(16, 2, 1),
    durationSeconds: 125,
    outcome: 'completed',
    reason: 'caller-hung-up',
    quality: {
      rttMs: 42.4,
      jitterMs: 3.4,
      lossPercent: 0.25,
      packetsReceived: 6100,
      reportedAt: at(16, 2, 1),
      sentToMetaAt: at(16, 2, 1)
    }
  }),
  historyRecord({
    callId: 'c_missed',
    caller: { psid: 'psid-grace', name: 'Grace Hopper' },
    startedAt: at(11, 30),
    endedAt: at(11, 31),
    outcome: 'missed',
    reason: 'ring-timeout'
  }),
  historyRecord({
    callId: 'c_declined',
    direction: 'outbound',
    caller: { psid: '24680' },
    startedAt: at(9, 15),
    endedAt: at(9, 15),
    outcome: 'declined',
    reason: 'declined'
  }),
  historyRecord({
    callId: 'c_failed',
    caller: { psid: 'psid-alan', name: 'Alan Turing' },
    startedAt: at(8, 0),
    endedAt: at(8, 0),
    outcome: 'failed',
    reason: 'accept-failed',
    error: 'Facebook no longer accepts the Page token. Reconnect the Page.'
  })
]

/** The core's query, as the history store answers it: newest first, outcome and search. */
function answer(query: CommandRequest<'listHistory'>): HistoryRecord[] {
  const search = query.search?.toLowerCase()
  return [...RECORDS]
    .sort((a, b) => b.startedAt - a.startedAt)
    .filter((r) => !query.outcome || r.outcome === query.outcome)
    .filter(
      (r) =>
        !search ||
        r.caller.psid.toLowerCase().includes(search) ||
        (r.caller.name?.toLowerCase().includes(search) ?? false)
    )
    .slice(0, query.limit ?? Infinity)
}

let service: FakeSoftphone
let visibility: DocumentVisibilityState

enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
  service = new FakeSoftphone()
  service.respond('listHistory', answer)
  service.respond('getCallerPhotos', ({ psids }): CallerPhotos =>
    psids.includes('psid-ada') ? { 'psid-ada': 'data:image/png;base64,QURB' } : {}
  )
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
  visibility = 'visible'
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility
  })
})

afterEach(() => {
  vi.useRealTimers()
})

async function mountView(unseen = 0) {
  service.respond('getMissedCalls', () => ({ unseen }))
  service.respond('markHistorySeen', () => ({ unseen: 0 }))
  await Promise.all([useHistoryStore().load(), useSettingsStore().load()])
  const wrapper = mount(HistoryView)
  await flushPromises()
  return wrapper
}

const entries = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('li.entry')
const names = (wrapper: ReturnType<typeof mount>) =>
  entries(wrapper).map((entry) => entry.get('.entry__name').text())

async function typeSearch(wrapper: ReturnType<typeof mount>, text: string): Promise<void> {
  await wrapper.get('input[type="search"]').setValue(text)
  vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
  await flushPromises()
}

describe('HistoryView', () => {
  it('lists calls newest first with caller, direction, outcome, time, duration and quality', async () => {
    const wrapper = await mountView()

    expect(names(wrapper)).toEqual([
      'Grace Hopper',
      'Messenger caller',
      'Alan Turing',
      'Ada Lovelace'
    ])
    const [missed, declined, failed, answered] = entries(wrapper)
    expect(missed?.get('.entry__outcome').text()).toBe('Missed')
    expect(missed?.get('.entry__direction').text()).toBe('↙ Incoming')
    expect(missed?.get('time').text()).toMatch(/^Today 11:30/)
    expect(missed?.find('.entry__duration').exists()).toBe(false)
    expect(declined?.get('.entry__outcome').text()).toBe('Declined')
    expect(declined?.get('.entry__direction').text()).toBe('↗ Outgoing')
    expect(failed?.get('.entry__outcome').text()).toBe('Failed')
    expect(failed?.text()).toContain('Reconnect the Page.')
    expect(answered?.get('.entry__outcome').text()).toBe('Answered')
    expect(answered?.get('time').text()).toMatch(/^Yesterday (16:00|0?4:00\sPM)/)
    expect(answered?.get('.entry__duration').text()).toBe('2:05')

    const quality = answered?.get('dl[aria-label="Call quality"]')
    expect(quality?.findAll('dt').map((dt) => dt.text())).toEqual([
      'Round trip',
      'Jitter',
      'Loss',
      'Packets received',
      'Shared'
    ])
    expect(quality?.findAll('dd').map((dd) => dd.text())).toEqual([
      '42 ms',
      '3 ms',
      '0.3%',
      '6,100',
      'with Meta'
    ])
    expect(missed?.find('dl[aria-label="Call quality"]').exists()).toBe(false)
  })

  it('shows an outgoing call the customer did not pick up as "No answer", not "Missed"', async () => {
    service.respond('listHistory', () => [
      historyRecord({
        callId: 'c_no_answer',
        direction: 'outbound',
        caller: { psid: 'psid-ada', name: 'Ada Lovelace' },
        startedAt: at(10, 0),
        endedAt: at(10, 1),
        outcome: 'no-answer',
        reason: 'no-answer'
      })
    ])
    const wrapper = await mountView()
    const [entry] = entries(wrapper)
    expect(entry?.get('.entry__outcome').text()).toBe('No answer')
    expect(entry?.get('.entry__direction').text()).toBe('↗ Outgoing')
    expect(useHistoryStore().missed).toEqual([])
  })

  it('shows the photos the core has, asked once for the callers on screen', async () => {
    const wrapper = await mountView()
    expect(service.requests('getCallerPhotos')).toEqual([
      { psids: ['psid-grace', '24680', 'psid-alan', 'psid-ada'] }
    ])
    const ada = entries(wrapper)[3]
    expect(ada?.get('img').attributes('src')).toBe('data:image/png;base64,QURB')
    expect(entries(wrapper)[0]?.find('img').exists()).toBe(false)
    expect(entries(wrapper)[0]?.text()).toContain('GH')

    await button(wrapper, 'Missed').trigger('click')
    await flushPromises()
    expect(service.requests('getCallerPhotos')).toHaveLength(1)
  })

  it('filters to missed calls through the core, and says when there are none', async () => {
    const wrapper = await mountView()
    await button(wrapper, 'Missed').trigger('click')
    await flushPromises()

    expect(service.requests('listHistory').at(-1)).toEqual({
      limit: 200,
      outcome: 'missed',
      search: undefined
    })
    expect(names(wrapper)).toEqual(['Grace Hopper'])
    expect(button(wrapper, 'Missed').attributes('aria-pressed')).toBe('true')

    service.respond('listHistory', () => [])
    service.emit('historyAdded', { ...RECORDS[0]!, callId: 'c_new', startedAt: at(11, 50) })
    await flushPromises()
    expect(wrapper.get('.empty-state__text').text()).toBe('No missed calls.')

    // The empty state's next step is the way back to every call.
    service.respond('listHistory', answer)
    await button(wrapper, 'Show all calls').trigger('click')
    await flushPromises()
    expect(names(wrapper)[0]).toBe('Ada Lovelace')
  })

  it('searches after a pause in typing, and says when nothing matches with a way out', async () => {
    const wrapper = await mountView()
    await wrapper.get('input[type="search"]').setValue('gr')
    await flushPromises()
    expect(service.requests('listHistory')).toHaveLength(1)

    await typeSearch(wrapper, 'grace')
    expect(service.requests('listHistory').at(-1)).toMatchObject({ search: 'grace' })
    expect(names(wrapper)).toEqual(['Grace Hopper'])

    // The core still finds a caller by their id; the list names them in words.
    await typeSearch(wrapper, '2468')
    expect(names(wrapper)).toEqual(['Messenger caller'])

    await typeSearch(wrapper, 'nobody')
    expect(entries(wrapper)).toHaveLength(0)
    expect(wrapper.text()).toContain('No calls match “nobody”.')

    await button(wrapper, 'Clear the search').trigger('click')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    await flushPromises()
    expect(names(wrapper)).toHaveLength(4)
    expect((wrapper.get('input[type="search"]').element as HTMLInputElement).value).toBe('')
  })

  it('says the sentence when the core refuses the query', async () => {
    const wrapper = await mountView()
    service.fail('listHistory', new Error('The listHistory request is not valid (search).'))
    await typeSearch(wrapper, 'x')
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'The listHistory request is not valid (search).'
    )
  })

  it('says there are no calls yet on an empty history', async () => {
    service.respond('listHistory', () => [])
    const wrapper = await mountView()
    expect(wrapper.get('.empty-state__text').text()).toBe('No calls yet.')

    await button(wrapper, 'Place a test call').trigger('click')
    await flushPromises()
    expect(service.requests('startTestCall')).toEqual([{}])
  })

  it('shows a quality report that arrives after the call, in place', async () => {
    const wrapper = await mountView()
    const missedOne = RECORDS[1]!
    service.emit('historyAdded', {
      ...missedOne,
      outcome: 'completed',
      connectedAt: missedOne.startedAt + 1000,
      durationSeconds: 40,
      quality: { rttMs: 80, reportedAt: NOW }
    })
    await flushPromises()
    expect(names(wrapper)).toHaveLength(4)
    expect(entries(wrapper)[0]?.get('dl').text()).toContain('80 ms')
  })

  describe('the missed-calls badge', () => {
    it('is cleared as soon as the history is on screen', async () => {
      await mountView(2)
      expect(service.requests('markHistorySeen')).toEqual([{}])
      expect(useHistoryStore().unseenMissed).toBe(0)
    })

    it('is not cleared while the window is hidden, and is once it shows again', async () => {
      visibility = 'hidden'
      await mountView(1)
      expect(service.requests('markHistorySeen')).toEqual([])

      visibility = 'visible'
      document.dispatchEvent(new Event('visibilitychange'))
      await flushPromises()
      expect(service.requests('markHistorySeen')).toHaveLength(1)
      expect(useHistoryStore().unseenMissed).toBe(0)
    })

    it('clears a missed call that arrives while the history is open', async () => {
      await mountView(0)
      expect(service.requests('markHistorySeen')).toEqual([])
      service.emit('missedCalls', { unseen: 1 })
      await flushPromises()
      expect(service.requests('markHistorySeen')).toHaveLength(1)
    })

    it('shows on the History button and in the title until the history is opened', async () => {
      const media: FakeMedia = installFakeMedia()
      window.softphone = service.bridge
      service.respond('getMissedCalls', () => ({ unseen: 1 }))
      service.respond('markHistorySeen', () => ({ unseen: 0 }))
      try {
        const wrapper = mount(App, { global: { plugins: [createPinia()] } })
        await flushPromises()
        const nav = wrapper.get('nav[aria-label="Sections"]')
        expect(button(nav, 'History 1 missed').get('.app__nav-badge').text()).toBe('1 missed')
        expect(document.title).toBe('(1) Messenger Softphone')

        service.emit('missedCalls', { unseen: 2 })
        await flushPromises()
        expect(button(nav, 'History 2 missed').exists()).toBe(true)
        expect(service.requests('markHistorySeen')).toEqual([])

        await button(nav, 'History 2 missed').trigger('click')
        await flushPromises()
        expect(service.requests('markHistorySeen')).toEqual([{}])
        expect(button(nav, 'History').find('.app__nav-badge').exists()).toBe(false)
        expect(document.title).toBe('Messenger Softphone')
      } finally {
        delete window.softphone
        media.uninstall()
      }
    })
  })

  it('saves the choice to send call quality figures to Meta', async () => {
    const wrapper = await mountView()
    const box = wrapper.get('input[type="checkbox"]')
    expect(box.attributes('role')).toBe('switch')
    expect((box.element as HTMLInputElement).checked).toBe(false)
    service.respond('updateSettings', (patch) => ({
      ...service.settings,
      quality: { sendToMeta: patch.quality?.sendToMeta ?? false }
    }))
    await box.setValue(true)
    await flushPromises()
    expect(service.requests('updateSettings')).toEqual([{ quality: { sendToMeta: true } }])
    expect((box.element as HTMLInputElement).checked).toBe(true)
  })
})

describe('HistoryItem', () => {
  it('offers Call back only when asked to, and hands the record to whoever listens', async () => {
    const record = RECORDS[1]!
    const plain = mount(HistoryItem, { props: { record } })
    expect(plain.find('button').exists()).toBe(false)

    const wrapper = mount(HistoryItem, { props: { record, canCallBack: true } })
    await button(wrapper, 'Call back Grace Hopper').trigger('click')
    expect(wrapper.emitted('call-back')).toEqual([[record]])
  })
})

describe('HistoryView: entries the core could not read', () => {
  const SENTENCE =
    '12 entries could not be read; they were kept in /data/history.unreadable-2026-12-05T23-40-12Z.jsonl.'
  const notes = (wrapper: ReturnType<typeof mount>) =>
    wrapper.findAll('[role="note"]').map((note) => note.text())

  it('says in one sentence how many and where they are kept, above the calls', async () => {
    service.status = { ...service.status, notices: { history: [SENTENCE], settings: [] } }
    const wrapper = await mountView()
    expect(notes(wrapper)).toEqual([SENTENCE])
    expect(names(wrapper)).toHaveLength(4)
    const html = wrapper.html()
    expect(html.indexOf(SENTENCE)).toBeLessThan(html.indexOf('aria-label="Calls"'))
  })

  it('shows no sentence when every entry was read, and one that arrives with a new status', async () => {
    const wrapper = await mountView()
    expect(notes(wrapper)).toEqual([])
    service.emit('status', { ...service.status, notices: { history: [SENTENCE], settings: [] } })
    await flushPromises()
    expect(notes(wrapper)).toEqual([SENTENCE])
  })
})
