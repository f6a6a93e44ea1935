/**
 * A seat's Hub settings (issue 13): which hub, the link in words, and "Leave this hub", asked
 * first in place. Once left, the core's status has no hub and no Page: the page shows the
 * welcome, and says when the hub could not be told (its owner must remove the desk there).
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import { coreStatus } from '../support/fake-softphone'
import { button, hasButton } from '../support/dom'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { seatStatus } from '../support/seat-status'

const app = useAppFixture()

const NOT_TOLD = 'The hub could not be told; ask its owner to remove this desk in Settings > Desks.'

const hubGroup = (wrapper: VueWrapper) => wrapper.get('section[aria-label="Hub"]')
const question = (wrapper: VueWrapper) =>
  wrapper.get('[role="group"][aria-label="Leave this hub?"]')

async function openHubSettings(): Promise<VueWrapper> {
  const wrapper = await mountApp()
  await button(wrapper.get('nav[aria-label="Sections"]'), 'Settings').trigger('click')
  await flushPromises()
  return wrapper
}

/** Confirms leaving; the core then reports a desk with neither hub nor Page. */
async function leave(wrapper: VueWrapper): Promise<void> {
  await button(hubGroup(wrapper), 'Leave this hub').trigger('click')
  await button(question(wrapper), 'Leave').trigger('click')
  await flushPromises()
  app.service.emit('status', coreStatus(false))
  await flushPromises()
}

describe('a seat’s Hub settings', () => {
  it('names the hub and says how the link stands', async () => {
    app.service.status = seatStatus({ state: 'offline', reason: 'the hub does not answer' })
    const wrapper = await openHubSettings()
    expect(hubGroup(wrapper).get('.settings-status').text()).toBe('Connected to Front desk')
    expect(hubGroup(wrapper).get('[data-testid="hub-link"]').text()).toBe(
      'Hub offline: the hub does not answer. Calls cannot be answered here until it is back.'
    )

    app.service.emit('status', seatStatus())
    await flushPromises()
    expect(hubGroup(wrapper).get('[data-testid="hub-link"]').text()).toBe(
      'The link is up: calls ring here as they reach the hub.'
    )
  })

  it('is not shown on a desk that is no seat', async () => {
    const wrapper = await openHubSettings()
    expect(wrapper.find('section[aria-label="Hub"]').exists()).toBe(false)
  })

  it('asks first, and staying leaves nothing', async () => {
    app.service.status = seatStatus()
    const wrapper = await openHubSettings()
    await button(hubGroup(wrapper), 'Leave this hub').trigger('click')
    expect(question(wrapper).text()).toContain('Leave Front desk? Its calls stop ringing here')
    expect(app.service.requests('leaveHub')).toEqual([])

    await button(question(wrapper), 'Stay').trigger('click')
    expect(app.service.requests('leaveHub')).toEqual([])
    expect(hasButton(hubGroup(wrapper), 'Leave this hub')).toBe(true)
  })

  it('leaves once confirmed, and shows the welcome', async () => {
    app.service.status = seatStatus()
    const wrapper = await openHubSettings()
    await leave(wrapper)

    expect(app.service.requests('leaveHub')).toEqual([{}])
    // Its history is its own again: asked anew.
    expect(app.service.requests('listHistory')).toHaveLength(2)
    const welcome = wrapper.get('section[aria-label="Welcome"]')
    expect(welcome.get('[role="status"]').text()).toBe('This desk left Front desk.')
    expect(wrapper.text()).not.toContain(NOT_TOLD)
    expect(hasButton(welcome, 'Set up this desk')).toBe(true)
    expect(wrapper.find('[aria-label="Connection to the hub"]').exists()).toBe(false)
  })

  it('says who must remove this desk when the hub could not be told', async () => {
    app.service.status = seatStatus({ state: 'offline', reason: 'no answer' })
    app.service.respond('leaveHub', () => ({ removedAtHub: false }))
    const wrapper = await openHubSettings()
    await leave(wrapper)

    const said = wrapper.get('section[aria-label="Welcome"] [role="status"]')
    expect(said.findAll('p').map((line) => line.text())).toEqual([
      'This desk left Front desk.',
      NOT_TOLD
    ])
  })

  it('shows a refusal under the button and stays a seat', async () => {
    app.service.status = seatStatus()
    app.service.fail('leaveHub', new ServiceError('internal', 'The desk could not save its role.'))
    const wrapper = await openHubSettings()
    await button(hubGroup(wrapper), 'Leave this hub').trigger('click')
    await button(question(wrapper), 'Leave').trigger('click')
    await flushPromises()

    expect(hubGroup(wrapper).get('[role="alert"]').text()).toBe('The desk could not save its role.')
    expect(wrapper.find('section[aria-label="Settings"]').exists()).toBe(true)
  })
})

describe('a desk that joined and left again', () => {
  it('does not show the checks of the Page it forgot', async () => {
    const connection = { configured: true, pageId: '1001', appId: '2', hasToken: true }
    app.service.respond('getPageConnection', () => ({ ...connection, hasAppSecret: true }))
    const wrapper = await mountApp()
    const sections = wrapper.get('nav[aria-label="Sections"]')
    await button(sections, 'Page setup').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Everything is ready')

    app.service.emit('status', seatStatus())
    await flushPromises()
    // Joining forgot the Page; leaving leaves the desk without one.
    app.service.respond('getPageConnection', () => ({
      configured: false,
      hasToken: false,
      hasAppSecret: false
    }))
    app.service.emit('status', coreStatus(false))
    await flushPromises()
    await button(wrapper, 'Set up this desk').trigger('click')
    await flushPromises()
    await button(wrapper, 'Connect a Page (this desk becomes the hub)').trigger('click')
    await flushPromises()
    expect(wrapper.find('section[aria-label="Page setup"]').exists()).toBe(true)
    expect(wrapper.text()).not.toContain('Everything is ready')
  })
})
