import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { answering, ringing } from '../support/calls'
import { mountApp, useAppFixture } from '../support/app-fixture'

const app = useAppFixture()

describe('the incoming call announcement', () => {
  it('is an assertive live region in the window before any call, then says who calls', async () => {
    const wrapper = await mountApp()
    const region = wrapper.get('[data-testid="call-announcer"]')
    // Present and empty first: a reader only announces changes to a region it already knows.
    expect(region.attributes('aria-live')).toBe('assertive')
    expect(region.text()).toBe('')

    app.service.emit(
      'callUpdated',
      ringing('c_1', { caller: { psid: 'p1', name: 'Ada Lovelace' } })
    )
    await flushPromises()
    expect(region.text()).toBe('Incoming call from Ada Lovelace')
  })

  it('names a caller without a name as a Messenger caller, and falls silent once answered', async () => {
    const call = ringing('c_2', { caller: { psid: 'p2' } })
    app.service.calls = [call]
    const wrapper = await mountApp()
    const region = wrapper.get('[data-testid="call-announcer"]')
    expect(region.text()).toBe('Incoming call from Messenger caller')

    app.service.emit('callUpdated', answering(call, 'this-desk'))
    await flushPromises()
    expect(region.text()).toBe('')
  })
})
