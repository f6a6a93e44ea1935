/**
 * Which desks ring, in Settings: "Ring on this desk" in Calls, and for the hub's owner, in Desks,
 * a "Rings" toggle per desk (`seats.silent`) and "Desks may call customers back"
 * (`seats.mayCallBack`). Each sends the patch it should, and shows the saved state.
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import { settingsSchema, type Settings } from '../../../src/shared/settings'
import CallSettings from '../../../src/renderer/src/components/settings/CallSettings.vue'
import DesksSettings from '../../../src/renderer/src/components/settings/DesksSettings.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { FakeSoftphone } from '../support/fake-softphone'

let service: FakeSoftphone
let pinia: Pinia

enableAutoUnmount(afterEach)

beforeEach(() => {
  service = new FakeSoftphone()
  service.desks = [
    { name: 'Front desk', online: true, answeredToday: 0, pairedAt: 0 },
    { name: 'Back office', online: false, answeredToday: 0, pairedAt: 0 }
  ]
  // The core answers with the settings as the patch leaves them (one level deep is enough here).
  service.respond('updateSettings', (patch) => {
    const p = patch as Partial<Settings>
    service.settings = settingsSchema.parse({
      ...service.settings,
      desk: { ...service.settings.desk, ...p.desk },
      seats: { ...service.settings.seats, ...p.seats }
    })
    return service.settings
  })
  useSoftphoneBridge(service.bridge)
  pinia = createPinia()
  setActivePinia(pinia)
})

async function mountLoaded(component: typeof CallSettings): Promise<VueWrapper> {
  await useSettingsStore().load()
  const wrapper = mount(component, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const patches = (): unknown[] => service.requests('updateSettings')
const box = (wrapper: VueWrapper, selector: string) =>
  wrapper.get<HTMLInputElement>(selector).element

describe('Ring on this desk', () => {
  it('is on by default and sends desk.ringHere when switched', async () => {
    const wrapper = await mountLoaded(CallSettings)
    expect(wrapper.text()).toContain('Ring on this desk')
    expect(box(wrapper, '[data-testid="ring-here"]').checked).toBe(true)
    await wrapper.get('[data-testid="ring-here"]').setValue(false)
    await flushPromises()
    expect(patches()).toEqual([{ desk: { ringHere: false } }])
    expect(useSettingsStore().settings?.desk.ringHere).toBe(false)
  })

  it('says so under the box when the change is refused', async () => {
    service.respond('updateSettings', () => {
      throw new ServiceError('forbidden', 'This desk cannot change that now.')
    })
    const wrapper = await mountLoaded(CallSettings)
    await wrapper.get('[data-testid="ring-here"]').setValue(false)
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('This desk cannot change that now.')
  })
})

describe('the owner’s ringing desks', () => {
  it('shows each desk ringing by default, and leaves one out with seats.silent', async () => {
    service.settings = settingsSchema.parse({ seats: { silent: ['Back office'] } })
    const wrapper = await mountLoaded(DesksSettings)
    const front = '[aria-label="Calls ring on Front desk"]'
    const back = '[aria-label="Calls ring on Back office"]'
    expect(box(wrapper, front).checked).toBe(true)
    expect(box(wrapper, back).checked).toBe(false)

    await wrapper.get(front).setValue(false)
    await flushPromises()
    expect(patches()).toEqual([{ seats: { silent: ['Back office', 'Front desk'] } }])
    await wrapper.get(back).setValue(true)
    await flushPromises()
    expect(patches().at(-1)).toEqual({ seats: { silent: ['Front desk'] } })
    expect(box(wrapper, front).checked).toBe(false)
    expect(box(wrapper, back).checked).toBe(true)
  })

  it('lets the owner allow desks to call customers back', async () => {
    const wrapper = await mountLoaded(DesksSettings)
    const toggle = '[data-testid="desks-may-call-back"]'
    expect(wrapper.text()).toContain('Desks may call customers back')
    expect(box(wrapper, toggle).checked).toBe(false)
    await wrapper.get(toggle).setValue(true)
    await flushPromises()
    expect(patches()).toEqual([{ seats: { mayCallBack: true } }])
    expect(box(wrapper, toggle).checked).toBe(true)
  })
})
