import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../src/shared/api'
import { CHECKING_PAGE, WEBHOOK_ELSEWHERE, summarizeConnection } from '../../src/shared/connection'
import { PAGE_HEALTH_MAX_AGE_MS } from '../../src/shared/page-health'

const NOW = 10_000_000

function status(partial: Partial<CoreStatus> = {}): CoreStatus {
  return {
    page: { configured: true, pageId: '1' },
    webhookUrl: 'http://127.0.0.1:47800/webhook',
    publicUrl: null,
    tunnel: { state: 'off' },
    registration: { state: 'not-needed', reason: 'no-public-url' },
    pageHealth: { state: 'ok', checkedAt: NOW - 1_000 },
    lastHandshakeAt: null,
    ...partial
  }
}

const managed = {
  publicUrl: 'https://desk.example',
  tunnel: { state: 'up', url: 'https://desk.example' }
} as const

describe('what the UIs say about the Page', () => {
  it('says nothing is connected without a Page', () => {
    expect(summarizeConnection(status({ page: { configured: false } }), NOW).state).toBe('no-page')
  })

  it('says connected only while Meta’s yes is less than five minutes old', () => {
    const fresh = status({
      pageHealth: { state: 'ok', checkedAt: NOW - PAGE_HEALTH_MAX_AGE_MS + 1 }
    })
    expect(summarizeConnection(fresh, NOW).state).toBe('connected')
    const stale = status({ pageHealth: { state: 'ok', checkedAt: NOW - PAGE_HEALTH_MAX_AGE_MS } })
    expect(summarizeConnection(stale, NOW)).toEqual({ state: 'checking', sentence: CHECKING_PAGE })
    // A core that never said (an older hub) is not taken at its word either.
    expect(summarizeConnection(status({ pageHealth: undefined }), NOW).state).toBe('checking')
  })

  it('says what is wrong when the check failed', () => {
    const failed = status({
      pageHealth: {
        state: 'failed',
        checkedAt: NOW,
        problem: 'unreachable',
        message: "Can't reach Facebook: check the internet connection."
      }
    })
    expect(summarizeConnection(failed, NOW)).toEqual({
      state: 'problem',
      sentence: "Can't reach Facebook: check the internet connection."
    })
  })

  it('needs the webhook registered where this app manages it', () => {
    const registering = status({
      ...managed,
      registration: {
        state: 'registering',
        callbackUrl: 'https://desk.example/webhook',
        attempt: 1
      }
    })
    expect(summarizeConnection(registering, NOW).state).toBe('checking')
    const failed = status({
      ...managed,
      registration: {
        state: 'failed',
        callbackUrl: 'https://desk.example/webhook',
        message: 'Facebook refused the webhook address.',
        retryInMs: null
      }
    })
    expect(summarizeConnection(failed, NOW)).toEqual({
      state: 'problem',
      sentence: 'Facebook refused the webhook address.'
    })
    const registered = status({
      ...managed,
      registration: {
        state: 'registered',
        callbackUrl: 'https://desk.example/webhook',
        at: NOW,
        handshakeConfirmed: true
      }
    })
    expect(summarizeConnection(registered, NOW)).toMatchObject({ state: 'connected' })
    expect(summarizeConnection(registered, NOW)).not.toHaveProperty('note')
    const reconnecting = status({
      tunnel: { state: 'reconnecting', attempt: 2, retryInMs: 4_000, lastError: 'dropped' }
    })
    expect(summarizeConnection(reconnecting, NOW)).toEqual({
      state: 'checking',
      sentence: 'Reconnecting in 4 s: dropped'
    })
  })

  it('says calls arrive only through a webhook set up elsewhere, until Meta’s check is seen', () => {
    expect(summarizeConnection(status(), NOW)).toMatchObject({
      state: 'connected',
      note: WEBHOOK_ELSEWHERE
    })
    const seen = summarizeConnection(status({ lastHandshakeAt: NOW - 60_000 }), NOW)
    expect(seen).toMatchObject({ state: 'connected' })
    expect(seen).not.toHaveProperty('note')
  })

  it('says who receives the calls when another desk or server owns the webhook', () => {
    const elsewhere = status({
      ...managed,
      pageHealth: { state: 'ok', checkedAt: NOW - 1_000, pageName: 'Bakery' },
      registration: { state: 'not-needed', reason: 'owned-elsewhere' },
      webhookOwner: {
        state: 'other-desk',
        url: 'https://front.example/webhook',
        desk: { deskName: 'Front desk', pageIds: ['1'], version: '0.1.0' },
        servesOtherPage: false,
        checkedAt: NOW
      }
    })
    expect(summarizeConnection(elsewhere, NOW)).toEqual({
      state: 'problem',
      sentence: 'Calls for Bakery go to Front desk (https://front.example/webhook).'
    })
    // An older core that says nothing about the owner still gets a sentence.
    const unnamed = status({ ...managed, registration: elsewhere.registration })
    expect(summarizeConnection(unnamed, NOW)).toEqual({
      state: 'problem',
      sentence: 'Webhook not registered: another desk or server receives this app’s calls'
    })
  })
})
