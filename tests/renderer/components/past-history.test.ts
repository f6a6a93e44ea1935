/**
 * A seat's own calls from before it joined its hub (issue 13): offered beside the hub's history
 * only when the core says the desk kept some, asked of the core with `listPastHistory` (filters
 * too), listed like any history but read-only: no Call back, no sharing choice.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { historyRecord } from '../support/calls'
import { button, hasButton } from '../support/dom'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { seatStatus } from '../support/seat-status'

const app = useAppFixture()

const HUB_CALL = historyRecord({
  callId: 'c_hub',
  caller: { psid: 'psid-ada', name: 'Ada Lovelace' },
  outcome: 'completed'
})
const OWN_CALL = historyRecord({
  callId: 'c_own',
  caller: { psid: 'psid-grace', name: 'Grace Hopper' },
  outcome: 'missed'
})
const BEFORE = 'Calls on this desk before it joined'

const history = (wrapper: VueWrapper) => wrapper.get('section[aria-label="History"]')
const listed = (wrapper: VueWrapper) =>
  history(wrapper)
    .findAll('li[data-call-id]')
    .map((item) => item.attributes('data-call-id'))

async function openHistory(pastHistory: boolean): Promise<VueWrapper> {
  app.service.status = seatStatus({ state: 'online' }, { pastHistory })
  app.service.respond('listHistory', () => [HUB_CALL])
  app.service.respond('listPastHistory', () => [OWN_CALL])
  const wrapper = await mountApp()
  await button(wrapper.get('nav[aria-label="Sections"]'), 'History').trigger('click')
  await flushPromises()
  return wrapper
}

describe('a seat’s calls from before it joined', () => {
  it('are listed beside the hub’s, read-only, with a note saying whose they are', async () => {
    const wrapper = await openHistory(true)
    const which = history(wrapper).get('[role="group"][aria-label="Which calls"]')
    expect(button(which, 'The hub’s calls').attributes('aria-pressed')).toBe('true')
    expect(listed(wrapper)).toEqual(['c_hub'])
    expect(hasButton(history(wrapper), 'Call back Ada Lovelace')).toBe(true)

    await button(which, BEFORE).trigger('click')
    await flushPromises()
    expect(app.service.requests('listPastHistory')).toEqual([
      { limit: 200, outcome: undefined, search: undefined }
    ])
    expect(listed(wrapper)).toEqual(['c_own'])
    expect(history(wrapper).get('[role="note"]').text()).toBe(
      'These are this desk’s own calls from before it joined the hub, kept here read-only.'
    )
    expect(history(wrapper).text()).toContain('Grace Hopper')
    expect(
      history(wrapper)
        .findAll('button')
        .map((b) => b.text())
    ).not.toContain('Call back')
    expect(history(wrapper).find('input[type="checkbox"]').exists()).toBe(false)

    await button(history(wrapper), 'Missed').trigger('click')
    await flushPromises()
    expect(app.service.requests('listPastHistory').at(-1)).toMatchObject({ outcome: 'missed' })

    await button(which, 'The hub’s calls').trigger('click')
    await flushPromises()
    expect(history(wrapper).find('[role="note"]').exists()).toBe(false)
  })

  it('are not offered when the desk kept none', async () => {
    const wrapper = await openHistory(false)
    expect(history(wrapper).find('[aria-label="Which calls"]').exists()).toBe(false)
    expect(hasButton(history(wrapper), BEFORE)).toBe(false)
    expect(app.service.requests('listPastHistory')).toEqual([])
  })

  it('go back to the hub’s calls when the desk no longer has them', async () => {
    const wrapper = await openHistory(true)
    await button(history(wrapper), BEFORE).trigger('click')
    await flushPromises()

    app.service.emit('status', seatStatus({ state: 'online' }, { pastHistory: false }))
    await flushPromises()
    expect(listed(wrapper)).toEqual(['c_hub'])
    expect(history(wrapper).find('[role="note"]').exists()).toBe(false)
  })
})
