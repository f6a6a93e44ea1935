/**
 * The setup wizard's first choice and the join path (issue 13): a fresh desk chooses between
 * connecting a Page and joining a desk that has one; joining sends the pasted invitation, says it
 * is busy while pairing, shows the service's refusal beside the form and nothing else, and once
 * the core's status says this desk is a seat the same page shows the seat's view. A desk with a
 * Page is asked first, and only then is `forgetPage: true` sent.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import { historyRecord } from '../support/calls'
import { coreStatus } from '../support/fake-softphone'
import { button, hasButton } from '../support/dom'
import { mountApp, useAppFixture } from '../support/app-fixture'
import { seatStatus } from '../support/seat-status'

const app = useAppFixture()

const INVITATION = 'https://front.example#msp1.0123456789ab.secretsecretsecretsecre.fingerprint'
const CONNECT = 'Connect a Page (this desk becomes the hub)'
const JOIN = 'Join a desk that is already connected'
const FORGET =
  'This desk will forget its Page token and app secret and stop receiving the webhook; the hub receives the calls. Its call history stays here, read-only.'

const sections = (wrapper: VueWrapper) => wrapper.get('nav[aria-label="Sections"]')
const joinForm = (wrapper: VueWrapper) => wrapper.get('section[aria-label="Join a desk"]')

async function click(root: { element: Element }, name: string): Promise<void> {
  await button(root, name).trigger('click')
  await flushPromises()
}

/** A fresh desk (no Page): the welcome, then the wizard's choice, then "Join". */
async function openJoinForm(): Promise<VueWrapper> {
  app.service.status = coreStatus(false)
  app.service.respond('listHistory', () => [
    historyRecord({ caller: { psid: 'o', name: 'Own Caller' } })
  ])
  const wrapper = await mountApp()
  await click(wrapper, 'Set up this desk')
  await click(wrapper, JOIN)
  return wrapper
}

async function paste(wrapper: VueWrapper, text: string): Promise<void> {
  await joinForm(wrapper).get('textarea').setValue(text)
  await joinForm(wrapper).get('form').trigger('submit')
  await flushPromises()
}

describe('the setup wizard’s first choice', () => {
  it('offers connecting a Page or joining a desk, each with a line, and leads to the Page', async () => {
    app.service.status = coreStatus(false)
    const wrapper = await mountApp()
    await click(wrapper, 'Set up this desk')

    const choice = wrapper.get('[role="group"][aria-label="How this desk takes calls"]')
    const options = choice.findAll('button')
    expect(options.map((option) => option.attributes('aria-label'))).toEqual([CONNECT, JOIN])
    for (const option of options) {
      const line = wrapper.get(`#${option.attributes('aria-describedby')}`)
      expect(line.text().length).toBeGreaterThan(20)
    }

    await click(choice, CONNECT)
    expect(wrapper.get('section[aria-label="Page setup"] h2').text()).toBe(
      'Connect your Facebook Page'
    )
    await click(wrapper.get('section[aria-label="Page setup"]'), 'Back')
    expect(wrapper.find('[aria-label="How this desk takes calls"]').exists()).toBe(true)
  })

  it('goes straight to the Page of a desk that has one', async () => {
    const wrapper = await mountApp()
    await click(sections(wrapper), 'Page setup')
    expect(wrapper.find('[aria-label="How this desk takes calls"]').exists()).toBe(false)
    expect(wrapper.find('section[aria-label="Page setup"]').exists()).toBe(true)
  })
})

describe('joining a desk', () => {
  it('joins with the pasted invitation and shows the seat’s view once the status says so', async () => {
    const wrapper = await openJoinForm()
    expect(document.activeElement).toBe(joinForm(wrapper).get('textarea').element)
    expect(joinForm(wrapper).text()).toContain('Settings > Desks > Add a desk')
    let answer: (result: { hubName: string }) => void = () => undefined
    app.service.respond('joinHub', () => new Promise((resolve) => (answer = resolve)))

    // Copies often carry a line break: it is not part of the invitation.
    await paste(wrapper, `${INVITATION.slice(0, 30)}\n${INVITATION.slice(30)}`)
    expect(app.service.requests('joinHub')).toEqual([{ invitation: INVITATION, forgetPage: false }])
    expect(joinForm(wrapper).attributes('aria-busy')).toBe('true')
    expect(button(joinForm(wrapper), 'Joining…').element.disabled).toBe(true)
    expect(joinForm(wrapper).get('textarea').element.disabled).toBe(true)
    expect(wrapper.text()).not.toContain(FORGET)

    answer({ hubName: 'Front desk' })
    await flushPromises()
    expect(joinForm(wrapper).get('[role="status"]').text()).toBe(
      'Joined Front desk. Connecting to it…'
    )

    // From now on the history this desk lists is its hub's.
    app.service.respond('listHistory', () => [
      historyRecord({ caller: { psid: 'p', name: 'Hub Caller' } })
    ])
    app.service.emit('status', seatStatus())
    await flushPromises()
    expect(wrapper.find('section[aria-label="Join a desk"]').exists()).toBe(false)
    const recent = wrapper.get('section[aria-label="Recent calls"]').text()
    expect(recent).toContain('Hub Caller')
    expect(recent).not.toContain('Own Caller')
    expect(wrapper.get('[aria-label="Connection to the hub"]').text()).toBe(
      'Connected to Front desk · Page connected'
    )
    expect(wrapper.text()).toContain('Waiting for calls to the hub’s Facebook Page.')
    expect(hasButton(sections(wrapper), 'Page setup')).toBe(false)
  })

  it('shows the seat’s view when the new status comes before the answer', async () => {
    const wrapper = await openJoinForm()
    app.service.respond('joinHub', () => {
      app.service.emit('status', seatStatus({ state: 'connecting' }))
      return { hubName: 'Front desk' }
    })
    await paste(wrapper, INVITATION)

    expect(wrapper.get('[aria-label="Connection to the hub"]').text()).toBe(
      'Connecting to Front desk…'
    )
    expect(wrapper.find('section[aria-label="Welcome"]').exists()).toBe(false)
    expect(wrapper.find('section.home').exists()).toBe(true)
  })

  it('shows the service’s refusal beside the form, and nothing else changes', async () => {
    const refusal = 'This invitation was already used: ask the hub’s owner for a new one.'
    const wrapper = await openJoinForm()
    app.service.fail('joinHub', new ServiceError('invalid-request', refusal))
    await paste(wrapper, INVITATION)

    expect(joinForm(wrapper).get('[role="alert"]').text()).toBe(refusal)
    expect(joinForm(wrapper).get('textarea').element.value).toBe(INVITATION)
    expect(button(joinForm(wrapper), 'Join').element.disabled).toBe(false)
    expect(wrapper.find('[aria-label="Connection to the hub"]').exists()).toBe(false)
    expect(wrapper.get('.chip').text()).toBe('No Page connected')
  })

  it('says what is wrong with a paste that is not an invitation, and sends nothing', async () => {
    const wrapper = await openJoinForm()
    await paste(wrapper, 'https://front.example')
    expect(joinForm(wrapper).get('[role="alert"]').text()).toContain('#msp1.')
    await paste(wrapper, '   ')
    expect(joinForm(wrapper).get('[role="alert"]').text()).toBe('Paste the invitation first.')
    expect(app.service.requests('joinHub')).toEqual([])
  })

  it('asks a desk with a Page first, and only then sends forgetPage', async () => {
    const wrapper = await mountApp()
    await click(sections(wrapper), 'Page setup')
    await click(wrapper, 'Join a desk that is already connected instead')
    await paste(wrapper, INVITATION)

    const confirm = () =>
      wrapper.get('[role="group"][aria-label="Forget this desk’s Page and join?"]')
    expect(confirm().text()).toContain(FORGET)
    expect(document.activeElement).toBe(button(confirm(), 'Keep the Page').element)
    expect(app.service.requests('joinHub')).toEqual([])

    await click(confirm(), 'Keep the Page')
    expect(wrapper.find('[aria-label="Forget this desk’s Page and join?"]').exists()).toBe(false)
    expect(app.service.requests('joinHub')).toEqual([])

    await joinForm(wrapper).get('form').trigger('submit')
    await flushPromises()
    await click(confirm(), 'Forget the Page and join')
    expect(app.service.requests('joinHub')).toEqual([{ invitation: INVITATION, forgetPage: true }])
  })

  it('shows no trace of the forgotten Page in its setup once it joined and left', async () => {
    app.service.respond('getPageConnection', () => ({
      configured: true,
      pageId: '333444555666777',
      appId: '444555666777888',
      hasToken: true,
      hasAppSecret: true
    }))
    const wrapper = await mountApp()
    await click(sections(wrapper), 'Page setup')
    expect((wrapper.get('#setup-page-id').element as HTMLInputElement).value).toBe(
      '333444555666777'
    )

    // Joined (the Page forgotten at the core), then left: a fresh desk again.
    app.service.respond('getPageConnection', () => ({
      configured: false,
      hasToken: false,
      hasAppSecret: false
    }))
    app.service.emit('status', seatStatus())
    await flushPromises()
    app.service.emit('status', coreStatus(false))
    await flushPromises()
    await click(wrapper.get('section[aria-label="Welcome"]'), 'Set up this desk')
    await click(wrapper, CONNECT)
    expect((wrapper.get('#setup-page-id').element as HTMLInputElement).value).toBe('')
    expect((wrapper.get('#setup-app-id').element as HTMLInputElement).value).toBe('')
  })
})
