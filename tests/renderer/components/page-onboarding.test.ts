/**
 * Connecting the Page (the wizard's "Connect a Page" path) against the fake softphone: what the owner types goes to saveCredentials
 * (the secrets are never filled back in), the checklist shows each check with its sentence and
 * fix button, a refusal shows the core's sentence, and the last step waits for a real call, not
 * a test-line one.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import type { SetupCheck, SetupReport } from '../../../src/shared/onboarding'
import PageOnboarding from '../../../src/renderer/src/components/setup/PageOnboarding.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { ringing } from '../support/calls'
import { button } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'
import { installFakeMedia, type FakeMedia } from '../support/fake-webrtc'

let media: FakeMedia
let service: FakeSoftphone

enableAutoUnmount(afterEach)

beforeEach(() => {
  media = installFakeMedia()
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  setActivePinia(createPinia())
})

afterEach(() => {
  media.uninstall()
})

const passed = (id: SetupCheck['id'], title: string): SetupCheck => ({
  id,
  title,
  state: 'passed',
  detail: `${title} is fine.`
})

function report(checks: SetupCheck[]): SetupReport {
  return { checks, checkedAt: 0, ready: checks.every((item) => item.state !== 'failed') }
}

const BROKEN = report([
  passed('app', 'App id and app secret'),
  {
    id: 'page-subscription',
    title: 'Page sends calls to the app',
    state: 'failed',
    detail: 'The Page is not subscribed to this app.',
    fix: { action: 'subscribe-page', label: 'Subscribe the Page' }
  },
  {
    id: 'token-expiry',
    title: 'Token lifetime',
    state: 'warning',
    detail: 'The token expires in 2 days.'
  },
  {
    id: 'app-mode',
    title: 'App mode (Development or Live)',
    state: 'unknown',
    detail: "Meta's API does not tell whether an app is Live."
  },
  { id: 'audio', title: 'Voice calls turned on', state: 'skipped', detail: 'Skipped until later.' }
])
const GOOD = report([
  passed('app', 'App id and app secret'),
  passed('page-subscription', 'Page sends calls to the app')
])

async function mountView() {
  await useCallStore().init()
  const wrapper = mount(PageOnboarding, { props: { configured: false }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

async function fill(
  wrapper: Awaited<ReturnType<typeof mountView>>,
  values: Record<string, string>
) {
  for (const [id, value] of Object.entries(values)) await wrapper.get(`#${id}`).setValue(value)
}

describe('PageOnboarding', () => {
  it('saves what is typed, then shows every check with its state, sentence and fix', async () => {
    service.respond('runSetupChecks', () => BROKEN)
    service.respond('fixSetup', () => GOOD)
    const wrapper = await mountView()
    expect(wrapper.find('[aria-label="Setup checks"]').exists()).toBe(false)

    await fill(wrapper, {
      'setup-page-id': '106378625516323',
      'setup-app-id': '987654321012345',
      'setup-token': 'EAAToken',
      'setup-secret': 'secret123'
    })
    await button(wrapper, 'Save and check').trigger('click')
    await flushPromises()

    expect(service.requests('saveCredentials')).toEqual([
      {
        pageId: '106378625516323',
        appId: '987654321012345',
        pageAccessToken: 'EAAToken',
        appSecret: 'secret123'
      }
    ])
    expect(service.commandNames().slice(-2)).toEqual(['saveCredentials', 'runSetupChecks'])
    const items = wrapper.findAll('[aria-label="Setup checks"] li')
    expect(items.map((item) => item.attributes('data-state'))).toEqual([
      'passed',
      'failed',
      'warning',
      'unknown',
      'skipped'
    ])
    // Can't tell is said neutrally, not as a warning.
    expect(items[3]!.get('[role="img"]').attributes('aria-label')).toBe("Can't tell")
    expect(items[1]!.text()).toContain('The Page is not subscribed to this app.')
    expect(items[1]!.get('[role="img"]').attributes('aria-label')).toBe('Failed')
    expect(wrapper.text()).toContain('Some steps need you')
    expect(wrapper.text()).not.toContain('Place a test call from your phone')

    await button(wrapper, 'Subscribe the Page').trigger('click')
    await flushPromises()
    expect(service.requests('fixSetup')).toEqual([{ action: 'subscribe-page' }])
    expect(wrapper.findAll('[data-state="failed"]')).toHaveLength(0)
    expect(wrapper.text()).toContain('Everything is ready')
  })

  it('shows the sentence of a refused save and checks nothing', async () => {
    service.fail(
      'saveCredentials',
      new ServiceError('invalid-request', 'The Page id is a number, like 106378625516323.')
    )
    const wrapper = await mountView()
    await fill(wrapper, { 'setup-page-id': 'my page' })
    await button(wrapper, 'Save and check').trigger('click')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toBe(
      'The Page id is a number, like 106378625516323.'
    )
    expect(service.requests('runSetupChecks')).toEqual([])
  })

  it('fills in the ids of a connected Page, never the secrets, and checks it at once', async () => {
    service.respond('getPageConnection', () => ({
      configured: true,
      pageId: '106378625516323',
      appId: '987654321012345',
      hasToken: true,
      hasAppSecret: true
    }))
    service.respond('runSetupChecks', () => BROKEN)
    const wrapper = await mountView()

    expect((wrapper.get('#setup-page-id').element as HTMLInputElement).value).toBe(
      '106378625516323'
    )
    const token = wrapper.get('#setup-token').element as HTMLInputElement
    expect(token.value).toBe('')
    expect(token.type).toBe('password')
    expect(token.placeholder).toBe('Saved. Leave empty to keep it.')
    expect(service.requests('runSetupChecks')).toHaveLength(1)
    expect(wrapper.findAll('[aria-label="Setup checks"] li')).toHaveLength(5)

    await button(wrapper, 'Show the page access token').trigger('click')
    expect(token.type).toBe('text')
    // The app's own settings page, once its id is known; every link leaves the app.
    const links = wrapper.findAll('a')
    expect(links.map((link) => link.attributes('href'))).toContain(
      'https://developers.facebook.com/apps/987654321012345/settings/basic/'
    )
    for (const link of links) {
      expect(link.attributes('href')).toMatch(/^https:\/\//)
      expect(link.attributes('target')).toBe('_blank')
      expect(link.attributes('rel')).toContain('noopener')
    }
  })

  it('ends with the phone test, and only a real call proves it works', async () => {
    service.respond('runSetupChecks', () => GOOD)
    service.respond('getPageConnection', () => ({
      configured: true,
      pageId: '1',
      appId: '2',
      hasToken: true,
      hasAppSecret: true
    }))
    service.calls = [ringing('c_before', { caller: { psid: '7', name: 'Earlier Caller' } })]
    const wrapper = await mountView()
    const step = () => wrapper.get('section[aria-label="Test call from your phone"]')
    expect(step().text()).toContain('Place a test call from your phone')
    expect(step().text()).toContain('Waiting for the call')

    service.emit(
      'callUpdated',
      ringing('c_test', { test: true, caller: { psid: '8', name: 'Test caller' } })
    )
    await flushPromises()
    expect(step().text()).toContain('Waiting for the call')

    service.emit('callUpdated', ringing('c_real', { caller: { psid: '9' } }))
    await flushPromises()
    expect(step().text()).toContain('It works: a call from Messenger caller just rang.')
    service.emit('callUpdated', ringing('c_real', { caller: { psid: '9', name: 'Ada Lovelace' } }))
    await flushPromises()
    expect(step().text()).toContain('It works: a call from Ada Lovelace just rang.')
  })
})
