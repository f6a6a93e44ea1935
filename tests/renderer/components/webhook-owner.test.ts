/**
 * Where the Page's calls go, told in the Calls view and in Page setup: another desk by its name,
 * a server by its address, never "Waiting for calls" as if they rang here; "Ring on this desk
 * instead" asks first, names who stops ringing, and shows the core's refusal as its sentence;
 * "Join it as a seat" opens the join form for another desk of this app.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ServiceError, type CoreStatus } from '../../../src/shared/api'
import type { WebhookOwner } from '../../../src/shared/webhook-owner'
import { button, hasButton } from '../support/dom'
import { coreStatus } from '../support/fake-softphone'
import { mountApp, useAppFixture } from '../support/app-fixture'

const app = useAppFixture()

const FRONT_DESK = 'https://front.example/webhook'
const OTHER_DESK: WebhookOwner = {
  state: 'other-desk',
  url: FRONT_DESK,
  desk: { deskName: 'Front desk', pageIds: ['1001'], version: '1.4.0' },
  servesOtherPage: false,
  checkedAt: Date.now()
}
const FOREIGN: WebhookOwner = {
  state: 'foreign',
  url: 'https://api.example/hook',
  checkedAt: Date.now()
}
const THIS_DESK: WebhookOwner = {
  state: 'this-desk',
  url: 'https://desk.example/webhook',
  checkedAt: Date.now()
}
const TO_FRONT_DESK = `Calls for Bakery go to Front desk (${FRONT_DESK}).`
const TO_SERVER = 'Calls for Bakery go to https://api.example/hook, which is not this app.'

/** The Page "Bakery", Meta's yes just now, this desk's tunnel up, and `owner` at the callback. */
function statusWith(owner: WebhookOwner): CoreStatus {
  return {
    ...coreStatus(),
    publicUrl: 'https://desk.example',
    tunnel: { state: 'up', url: 'https://desk.example' },
    registration: {
      state: 'registered',
      callbackUrl: 'https://desk.example/webhook',
      at: Date.now(),
      handshakeConfirmed: true
    },
    pageHealth: { state: 'ok', checkedAt: Date.now(), pageName: 'Bakery' },
    webhookOwner: owner
  }
}

async function mountWith(owner: WebhookOwner): Promise<VueWrapper> {
  app.service.status = statusWith(owner)
  return mountApp()
}

const calls = (wrapper: VueWrapper) => wrapper.get('section.home')
const notice = (wrapper: VueWrapper) => wrapper.get('[role="note"][aria-label="Where calls ring"]')

async function openPageSetup(wrapper: VueWrapper) {
  await button(wrapper.get('nav'), 'Page setup').trigger('click')
  await flushPromises()
  return wrapper.get('section[aria-label="Page setup"]')
}

/** How many times `text` appears in `haystack`. */
const count = (haystack: string, text: string): number => haystack.split(text).length - 1

describe('where the Page’s calls go', () => {
  it('names the other desk in the Calls view, and does not wait for calls as if they rang here', async () => {
    const wrapper = await mountWith(OTHER_DESK)
    expect(calls(wrapper).text()).not.toContain('Waiting for calls')
    expect(count(calls(wrapper).text(), TO_FRONT_DESK)).toBe(1)
    expect(notice(wrapper).attributes('data-owner')).toBe('other-desk')
    expect(wrapper.get('.chip').text()).toBe('Calls cannot arrive')
    expect(wrapper.get('[aria-label="Connection to Facebook"]').text()).toContain(TO_FRONT_DESK)

    const setup = await openPageSetup(wrapper)
    expect(setup.get('[aria-label="Where calls ring"]').text()).toContain(TO_FRONT_DESK)
    expect(hasButton(setup, 'Ring on this desk instead')).toBe(true)

    await button(wrapper.get('nav'), 'Settings').trigger('click')
    await flushPromises()
    const page = wrapper.get('section[aria-label="Facebook Page"]')
    expect(page.get('[aria-label="Where calls ring"]').text()).toContain(TO_FRONT_DESK)
  })

  it('names a server that is not this app by its address, in both views', async () => {
    const wrapper = await mountWith(FOREIGN)
    expect(calls(wrapper).text()).not.toContain('Waiting for calls')
    expect(count(calls(wrapper).text(), TO_SERVER)).toBe(1)
    expect(hasButton(calls(wrapper), 'Ring on this desk instead')).toBe(true)

    const setup = await openPageSetup(wrapper)
    expect(setup.get('[aria-label="Where calls ring"]').text()).toContain(TO_SERVER)
  })

  it('says calls ring here only in Page setup, and quietly', async () => {
    const wrapper = await mountWith(THIS_DESK)
    expect(calls(wrapper).text()).toContain('Waiting for calls to your Facebook Page.')
    expect(wrapper.find('[aria-label="Where calls ring"]').exists()).toBe(false)

    const setup = await openPageSetup(wrapper)
    expect(setup.get('[aria-label="Where calls ring"]').text()).toBe(
      'Calls for Bakery ring on this desk.'
    )
    expect(hasButton(setup, 'Ring on this desk instead')).toBe(false)
  })

  it('says when it cannot tell, without hiding that calls may ring here', async () => {
    const wrapper = await mountWith({ state: 'unknown', reason: 'Meta could not be reached.' })
    expect(calls(wrapper).text()).toContain('Waiting for calls')
    expect(notice(wrapper).text()).toBe(
      "Can't tell where calls for Bakery go: Meta could not be reached."
    )
    expect(hasButton(calls(wrapper), 'Ring on this desk instead')).toBe(false)
  })

  it('says nothing while it has not looked', async () => {
    const wrapper = await mountWith({ state: 'checking' })
    expect(wrapper.find('[aria-label="Where calls ring"]').exists()).toBe(false)
    expect(calls(wrapper).text()).toContain('Waiting for calls')
  })
})

describe('Ring on this desk instead', () => {
  it('asks first, naming the desk that stops ringing, and takes nothing when left as it is', async () => {
    const wrapper = await mountWith(OTHER_DESK)
    await button(calls(wrapper), 'Ring on this desk instead').trigger('click')
    expect(app.service.requests('takeOverWebhook')).toEqual([])
    const question = calls(wrapper).get('[role="group"][aria-label="Ring on this desk instead?"]')
    expect(question.text()).toContain(
      'Calls for Bakery will ring here, and Front desk stops ringing for them.'
    )

    await button(question, 'Leave it as it is').trigger('click')
    expect(app.service.requests('takeOverWebhook')).toEqual([])
    expect(calls(wrapper).find('[role="group"]').exists()).toBe(false)
    expect(hasButton(calls(wrapper), 'Ring on this desk instead')).toBe(true)
  })

  it('takes the calls once confirmed, and shows that they ring here now', async () => {
    app.service.respond('takeOverWebhook', () => ({ owner: THIS_DESK }))
    const wrapper = await mountWith(OTHER_DESK)
    await button(calls(wrapper), 'Ring on this desk instead').trigger('click')
    await button(calls(wrapper), 'Ring here').trigger('click')
    await flushPromises()

    expect(app.service.requests('takeOverWebhook')).toEqual([{}])
    expect(calls(wrapper).get('[role="status"]').text()).toBe('Calls for Bakery ring on this desk.')
    expect(calls(wrapper).text()).toContain('Waiting for calls')
    expect(calls(wrapper).text()).not.toContain(TO_FRONT_DESK)
    expect(wrapper.get('.chip').text()).toBe('Page connected')
    expect(hasButton(calls(wrapper), 'Ring on this desk instead')).toBe(false)
  })

  it('warns that a server stops receiving the calls', async () => {
    const wrapper = await mountWith(FOREIGN)
    await button(calls(wrapper), 'Ring on this desk instead').trigger('click')
    expect(calls(wrapper).get('[role="group"]').text()).toContain(
      'Calls for Bakery will ring here, and https://api.example/hook stops receiving them.'
    )
  })

  it('shows the core’s refusal as its sentence, until the owner changes', async () => {
    const refusal =
      'Front desk also rings for another Page of this app, so its calls would stop: not taken over.'
    app.service.fail('takeOverWebhook', new ServiceError('conflict', refusal))
    const wrapper = await mountWith(OTHER_DESK)
    await button(calls(wrapper), 'Ring on this desk instead').trigger('click')
    await button(calls(wrapper), 'Ring here').trigger('click')
    await flushPromises()

    expect(app.service.requests('takeOverWebhook')).toEqual([{}])
    expect(notice(wrapper).get('[role="alert"]').text()).toBe(refusal)
    expect(notice(wrapper).text()).toContain(TO_FRONT_DESK)
    expect(calls(wrapper).find('[role="group"]').exists()).toBe(false)

    // Another owner now: the refusal was about the old one.
    app.service.emit('status', statusWith(FOREIGN))
    await flushPromises()
    expect(notice(wrapper).text()).toContain(TO_SERVER)
    expect(notice(wrapper).find('[role="alert"]').exists()).toBe(false)
  })

  it('is not offered when the other desk serves another Page of the app, and says why', async () => {
    const wrapper = await mountWith({ ...OTHER_DESK, servesOtherPage: true })
    expect(hasButton(calls(wrapper), 'Ring on this desk instead')).toBe(false)
    expect(notice(wrapper).text()).toContain(TO_FRONT_DESK)
    expect(notice(wrapper).text()).toContain(
      'Front desk also takes the calls of another Page of this app. One app has one callback URL'
    )
    const setup = await openPageSetup(wrapper)
    expect(hasButton(setup, 'Ring on this desk instead')).toBe(false)
  })

  it('offers to take the calls back after another desk took them', async () => {
    const wrapper = await mountWith({ ...OTHER_DESK, tookItFromUs: true })
    expect(notice(wrapper).text()).toContain(
      `Front desk (${FRONT_DESK}) took the calls for Bakery: they no longer ring here.`
    )
    expect(hasButton(calls(wrapper), 'Ring on this desk instead')).toBe(true)
  })
})

describe('Join it as a seat', () => {
  const HINT =
    'To join Front desk, ask its owner for an invitation: on that desk, Settings > Desks > Add a desk.'

  it('opens the join form from the Calls view, saying where the invitation comes from', async () => {
    const wrapper = await mountWith({ ...OTHER_DESK, tookItFromUs: true })
    await button(calls(wrapper), 'Join it as a seat').trigger('click')
    await flushPromises()

    const form = wrapper.get('section[aria-label="Join a desk"]')
    expect(form.get('[role="note"]').text()).toBe(HINT)
    expect(form.find('textarea').exists()).toBe(true)
    expect(app.service.requests('joinHub')).toEqual([])
  })

  it('is offered in Page setup too', async () => {
    const wrapper = await mountWith(OTHER_DESK)
    const setup = await openPageSetup(wrapper)
    await button(setup, 'Join it as a seat').trigger('click')
    await flushPromises()
    expect(wrapper.get('section[aria-label="Join a desk"] [role="note"]').text()).toBe(HINT)
  })

  it('is not offered for a server that is not this app, nor a desk of another Page', async () => {
    expect(hasButton(calls(await mountWith(FOREIGN)), 'Join it as a seat')).toBe(false)
    const otherPage = await mountWith({ ...OTHER_DESK, servesOtherPage: true })
    expect(hasButton(calls(otherPage), 'Join it as a seat')).toBe(false)
  })
})
