import { englishLine, englishWords } from '../../src/shared/words-english'
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../src/shared/api'
import {
  lineOf,
  pageNameOf,
  summarizeConnection,
  type ConnectionSummary
} from '../../src/shared/connection'
import { PAGE_HEALTH_MAX_AGE_MS, type PageHealth } from '../../src/shared/page-health'
import type { WebhookOwner } from '../../src/shared/webhook-owner'
import type { HubLinkStatus } from '../../src/shared/hub-link'
import { REMOVED_SENTENCE } from '../../src/main/core/seat-link/seat-refusals'

const NOW = 10_000_000
const CHECKING_PAGE = 'Checking the Page with Facebook…'
const WEBHOOK_ELSEWHERE =
  'Calls arrive only if the webhook is set up elsewhere; Meta’s check has not reached this app yet.'

/** The summary as main says it in English: its words from the catalogue, else its sentence. */
function inEnglish(summary: ConnectionSummary): Record<string, unknown> {
  switch (summary.state) {
    case 'no-page':
      return summary
    case 'connected': {
      const { detail, note } = summary
      const said = { state: summary.state, detail: englishWords(detail) }
      return note ? { ...said, note: englishWords(note) } : said
    }
    default: {
      const said = { state: summary.state, sentence: englishLine(lineOf(summary)) }
      return summary.chip ? { ...said, chip: englishWords(summary.chip) } : said
    }
  }
}

const summarize = (core: CoreStatus, now: number) => inEnglish(summarizeConnection(core, now))

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
    expect(summarize(status({ page: { configured: false } }), NOW).state).toBe('no-page')
  })

  it('says connected only while Meta’s yes is less than five minutes old', () => {
    const fresh = status({
      pageHealth: { state: 'ok', checkedAt: NOW - PAGE_HEALTH_MAX_AGE_MS + 1 }
    })
    expect(summarize(fresh, NOW).state).toBe('connected')
    const stale = status({ pageHealth: { state: 'ok', checkedAt: NOW - PAGE_HEALTH_MAX_AGE_MS } })
    expect(summarize(stale, NOW)).toEqual({
      state: 'checking',
      sentence: CHECKING_PAGE
    })
    // As words, for each window to say in its own language.
    expect(summarizeConnection(stale, NOW)).toEqual({
      state: 'checking',
      words: { key: 'status.checkingPage' }
    })
    // A core that never said (an older hub) is not taken at its word either.
    expect(summarize(status({ pageHealth: undefined }), NOW).state).toBe('checking')
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
    expect(summarize(failed, NOW)).toEqual({
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
    expect(summarize(registering, NOW).state).toBe('checking')
    const failed = status({
      ...managed,
      registration: {
        state: 'failed',
        callbackUrl: 'https://desk.example/webhook',
        message: 'Facebook refused the webhook address.',
        retryInMs: null
      }
    })
    expect(summarize(failed, NOW)).toEqual({
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
    expect(summarize(registered, NOW)).toMatchObject({ state: 'connected' })
    expect(summarize(registered, NOW)).not.toHaveProperty('note')
    expect(summarize(registered, NOW)).toMatchObject({
      detail: 'Reachable at https://desk.example · Webhook registered with Facebook'
    })
    const reconnecting = status({
      tunnel: { state: 'reconnecting', attempt: 2, retryInMs: 4_000, lastError: 'dropped' }
    })
    expect(summarize(reconnecting, NOW)).toEqual({
      state: 'checking',
      sentence: 'Reconnecting in 4 s: dropped'
    })
    // The line as words, for each window's language.
    expect(summarizeConnection(reconnecting, NOW)).toEqual({
      state: 'checking',
      words: { key: 'status.tunnelReconnecting', params: { seconds: 4, error: 'dropped' } }
    })
  })

  it('says calls arrive only through a webhook set up elsewhere, until Meta’s check is seen', () => {
    expect(summarize(status(), NOW)).toMatchObject({
      state: 'connected',
      note: WEBHOOK_ELSEWHERE
    })
    const seen = summarize(status({ lastHandshakeAt: NOW - 60_000 }), NOW)
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
      const summary = summarize(
        status({ ...registered, pageHealth: named, webhookOwner: otherDesk }),
        NOW
      )
      expect(summary).toEqual({
        state: 'problem',
        sentence: 'Calls for Bakery go to Front desk (https://front.example/webhook).'
      })
    })

    it('names a server that is not this app by its URL, and "your Page" without a name', () => {
      const summary = summarize(
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
      const summary = summarize(
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
      expect(summarize(failed, NOW)).toEqual({
        state: 'problem',
        sentence: 'Token rejected.'
      })
    })

    it('changes nothing when this desk owns it, none does, or nobody could tell', () => {
      const base = status({ ...registered, pageHealth: named })
      const expected = summarize(base, NOW)
      expect(expected.state).toBe('connected')
      for (const webhookOwner of [
        { state: 'this-desk', url: 'https://desk.example/webhook', checkedAt: NOW },
        { state: 'none' },
        { state: 'checking' },
        { state: 'unknown', reason: 'Meta could not be reached.' }
      ] as const) {
        expect(summarize({ ...base, webhookOwner }, NOW)).toEqual(expected)
      }
    })
  })

  it('calls the Page by the name Meta gave, else "your Page"', () => {
    expect(
      pageNameOf(status({ pageHealth: { state: 'ok', checkedAt: NOW, pageName: 'Bakery' } }))
    ).toBe('Bakery')
    const yourPage = { key: 'owner.yourPage' }
    expect(
      pageNameOf(status({ pageHealth: { state: 'ok', checkedAt: NOW, pageName: '' } }))
    ).toEqual(yourPage)
    expect(pageNameOf(status({ pageHealth: { state: 'checking' } }))).toEqual(yourPage)
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
    expect(summarize(elsewhere, NOW)).toEqual({
      state: 'problem',
      sentence: 'Calls for Bakery go to Front desk (https://front.example/webhook).'
    })
    // An older core that says nothing about the owner still gets a sentence.
    const unnamed = status({ ...managed, registration: elsewhere.registration })
    expect(summarize(unnamed, NOW)).toEqual({
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
    expect(summarize(status(hub({ state: 'online' })), NOW)).toEqual({
      state: 'connected',
      detail: 'Connected to Front desk · Page connected'
    })
  })

  it('is not "Page connected" while online if the hub’s Page is not', () => {
    const checking = status({ ...hub({ state: 'online' }), pageHealth: undefined })
    expect(summarize(checking, NOW)).toEqual({
      state: 'checking',
      sentence: `Connected to Front desk · ${CHECKING_PAGE}`
    })
    const noPage = status({ ...hub({ state: 'online' }), page: { configured: false } })
    expect(summarize(noPage, NOW)).toMatchObject({
      state: 'problem',
      sentence: 'Connected to Front desk · The hub has no Facebook Page connected yet.',
      chip: 'No Page connected'
    })
  })

  it('says the hub’s Page failed in the hub’s words, its English beside them', () => {
    const pageHealth: PageHealth = {
      state: 'failed',
      checkedAt: NOW,
      problem: 'token',
      message: 'Page token rejected: reconnect the Page in Page setup.',
      words: { key: 'pageHealth.tokenRejected' }
    }
    const failed = summarizeConnection(status({ ...hub({ state: 'online' }), pageHealth }), NOW)
    expect(failed).toEqual({
      state: 'problem',
      sentence: pageHealth.message,
      words: {
        key: 'hubLine.connected',
        params: { hub: 'Front desk', line: { key: 'pageHealth.tokenRejected' } }
      }
    })
    expect(inEnglish(failed)).toMatchObject({
      sentence: 'Connected to Front desk · Page token rejected: reconnect the Page in Page setup.'
    })
  })

  it('says it is connecting to the hub, not checking the Page', () => {
    expect(summarize(status(hub({ state: 'connecting' })), NOW)).toEqual({
      state: 'checking',
      sentence: 'Connecting to Front desk…',
      chip: 'Connecting to hub'
    })
  })

  it('says the hub is offline, even with the hub’s last "Page connected" still fresh', () => {
    const offline = status(hub({ state: 'offline', reason: 'the hub’s address does not answer.' }))
    expect(summarize(offline, NOW)).toEqual({
      state: 'problem',
      sentence:
        'Hub offline: the hub’s address does not answer. Calls cannot be answered here until it is back.',
      chip: 'Hub offline'
    })
  })

  it('says a hang up waits for the hub', () => {
    const one = status(hub({ state: 'offline', reason: 'no answer' }, ['c_1']))
    const summary = summarize(one, NOW)
    expect(summary.state === 'problem' && summary.sentence).toBe(
      'Hub offline: no answer. Calls cannot be answered here until it is back. Your hang up will reach Meta when the hub is back.'
    )
    const two = status(hub({ state: 'offline', reason: 'no answer' }, ['c_1', 'c_2']))
    expect(summarize(two, NOW)).toMatchObject({
      sentence: expect.stringContaining('Your 2 hang ups will reach Meta when the hub is back.')
    })
  })

  it('says the hub’s refusal, such as this desk being removed', () => {
    const sentence = 'This desk was removed from the hub: pair it again with a new code.'
    expect(summarize(status(hub({ state: 'refused', sentence })), NOW)).toEqual({
      state: 'problem',
      sentence,
      chip: 'Not connected to hub'
    })
    const bare = status(hub({ state: 'refused', sentence: REMOVED_SENTENCE }))
    expect(summarize(bare, NOW)).toMatchObject({ sentence: `${REMOVED_SENTENCE}.` })
  })
})
