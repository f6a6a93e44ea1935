/**
 * The Desks section of the owner's Settings against the fake service: the hub's desks with their
 * state in words, the empty state's one next step, "Add a desk" with its code (copy, countdown,
 * expiry and a new code), "Remove" asked in place, the service's refusals as its sentences, and
 * no section (nor any error) for a seat.
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import type { DeskSummary } from '../../../src/shared/desks'
import DesksSettings from '../../../src/renderer/src/components/settings/DesksSettings.vue'
import InlineConfirm from '../../../src/renderer/src/components/settings/InlineConfirm.vue'
import { formatAgo } from '../../../src/renderer/src/composables/format'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import SettingsView from '../../../src/renderer/src/views/SettingsView.vue'
import { button, hasButton } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'

const NOW = Date.UTC(2026, 11, 6, 15, 0, 0)
const HOUR = 3_600_000
const FRONT: DeskSummary = {
  name: 'Front desk',
  online: true,
  answeredToday: 3,
  pairedAt: NOW - 9 * HOUR
}
const BACK: DeskSummary = {
  name: 'Back office',
  online: false,
  lastSeenAt: NOW - 2 * HOUR,
  answeredToday: 1,
  pairedAt: NOW - 30 * HOUR
}

let service: FakeSoftphone
const writeText = vi.fn<(text: string) => Promise<void>>()

enableAutoUnmount(afterEach)

beforeEach(() => {
  // Only the clocks the section reads: flushPromises still needs real timeouts.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW })
  service = new FakeSoftphone()
  useSoftphoneBridge(service.bridge)
  writeText.mockReset().mockResolvedValue(undefined)
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
})

afterEach(() => {
  vi.useRealTimers()
})

async function mountDesks(): Promise<VueWrapper> {
  const wrapper = mount(DesksSettings, {
    global: { plugins: [createPinia()] },
    attachTo: document.body
  })
  await flushPromises()
  return wrapper
}

const section = (wrapper: VueWrapper) => wrapper.get('section[aria-label="Desks"]')
const rows = (wrapper: VueWrapper) => wrapper.findAll('li.desk').map((row) => row.text())
const codeField = (wrapper: VueWrapper) =>
  wrapper.get<HTMLInputElement>('#desk-invitation-code').element

async function addDesk(wrapper: VueWrapper, name: string): Promise<void> {
  await wrapper.get('#desk-new-name').setValue(name)
  await wrapper.get('form[aria-label="Add a desk"]').trigger('submit')
  await flushPromises()
}

async function tick(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms)
  await flushPromises()
}

describe('the Desks section', () => {
  it('lists each desk with its state in words, when it was last seen and its calls today', async () => {
    service.desks = [FRONT, BACK]
    const wrapper = await mountDesks()
    expect(rows(wrapper)).toEqual([
      expect.stringMatching(/Front desk\s*Online\s*Connected now · 3 calls answered today/),
      expect.stringMatching(/Back office\s*Offline\s*Last seen 2 hours ago · 1 call answered today/)
    ])
    expect(wrapper.get('li[data-online="true"]').text()).toContain('Front desk')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('follows the core: a desk that joins or goes offline shows at once', async () => {
    service.desks = [FRONT]
    const wrapper = await mountDesks()
    service.emit('desks', {
      desks: [{ ...FRONT, online: false, lastSeenAt: NOW - 5 * 60_000 }, BACK]
    })
    await flushPromises()
    expect(rows(wrapper)[0]).toContain('Offline')
    expect(rows(wrapper)[0]).toContain('Last seen 5 minutes ago')
    expect(rows(wrapper)[1]).toContain('Back office')
  })

  it('says there are no desks yet, with the one next step', async () => {
    const wrapper = await mountDesks()
    expect(section(wrapper).text()).toContain(
      "No other desks yet. Add a desk to let another computer ring and answer your Page's calls."
    )
    expect(wrapper.find('ul').exists()).toBe(false)
    expect(hasButton(section(wrapper), 'Add a desk')).toBe(true)
  })

  it('adds a desk: the code read-only, the hub address, how to use it and a countdown', async () => {
    const wrapper = await mountDesks()
    await addDesk(wrapper, '  Front desk ')
    expect(service.requests('addDesk')).toEqual([{ name: 'Front desk' }])
    expect(codeField(wrapper).value).toBe('https://hub.example/#msp1.code-for-Front desk')
    expect(codeField(wrapper).readOnly).toBe(true)
    expect(document.activeElement).toBe(codeField(wrapper))
    const invitation = wrapper.get('[role="group"][aria-label="Code for Front desk"]')
    expect(invitation.text()).toContain('Hub address: https://hub.example')
    expect(invitation.text()).toContain(
      'On the other computer, choose “Join a desk that is already connected” on its first screen, then paste this code.'
    )
    const expiry = () => wrapper.get('[data-testid="desk-code-expiry"]').text()
    expect(expiry()).toBe('Expires in 10:00. It works once.')
    await tick(61_000)
    expect(expiry()).toBe('Expires in 8:59. It works once.')
  })

  it('copies the code and says so', async () => {
    const wrapper = await mountDesks()
    await addDesk(wrapper, 'Front desk')
    await button(wrapper, 'Copy').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('https://hub.example/#msp1.code-for-Front desk')
    expect(wrapper.get('[role="status"]').text()).toBe('Copied')
  })

  it('says when copying fails and leaves the code selected to copy by hand', async () => {
    writeText.mockRejectedValue(new Error('denied'))
    const wrapper = await mountDesks()
    await addDesk(wrapper, 'Front desk')
    await button(wrapper, 'Copy').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain('Could not copy')
    expect(wrapper.text()).not.toContain('Copied')
  })

  it('says when the code has expired, and makes a new one for the same desk', async () => {
    const wrapper = await mountDesks()
    await addDesk(wrapper, 'Front desk')
    await tick(600_000)
    expect(wrapper.find('#desk-invitation-code').exists()).toBe(false)
    expect(wrapper.text()).toContain('This code has expired. Make a new one to add Front desk.')
    service.respond('addDesk', (request) => ({
      name: request.name,
      code: 'msp1.second-code',
      expiresAt: Date.now() + 600_000
    }))
    await button(wrapper, 'Make a new code').trigger('click')
    await flushPromises()
    expect(service.requests('addDesk')).toEqual([{ name: 'Front desk' }, { name: 'Front desk' }])
    expect(codeField(wrapper).value).toBe('msp1.second-code')
    expect(wrapper.text()).toContain('Hub address: none yet')
  })

  it('says when the desk has joined, and Done returns to the name field', async () => {
    const wrapper = await mountDesks()
    await addDesk(wrapper, 'Front desk')
    service.emit('desks', { desks: [FRONT] })
    await flushPromises()
    expect(wrapper.text()).toContain('Front desk has joined.')
    await button(wrapper, 'Done').trigger('click')
    await flushPromises()
    expect(wrapper.find('#desk-invitation-code').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.get('#desk-new-name').element)
  })

  it('asks for a name before asking the service', async () => {
    const wrapper = await mountDesks()
    await addDesk(wrapper, '   ')
    expect(service.requests('addDesk')).toEqual([])
    expect(wrapper.get('[role="alert"]').text()).toBe('Give the new desk a name.')
  })

  it("shows the service's refusal as its sentence, under the name", async () => {
    service.fail(
      'addDesk',
      new ServiceError('conflict', 'There is already a desk named Front desk.')
    )
    const wrapper = await mountDesks()
    await addDesk(wrapper, 'Front desk')
    expect(wrapper.get('[role="alert"]').text()).toBe('There is already a desk named Front desk.')
    expect(wrapper.find('#desk-invitation-code').exists()).toBe(false)
  })

  it('removes a desk only after asking in place', async () => {
    service.desks = [FRONT, BACK]
    const wrapper = await mountDesks()
    await button(wrapper, 'Remove Back office').trigger('click')
    const confirm = wrapper.get('[role="group"][aria-label="Remove Back office?"]')
    expect(confirm.text()).toContain('It stops ringing at once and cannot connect again')
    expect(document.activeElement?.textContent?.trim()).toBe('Keep it')
    expect(service.requests('removeDesk')).toEqual([])
    // The app's one in-place question, as for the Page and the hub.
    expect(wrapper.findComponent(InlineConfirm).element).toBe(confirm.element)

    await button(confirm, 'Keep it').trigger('click')
    await flushPromises()
    expect(wrapper.find('[aria-label="Remove Back office?"]').exists()).toBe(false)
    expect(service.requests('removeDesk')).toEqual([])
    // The keyboard carries on from the button that asked.
    expect(document.activeElement).toBe(button(wrapper, 'Remove Back office').element)

    await button(wrapper, 'Remove Back office').trigger('click')
    await button(wrapper.get('[aria-label="Remove Back office?"]'), 'Remove Back office').trigger(
      'click'
    )
    await flushPromises()
    expect(service.requests('removeDesk')).toEqual([{ name: 'Back office' }])
    expect(rows(wrapper)).toEqual([expect.stringContaining('Front desk')])
    expect(wrapper.get('[role="status"]').text()).toBe(
      'Back office was removed. It cannot connect again.'
    )
    expect(document.activeElement).toBe(wrapper.get('#desk-new-name').element)
  })

  it("shows a refused removal as the service's sentence, on that desk", async () => {
    service.desks = [FRONT]
    service.fail('removeDesk', new ServiceError('not-found', 'There is no desk named Front desk.'))
    const wrapper = await mountDesks()
    await button(wrapper, 'Remove Front desk').trigger('click')
    await button(wrapper.get('[aria-label="Remove Front desk?"]'), 'Remove Front desk').trigger(
      'click'
    )
    await flushPromises()
    expect(wrapper.get('li.desk [role="alert"]').text()).toBe('There is no desk named Front desk.')
  })

  it('says why the list could not be read, and tries again when asked', async () => {
    service.fail('listDesks', new ServiceError('internal', 'The desks could not be read.'))
    const wrapper = await mountDesks()
    expect(section(wrapper).get('[role="alert"]').text()).toBe('The desks could not be read.')
    service.desks = [FRONT]
    service.respond('listDesks', () => ({ desks: service.desks }))
    await button(wrapper, 'Try again').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(rows(wrapper)).toEqual([expect.stringContaining('Front desk')])
  })

  it('shows no Desks section to a seat, and no error', async () => {
    service.fail('listDesks', new ServiceError('forbidden', 'Only the hub’s owner may do that.'))
    const wrapper = await mountDesks()
    expect(wrapper.find('section[aria-label="Desks"]').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
  })

  it('says in one sentence when this desk cannot have desks, without an error', async () => {
    service.fail(
      'listDesks',
      new ServiceError('not-configured', 'This desk cannot have other desks join it.')
    )
    const wrapper = await mountDesks()
    expect(section(wrapper).find('.settings-status').text()).toBe(
      'This desk cannot have other desks join it.'
    )
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.find('form').exists()).toBe(false)
  })
})

describe('Settings', () => {
  it('has the Desks section after the Page, its hours and its missed-call reply, for the hub’s owner', async () => {
    service.desks = [FRONT]
    const pinia = createPinia()
    setActivePinia(pinia)
    await useSettingsStore().load()
    const wrapper = mount(SettingsView, { global: { plugins: [pinia] } })
    await flushPromises()
    const groups = wrapper
      .findAll('section.settings-group')
      .map((group) => group.attributes('aria-label'))
    expect(groups.slice(groups.indexOf('Facebook Page'))).toEqual([
      'Facebook Page',
      'Business hours',
      'Reply to missed calls',
      'Desks'
    ])
    expect(rows(wrapper)).toEqual([expect.stringContaining('Front desk')])
  })
})

describe('desks on this network', () => {
  it('is off by default, says when to use it, and turns on for the whole hub', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    await useSettingsStore().load()
    const wrapper = mount(DesksSettings, { global: { plugins: [pinia] } })
    await flushPromises()
    const toggle = wrapper.get<HTMLInputElement>('[data-testid="desks-on-network"]')
    expect(toggle.element.checked).toBe(false)
    expect(toggle.element.closest('.settings-field')?.textContent).toContain(
      'Turn it on when the other desks are in the same office: they reach this computer on port 47802'
    )
    await toggle.setValue(true)
    await flushPromises()
    expect(service.requests('updateSettings')).toEqual([{ seats: { lan: { enabled: true } } }])
  })

  it('says where desks on the network find this hub, or why they cannot', async () => {
    service.settings = {
      ...service.settings,
      seats: { ...service.settings.seats, lan: { enabled: true, port: 47802 } }
    }
    const pinia = createPinia()
    setActivePinia(pinia)
    await useSettingsStore().load()
    const wrapper = mount(DesksSettings, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="desks-on-network-address"]').exists()).toBe(false)

    service.emit('desks', {
      desks: [],
      onNetwork: { state: 'open', address: '192.168.1.20:47802' }
    })
    await flushPromises()
    expect(wrapper.get('[data-testid="desks-on-network-address"]').text()).toBe(
      'They find it at 192.168.1.20:47802 (their invitations carry it).'
    )

    const sentence = 'Desks on this network cannot connect: port 47802 is taken by another program.'
    service.emit('desks', { desks: [], onNetwork: { state: 'failed', sentence } })
    await flushPromises()
    expect(wrapper.find('[data-testid="desks-on-network-address"]').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).toBe(sentence)
  })
})

describe('formatAgo', () => {
  it('says how long ago in the coarsest whole unit', () => {
    expect(formatAgo(NOW - 20_000, NOW)).toBe('just now')
    expect(formatAgo(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago')
    expect(formatAgo(NOW - 135 * 60_000, NOW)).toBe('2 hours ago')
    expect(formatAgo(NOW - 26 * HOUR, NOW)).toBe('yesterday')
    expect(formatAgo(NOW - 73 * HOUR, NOW)).toBe('3 days ago')
  })
})
