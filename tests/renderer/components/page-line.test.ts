/**
 * The header chip, the status pill and the Calls view say "Page connected" / "Waiting for calls"
 * only on Meta's fresh word; otherwise they say what is wrong and lead to Page setup.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PAGE_HEALTH_MAX_AGE_MS } from '../../../src/shared/page-health'
import { coreStatus } from '../support/fake-softphone'
import { mountApp, useAppFixture } from '../support/app-fixture'

const app = useAppFixture()

afterEach(() => {
  vi.useRealTimers()
})

/** "Page connected" as its own words, not inside "No Page connected". */
const claimsConnected = (text: string): boolean => /(^|[^o]\s)Page connected/.test(text)

const UNREACHABLE = "Can't reach Facebook: this computer is offline; check the internet connection."

describe('the Page line', () => {
  it('says what is wrong, nowhere "Page connected", when Facebook cannot be reached', async () => {
    app.service.status = {
      ...coreStatus(),
      pageHealth: {
        state: 'failed',
        checkedAt: Date.now(),
        problem: 'unreachable',
        message: UNREACHABLE
      }
    }
    const wrapper = await mountApp()

    expect(claimsConnected(wrapper.text())).toBe(false)
    expect(wrapper.text()).not.toContain('Waiting for calls')
    expect(wrapper.get('.chip').text()).toBe('Calls cannot arrive')
    const pill = wrapper.get('[aria-label="Connection to Facebook"]')
    expect(pill.attributes('data-health')).toBe('problem')
    expect(pill.text()).toContain(UNREACHABLE)
    expect(wrapper.get('section.home [role="alert"]').text()).toBe(UNREACHABLE)

    await pill.get('button').trigger('click')
    expect(wrapper.find('section[aria-label="Page setup"]').exists()).toBe(true)
  })

  it('leads from the Calls view to Page setup when the token is rejected', async () => {
    app.service.status = {
      ...coreStatus(),
      pageHealth: {
        state: 'failed',
        checkedAt: Date.now(),
        problem: 'token',
        message: 'Page token rejected: reconnect the Page in Page setup.'
      }
    }
    const wrapper = await mountApp()
    const home = wrapper.get('section.home')
    expect(home.text()).toContain('Page token rejected: reconnect the Page in Page setup.')
    const setup = home.findAll('button').find((button) => button.text() === 'Page setup')
    await setup?.trigger('click')
    expect(wrapper.find('section[aria-label="Page setup"]').exists()).toBe(true)
  })

  it('stops saying "Page connected" when Meta’s yes gets old, even if no new status arrives', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const wrapper = await mountApp()
    expect(wrapper.get('.chip').text()).toBe('Page connected')
    expect(wrapper.text()).toContain('Waiting for calls to your Facebook Page.')

    vi.advanceTimersByTime(PAGE_HEALTH_MAX_AGE_MS + 5_000)
    await flushPromises()
    expect(claimsConnected(wrapper.text())).toBe(false)
    expect(wrapper.get('.chip').text()).toBe('Checking the Page')
    expect(wrapper.text()).not.toContain('Waiting for calls')
    expect(wrapper.text()).toContain('Checking the Page with Facebook')
  })

  it('does not claim the Page before Meta answered', async () => {
    app.service.status = { ...coreStatus(), pageHealth: { state: 'checking' } }
    const wrapper = await mountApp()
    expect(claimsConnected(wrapper.text())).toBe(false)
    expect(wrapper.get('.chip').text()).toBe('Checking the Page')
  })

  it('needs the webhook registered where the app manages it', async () => {
    app.service.status = {
      ...coreStatus(),
      publicUrl: 'https://desk.example',
      tunnel: { state: 'up', url: 'https://desk.example' },
      registration: {
        state: 'registering',
        callbackUrl: 'https://desk.example/webhook',
        attempt: 1
      }
    }
    const wrapper = await mountApp()
    expect(claimsConnected(wrapper.text())).toBe(false)
    expect(wrapper.text()).toContain('Registering the webhook with Facebook')
  })

  it('says calls arrive only via a webhook set up elsewhere, until Meta’s check is seen', async () => {
    const wrapper = await mountApp()
    expect(wrapper.get('.chip').text()).toBe('Page connected')
    expect(wrapper.get('section.home').text()).toContain(
      'Calls arrive only if the webhook is set up elsewhere'
    )
    app.service.emit('status', { ...coreStatus(), lastHandshakeAt: Date.now() })
    await flushPromises()
    expect(wrapper.get('section.home').text()).not.toContain('set up elsewhere')
  })
})
