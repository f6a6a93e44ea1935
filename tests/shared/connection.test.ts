import { englishWords } from '../../src/shared/words-english'
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../src/shared/api'
import {
  CHECKING_PAGE,
  WEBHOOK_ELSEWHERE,
  pageNameOf,
  summarizeConnection
} from '../../src/shared/connection'
import { PAGE_HEALTH_MAX_AGE_MS, type PageHealth } from '../../src/shared/page-health'
import type { WebhookOwner } from '../../src/shared/webhook-owner'
import type { HubLinkStatus } from '../../src/shared/hub-link'
import { REMOVED_SENTENCE } from '../../src/main/core/seat-link/seat-refusals'

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
    expect(summarizeConnection(stale, NOW)).toEqual({
      state: 'checking',
      sentence: CHECKING_PAGE,
      words: { key: 'status.checkingPage' }
    })
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
    // Its words say the same line, for each window's language.
    const line = summarizeConnection(registered, NOW)
    if (line.state !== 'connected' || !line.detailWords) throw new Error('no detail words')
    expect(englishWords(line.detailWords)).toBe(line.detail)
    const reconnecting = status({
      tunnel: { state: 'reconnecting', attempt: 2, retryInMs: 4_000, lastError: 'dropped' }
    })
    expect(summarizeConnection(reconnecting, NOW)).toEqual({
      state: 'checking',
      sentence: 'Reconnecting in 4 s: dropped',
      // The same line as words, for each window's language.
      words: { key: 'status.tunnelReconnecting', params: { seconds: 4, error: 'dropped' } }
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

  describe('when another desk or a server receives the webhook', () => {
    const registered = {
      ...managed,
      registration: {
        state: 'registered',
        callbackUrl: 'https://desk.example/webhook',
        at: NOW,
        handshakeConfirmed: true
      }
    } as const
    const named = { state: 'ok', checkedAt: NOW - 1_000, pageName: 'Bakery' } as const
    const otherDesk: WebhookOwner = {
      state: 'other-desk',
      url: 'https://front.example/webhook',
      desk: { deskName: 'Front desk', pageIds: ['1'], version: '1.4.0' },
      servesOtherPage: false,
      checkedAt: NOW
    }

    it('says calls go to the other desk, not that they ring here', () => {
      const summary = summarizeConnection(
        status({ ...registered, pageHealth: named, webhookOwner: otherDesk }),
        NOW
      )
      expect(summary).toEqual({
        state: 'problem',
        sentence: 'Calls for Bakery go to Front desk (https://front.example/webhook).'
      })
    })

    it('names a server that is not this app by its URL, and "your Page" without a name', () => {
      const summary = summarizeConnection(
        status({
          ...registered,
          webhookOwner: { state: 'foreign', url: 'https://api.example/hook', checkedAt: NOW }
        }),
        NOW
      )
      expect(summary).toEqual({
        state: 'problem',
        sentence: 'Calls for your Page go to https://api.example/hook, which is not this app.'
      })
    })

    it('says who took the calls, even while the Page is being checked again', () => {
      const stale: PageHealth = {
        state: 'ok',
        checkedAt: NOW - PAGE_HEALTH_MAX_AGE_MS,
        pageName: 'Bakery'
      }
      const summary = summarizeConnection(
        status({ pageHealth: stale, webhookOwner: { ...otherDesk, tookItFromUs: true } }),
        NOW
      )
      expect(summary).toEqual({
        state: 'problem',
        sentence:
          'Front desk (https://front.example/webhook) took the calls for Bakery: they no longer ring here.'
      })
    })

    it('still puts a rejected token first', () => {
      const failed = status({
        pageHealth: {
          state: 'failed',
          checkedAt: NOW,
          problem: 'token',
          message: 'Token rejected.'
        },
        webhookOwner: otherDesk
      })
      expect(summarizeConnection(failed, NOW)).toEqual({
        state: 'problem',
        sentence: 'Token rejected.'
      })
    })

    it('changes nothing when this desk owns it, none does, or nobody could tell', () => {
      const base = status({ ...registered, pageHealth: named })
      const expected = summarizeConnection(base, NOW)
      expect(expected.state).toBe('connected')
      for (const webhookOwner of [
        { state: 'this-desk', url: 'https://desk.example/webhook', checkedAt: NOW },
        { state: 'none' },
        { state: 'checking' },
        { state: 'unknown', reason: 'Meta could not be reached.' }
      ] as const) {
        expect(summarizeConnection({ ...base, webhookOwner }, NOW)).toEqual(expected)
      }
    })
  })

  it('calls the Page by the name Meta gave, else "your Page"', () => {
    expect(
      pageNameOf(status({ pageHealth: { state: 'ok', checkedAt: NOW, pageName: 'Bakery' } }))
    ).toBe('Bakery')
    expect(pageNameOf(status({ pageHealth: { state: 'ok', checkedAt: NOW, pageName: '' } }))).toBe(
      'your Page'
    )
    expect(pageNameOf(status({ pageHealth: { state: 'checking' } }))).toBe('your Page')
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

describe('what a seat says about its hub', () => {
  const hub = (link: HubLinkStatus, queuedHangUps: string[] = []): Partial<CoreStatus> => ({
    hub: { name: 'Front desk', link, queuedHangUps, pastHistory: false },
    // A seat has no webhook or tunnel: none of the hub's wording may show.
    webhookUrl: null,
    registration: { state: 'not-needed', reason: 'not-configured' }
  })

  it('names the hub and the Page it reports while the link is online', () => {
    expect(summarizeConnection(status(hub({ state: 'online' })), NOW)).toEqual({
      state: 'connected',
      detail: 'Connected to Front desk · Page connected'
    })
  })

  it('is not "Page connected" while online if the hub’s Page is not', () => {
    const checking = status({ ...hub({ state: 'online' }), pageHealth: undefined })
    expect(summarizeConnection(checking, NOW)).toEqual({
      state: 'checking',
      sentence: `Connected to Front desk · ${CHECKING_PAGE}`
    })
    const noPage = status({ ...hub({ state: 'online' }), page: { configured: false } })
    expect(summarizeConnection(noPage, NOW)).toMatchObject({
      state: 'problem',
      sentence: 'Connected to Front desk · The hub has no Facebook Page connected yet.',
      chip: 'No Page connected'
    })
  })

  it('says it is connecting to the hub, not checking the Page', () => {
    expect(summarizeConnection(status(hub({ state: 'connecting' })), NOW)).toEqual({
      state: 'checking',
      sentence: 'Connecting to Front desk…',
      chip: 'Connecting to hub'
    })
  })

  it('says the hub is offline, even with the hub’s last "Page connected" still fresh', () => {
    const offline = status(hub({ state: 'offline', reason: 'the hub’s address does not answer.' }))
    expect(summarizeConnection(offline, NOW)).toEqual({
      state: 'problem',
      sentence:
        'Hub offline: the hub’s address does not answer. Calls cannot be answered here until it is back.',
      chip: 'Hub offline'
    })
  })

  it('says a hang up waits for the hub', () => {
    const one = status(hub({ state: 'offline', reason: 'no answer' }, ['c_1']))
    const summary = summarizeConnection(one, NOW)
    expect(summary.state === 'problem' && summary.sentence).toBe(
      'Hub offline: no answer. Calls cannot be answered here until it is back. Your hang up will reach Meta when the hub is back.'
    )
    const two = status(hub({ state: 'offline', reason: 'no answer' }, ['c_1', 'c_2']))
    expect(summarizeConnection(two, NOW)).toMatchObject({
      sentence: expect.stringContaining('Your 2 hang ups will reach Meta when the hub is back.')
    })
  })

  it('says the hub’s refusal, such as this desk being removed', () => {
    const sentence = 'This desk was removed from the hub: pair it again with a new code.'
    expect(summarizeConnection(status(hub({ state: 'refused', sentence })), NOW)).toEqual({
      state: 'problem',
      sentence,
      chip: 'Not connected to hub'
    })
    const bare = status(hub({ state: 'refused', sentence: REMOVED_SENTENCE }))
    expect(summarizeConnection(bare, NOW)).toMatchObject({ sentence: `${REMOVED_SENTENCE}.` })
  })
})
