import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import ConnectionStatus from '../../../src/renderer/src/components/ConnectionStatus.vue'

function status(partial: Partial<CoreStatus>): CoreStatus {
  return {
    page: { configured: true, pageId: '1' },
    webhookUrl: 'http://127.0.0.1:47800/webhook',
    publicUrl: null,
    tunnel: { state: 'off' },
    registration: { state: 'not-needed', reason: 'no-public-url' },
    pageHealth: { state: 'ok', checkedAt: Date.now() },
    ...partial
  }
}

const UP_AND_REGISTERED = {
  tunnel: { state: 'up', url: 'https://desk.example' },
  registration: {
    state: 'registered',
    callbackUrl: 'https://desk.example/webhook',
    at: 1,
    handshakeConfirmed: true
  }
} satisfies Partial<CoreStatus>

describe('ConnectionStatus', () => {
  it('says the app is reachable and registered when both are true', () => {
    const wrapper = mount(ConnectionStatus, {
      props: {
        status: status({
          ...UP_AND_REGISTERED
        })
      }
    })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('ok')
    expect(wrapper.text()).toContain('Reachable at https://desk.example')
    expect(wrapper.text()).toContain('Webhook registered with Facebook')
  })

  it('shows a tunnel on an http address as a problem, with the warning in words', () => {
    const warning =
      'The tunnel gave an http address (http://desk.example), but Facebook only calls https addresses: calls cannot arrive.'
    const wrapper = mount(ConnectionStatus, {
      props: {
        status: status({
          tunnel: { state: 'up', url: 'http://desk.example', warning },
          registration: {
            state: 'registered',
            callbackUrl: 'http://desk.example/webhook',
            at: 1,
            handshakeConfirmed: true
          }
        })
      }
    })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('problem')
    expect(wrapper.text()).toContain(warning)
    expect(wrapper.text()).not.toContain('Reachable at')
  })

  it('shows a reconnecting tunnel as work in progress, with its countdown', () => {
    const wrapper = mount(ConnectionStatus, {
      props: {
        status: status({
          tunnel: { state: 'reconnecting', attempt: 2, retryInMs: 4_000, lastError: 'dropped' }
        })
      }
    })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('busy')
    expect(wrapper.text()).toContain('Reconnecting in 4 s: dropped')
  })

  it('shows a failed registration as a problem, in the owner’s words', () => {
    const wrapper = mount(ConnectionStatus, {
      props: {
        status: status({
          tunnel: { state: 'up', url: 'https://desk.example' },
          registration: {
            state: 'failed',
            callbackUrl: 'https://desk.example/webhook',
            message: 'Facebook refused the webhook address.',
            retryInMs: null
          }
        })
      }
    })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('problem')
    expect(wrapper.text()).toContain('Facebook refused the webhook address.')
  })

  it('says Meta’s word on the Page first, and offers Page setup for a problem', async () => {
    const wrapper = mount(ConnectionStatus, {
      props: {
        status: status({
          tunnel: { state: 'up', url: 'https://desk.example' },
          pageHealth: {
            state: 'failed',
            checkedAt: Date.now(),
            problem: 'token',
            message: 'Page token rejected: reconnect the Page in Page setup.'
          }
        })
      }
    })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('problem')
    expect(wrapper.text()).toContain('Page token rejected: reconnect the Page in Page setup.')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('setup')).toHaveLength(1)
  })

  it('is not healthy while the Page has not been checked', () => {
    const wrapper = mount(ConnectionStatus, {
      props: {
        status: status({
          ...UP_AND_REGISTERED,
          pageHealth: { state: 'checking' }
        })
      }
    })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('busy')
    expect(wrapper.text()).toBe('Checking the Page with Facebook…')
  })
})
