/** The presentational components: the incoming-call toast and the recent calls list. */
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import IncomingCallToast from '../../../src/renderer/src/components/IncomingCallToast.vue'
import RecentCalls from '../../../src/renderer/src/components/RecentCalls.vue'
import { connected, historyRecord, ringing } from '../support/calls'
import { button, hasButton } from '../support/dom'

const NOW = Date.UTC(2026, 3, 1, 10, 0)

describe('IncomingCallToast', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] })
  })
  afterEach(() => vi.useRealTimers())

  it('names the caller, or says "Messenger caller" (never the PSID) until the profile arrives', async () => {
    const call = ringing('c_1', { caller: { psid: '24680' }, startedAt: NOW })
    const wrapper = mount(IncomingCallToast, { props: { call } })

    expect(wrapper.get('h2').text()).toBe('Messenger caller')
    expect(wrapper.get('[role="alertdialog"]').attributes('aria-label')).toBe(
      'Incoming call from Messenger caller'
    )
    expect(wrapper.text()).not.toContain('24680')

    await wrapper.setProps({ call: { ...call, caller: { psid: '24680', name: 'Grace Hopper' } } })
    expect(wrapper.get('h2').text()).toBe('Grace Hopper')
    expect(wrapper.get('[role="alertdialog"]').attributes('aria-label')).toBe(
      'Incoming call from Grace Hopper'
    )
    expect(wrapper.get('[data-avatar="initials"]').text()).toBe('GH')
  })

  it("shows the test caller's own face on a test call", () => {
    const call = ringing('c_t', {
      caller: { psid: 'test-caller', name: 'Test caller' },
      test: true
    })
    const wrapper = mount(IncomingCallToast, { props: { call } })
    expect(wrapper.get('[data-avatar="initials"]').text()).toBe('TC')
  })

  it('counts down to the ring deadline, in words and as a bar, without announcing each tick', async () => {
    const call = ringing('c_1', { startedAt: NOW, ringDeadline: NOW + 30_000 })
    const wrapper = mount(IncomingCallToast, { props: { call } })
    const bar = () => (wrapper.get('.toast__time-left span').element as HTMLElement).style.width
    // One short line under the name, so the toast window (360 x 132) shows it whole.
    expect(wrapper.findAll('.toast__line > p').map((p) => p.text())).toEqual([
      'Messenger call',
      'Answer within 30 s'
    ])
    expect(wrapper.get('.toast__countdown').attributes('aria-live')).toBe('off')
    expect(wrapper.get('.toast__time-left').attributes('aria-hidden')).toBe('true')
    expect(bar()).toBe('100%')

    await vi.advanceTimersByTimeAsync(15_000)
    expect(wrapper.get('.toast__countdown').text()).toBe('Answer within 15 s')
    expect(bar()).toBe('50%')

    await vi.advanceTimersByTimeAsync(10_100)
    expect(wrapper.get('.toast__countdown').text()).toBe('Answer within 5 s')

    await vi.advanceTimersByTimeAsync(60_000)
    expect(wrapper.get('.toast__countdown').text()).toBe('Answer within 0 s')
    expect(bar()).toBe('0%')
  })

  it('emits the call id from Answer and Decline', async () => {
    const wrapper = mount(IncomingCallToast, { props: { call: ringing('c_42') } })

    await button(wrapper, 'Answer').trigger('click')
    await button(wrapper, 'Decline').trigger('click')

    expect(wrapper.emitted('answer')).toEqual([['c_42']])
    expect(wrapper.emitted('decline')).toEqual([['c_42']])
    expect(button(wrapper, 'Answer').attributes('aria-keyshortcuts')).toBe('Enter')
    expect(button(wrapper, 'Decline').attributes('aria-keyshortcuts')).toBe('Escape')
  })

  it('shows the problem sentence as an alert', () => {
    const problem = 'The microphone is blocked. Allow it, then answer again.'
    const wrapper = mount(IncomingCallToast, { props: { call: ringing('c_1'), problem } })
    expect(wrapper.get('[role="alert"]').text()).toBe(problem)

    const quiet = mount(IncomingCallToast, { props: { call: ringing('c_1') } })
    expect(quiet.find('[role="alert"]').exists()).toBe(false)
  })

  it('disables both buttons and says Answering… while busy', async () => {
    const wrapper = mount(IncomingCallToast, { props: { call: ringing('c_1'), busy: true } })

    expect(hasButton(wrapper, 'Answer')).toBe(false)
    const answering = button(wrapper, 'Answering…')
    expect(answering.element.disabled).toBe(true)
    expect(button(wrapper, 'Decline').element.disabled).toBe(true)
    await answering.trigger('click')
    expect(wrapper.emitted('answer')).toBeUndefined()
  })

  it('drops the buttons and countdown once the call is not ringing', () => {
    const wrapper = mount(IncomingCallToast, {
      props: { call: connected(ringing('c_1'), 'desk-2'), elsewhere: true }
    })
    expect(wrapper.text()).toContain('Answered elsewhere')
    expect(wrapper.findAll('button')).toHaveLength(0)
    expect(wrapper.find('.toast__countdown').exists()).toBe(false)
  })

  it('says which desk answered, when the hub names it', () => {
    const wrapper = mount(IncomingCallToast, {
      props: {
        call: { ...connected(ringing('c_1'), 'seat-1'), answeredByDesk: 'Front desk' },
        elsewhere: true
      }
    })
    expect(wrapper.text()).toContain('Answered by Front desk')
  })
})

describe('RecentCalls', () => {
  it('says so when there are no calls', () => {
    const wrapper = mount(RecentCalls, { props: { records: [] } })
    expect(wrapper.text()).toContain('No calls yet.')
    expect(wrapper.findAll('li')).toHaveLength(0)
  })

  it('labels each outcome and shows the talk time of answered calls', () => {
    const records = [
      historyRecord({ callId: 'h1', outcome: 'completed', durationSeconds: 125 }),
      historyRecord({
        callId: 'h2',
        outcome: 'missed',
        reason: 'ring-timeout',
        caller: { psid: '13579' }
      }),
      historyRecord({ callId: 'h3', outcome: 'declined', reason: 'declined' }),
      historyRecord({ callId: 'h4', outcome: 'failed', reason: 'meta-failed' }),
      historyRecord({ callId: 'h5', outcome: 'completed', durationSeconds: 3_725 })
    ]
    const wrapper = mount(RecentCalls, { props: { records } })
    const items = wrapper.findAll('li')

    expect(items.map((item) => item.get('.recent__outcome').text())).toEqual([
      'Answered',
      'Missed',
      'Declined',
      'Failed',
      'Answered'
    ])
    expect(items.map((item) => item.attributes('data-outcome'))).toEqual([
      'completed',
      'missed',
      'declined',
      'failed',
      'completed'
    ])
    // A caller with no name is never shown by their PSID.
    expect(items[1]?.get('.recent__caller').text()).toBe('Messenger caller')
    expect(wrapper.text()).not.toContain('13579')
    expect(items[0]?.get('.recent__caller').text()).toBe('Ada Lovelace')
    expect(items[0]?.get('.recent__meta').text()).toMatch(/·\s*2:05$/)
    expect(items[4]?.get('.recent__meta').text()).toMatch(/·\s*1:02:05$/)
    // No talk time for calls nobody talked on.
    expect(items[1]?.get('.recent__meta').text()).not.toContain('·')
    expect(items[1]?.classes()).not.toContain('recent__outcome--missed')
    expect(items[1]?.get('.recent__outcome').classes()).toContain('recent__outcome--missed')
  })
})
