/**
 * A seat desk's page (issue #13): its status carries `hub`, so the header chip, the status line and
 * the Calls view speak of its link to the hub, never of a webhook or tunnel it does not have, and
 * it offers none of what the hub keeps (Page setup, connection, Page and desks settings).
 */
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import type { HubLinkStatus } from '../../../src/shared/hub-link'
import { ringing } from '../support/calls'
import { button, hasButton } from '../support/dom'
import { seatStatus } from '../support/seat-status'
import { mountApp, useAppFixture } from '../support/app-fixture'

const app = useAppFixture()

const REMOVED = 'This desk was removed from the hub: pair it again with a new code.'

const seat = (link: HubLinkStatus, queuedHangUps: string[] = []): CoreStatus =>
  seatStatus(link, { queuedHangUps })

/** "Page connected" as its own words, not inside "No Page connected". */
const claimsConnected = (text: string): boolean => /(^|[^o]\s)Page connected/.test(text)

describe('a seat desk’s page', () => {
  it('says the desk was removed from its hub, and nowhere that the Page is connected', async () => {
    app.service.status = seat({ state: 'refused', sentence: REMOVED })
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Not connected to hub')
    const pill = wrapper.get('[aria-label="Connection to the hub"]')
    expect(pill.attributes('data-health')).toBe('problem')
    expect(pill.text()).toBe(REMOVED)
    expect(claimsConnected(wrapper.text())).toBe(false)
    expect(wrapper.text()).not.toContain('No tunnel or public address')
    expect(wrapper.text()).not.toContain('Waiting for calls')
    expect(hasButton(wrapper, 'Page setup')).toBe(false)
  })

  it('offers no Answer for a call it still lists once its hub is out of reach', async () => {
    app.service.status = seat({ state: 'online' })
    app.service.calls = [
      {
        ...ringing('c_quiet', { caller: { psid: 'psid-q', name: 'Ada Lovelace' } }),
        silenced: true
      }
    ]
    const wrapper = await mountApp()
    expect(hasButton(wrapper, 'Answer Ada Lovelace')).toBe(true)

    app.service.emit('status', seat({ state: 'refused', sentence: REMOVED }))
    await flushPromises()
    expect(wrapper.text()).not.toContain('Ringing, not on this desk')
    expect(hasButton(wrapper, 'Answer Ada Lovelace')).toBe(false)
  })

  it('names its hub and the Page the hub reports while the link is online', async () => {
    app.service.status = seat({ state: 'online' })
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Page connected')
    const pill = wrapper.get('[aria-label="Connection to the hub"]')
    expect(pill.attributes('data-health')).toBe('ok')
    expect(pill.text()).toBe('Connected to Front desk · Page connected')
    expect(wrapper.text()).toContain('Waiting for calls to the hub’s Facebook Page.')
  })

  it('stops saying "Page connected" the moment the hub goes offline, and says a hang up waits', async () => {
    app.service.status = seat({ state: 'online' })
    const wrapper = await mountApp()

    app.service.emit('status', seat({ state: 'offline', reason: 'no answer' }, ['c_1']))
    await flushPromises()

    expect(wrapper.get('.chip').text()).toBe('Hub offline')
    expect(claimsConnected(wrapper.text())).toBe(false)
    expect(wrapper.get('[aria-label="Connection to the hub"]').text()).toBe(
      'Hub offline: no answer. Calls cannot be answered here until it is back. Your hang up will reach Meta when the hub is back.'
    )
  })

  it('says it is connecting to its hub, not checking the Page', async () => {
    app.service.status = seat({ state: 'connecting' })
    const wrapper = await mountApp()

    expect(wrapper.get('.chip').text()).toBe('Connecting to hub')
    expect(wrapper.get('[aria-label="Connection to the hub"]').text()).toBe(
      'Connecting to Front desk…'
    )
  })

  it('offers no Page setup, and keeps the test call the hub rings here', async () => {
    app.service.status = seat({ state: 'online' })
    const wrapper = await mountApp()

    const sections = wrapper.get('nav[aria-label="Sections"]')
    expect(sections.findAll('button').map((item) => item.text())).toEqual([
      'Calls',
      'History',
      'To call back',
      'Settings'
    ])
    await button(wrapper, 'Test call').trigger('click')
    expect(app.service.requests('startTestCall')).toHaveLength(1)
  })

  it('keeps only this desk’s own settings', async () => {
    app.service.status = seat({ state: 'online' })
    const wrapper = await mountApp()
    await button(wrapper.get('nav[aria-label="Sections"]'), 'Settings').trigger('click')
    await flushPromises()

    const groups = wrapper
      .findAll('section.settings-group')
      .map((group) => group.attributes('aria-label'))
    expect(groups).toEqual(['Hub', 'Calls', 'Audio', 'Appearance', 'Keyboard shortcuts'])
  })

  it('still shows a hub its tunnel, Page and desks settings', async () => {
    const wrapper = await mountApp()
    await button(wrapper.get('nav[aria-label="Sections"]'), 'Settings').trigger('click')
    await flushPromises()

    const groups = wrapper
      .findAll('section.settings-group')
      .map((group) => group.attributes('aria-label'))
    expect(groups).toEqual(expect.arrayContaining(['Connection', 'Facebook Page', 'Desks']))
    expect(hasButton(wrapper.get('nav[aria-label="Sections"]'), 'Page setup')).toBe(true)
  })
})
