/**
 * Sentences main makes about the setup that reach a Spanish desk in Spanish: an http address's
 * warning on the connection line.
 */
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import ConnectionStatus from '../../../src/renderer/src/components/ConnectionStatus.vue'
import { testI18n } from '../support/renderer-setup'

beforeEach(() => {
  testI18n.global.locale.value = 'es'
})

describe('an http public address, on a Spanish desk', () => {
  it('is a problem said in Spanish on the connection line', () => {
    const status: CoreStatus = {
      page: { configured: true, pageId: '1' },
      webhookUrl: 'http://127.0.0.1:47800/webhook',
      publicUrl: 'http://desk.example',
      tunnel: {
        state: 'up',
        url: 'http://desk.example',
        warning: 'The public address http://desk.example is http…',
        warningWords: { key: 'tunnel.httpOwnUrl', params: { url: 'http://desk.example' } }
      },
      registration: { state: 'not-needed', reason: 'no-public-url' },
      pageHealth: { state: 'ok', checkedAt: Date.now() }
    }
    const wrapper = mount(ConnectionStatus, { props: { status } })
    expect(wrapper.get('[role="status"]').attributes('data-health')).toBe('problem')
    expect(wrapper.text()).toContain(
      'La dirección pública http://desk.example es http, pero Facebook solo llama a direcciones https'
    )
    expect(wrapper.text()).not.toContain('The public address')
  })
})
