/**
 * What every UI says about the Page's line, in one place: "Page connected" only when Meta accepted
 * the token less than five minutes ago and, where this app manages the webhook, Meta has it; else
 * one sentence that says what is wrong. Pure: the caller passes its clock, so a check that goes
 * stale while no new status arrives stops counting all the same.
 */
import type { CoreStatus } from './api'
import type { SeatHubStatus } from './hub-link'
import { words, type Words } from './words'
import { pageHealthFresh } from './page-health'
import { describeRegistration, describeTunnel, registrationWords, tunnelWords } from './tunnel'
import { describeWebhookOwner, describeWebhookOwnerOf, type WebhookOwner } from './webhook-owner'

export type ConnectionSummary =
  /** No Page and app are set up. */
  | { state: 'no-page' }
  /** Calls can ring here. `note`: what the app cannot see for itself (a webhook set up elsewhere). */
  | {
      state: 'connected'
      detail: string
      note?: string | undefined
      /** The detail and note as words, for each window to say in its own language. */
      detailWords?: Words | undefined
      noteWords?: Words | undefined
    }
  /** Being checked or set up; nothing to do but wait. `chip`: the header's word, if not the Page's. */
  | { state: 'checking'; sentence: string; words?: Words | undefined; chip?: string }
  /**
   * Calls cannot ring here until the owner acts; the sentence says what is wrong (`words`: the
   * same, when it is a state's own sentence, for each window to say in its own language).
   */
  | { state: 'problem'; sentence: string; words?: Words | undefined; chip?: string }

export const CHECKING_PAGE = 'Checking the Page with Facebook…'
export const WEBHOOK_ELSEWHERE =
  'Calls arrive only if the webhook is set up elsewhere; Meta’s check has not reached this app yet.'

/** The Page's name as Meta gave it with its last yes; "your Page" while only its id is known. */
export function pageNameOf(status: CoreStatus): string {
  const health = status.pageHealth
  return (health?.state === 'ok' && health.pageName) || 'your Page'
}

export type WebhookElsewhere = Extract<WebhookOwner, { state: 'other-desk' | 'foreign' }>

/** Another desk or a server receives the app's webhook: the Page's calls do not ring here. */
export function webhookElsewhere(owner: WebhookOwner | undefined): owner is WebhookElsewhere {
  return owner?.state === 'other-desk' || owner?.state === 'foreign'
}

/** Whether this app gives the webhook its address (tunnel or own URL) and registers it. */
export function managesWebhook(status: CoreStatus): boolean {
  return status.publicUrl !== null || status.tunnel.state !== 'off'
}

function webhookSummary(status: CoreStatus): ConnectionSummary {
  const { tunnel, registration } = status
  if (!managesWebhook(status)) {
    return status.lastHandshakeAt == null
      ? {
          state: 'connected',
          detail: 'No tunnel or public address here',
          detailWords: words('status.noAddressHere'),
          note: WEBHOOK_ELSEWHERE,
          noteWords: words('status.webhookElsewhere')
        }
      : {
          state: 'connected',
          detail: 'Meta’s webhook check reached this app',
          detailWords: words('status.handshakeSeen')
        }
  }
  if (tunnel.state === 'error')
    return { state: 'problem', sentence: tunnel.message, words: tunnel.words }
  // An http address: Meta refuses to deliver to it, so calls cannot arrive whatever else holds.
  if (tunnel.state === 'up' && tunnel.warning)
    return { state: 'problem', sentence: tunnel.warning, words: tunnel.warningWords }
  if (registration.state === 'failed')
    return { state: 'problem', sentence: registration.message, words: registration.words }
  // Another desk or server receives the calls: nothing rings here until the owner chooses.
  if (registration.state === 'not-needed' && registration.reason === 'owned-elsewhere') {
    const sentence = describeWebhookOwnerOf(status) ?? describeRegistration(registration)
    return { state: 'problem', sentence }
  }
  if (registration.state === 'registered') {
    const detail = `${describeTunnel(tunnel)} · ${describeRegistration(registration)}`
    const lines = [tunnelWords(tunnel), registrationWords(registration)] as const
    const detailWords =
      lines[0] && lines[1]
        ? words('status.twoLines', { first: lines[0], second: lines[1] })
        : undefined
    return registration.handshakeConfirmed
      ? { state: 'connected', detail, detailWords }
      : {
          state: 'connected',
          detail,
          detailWords,
          note: 'If calls do not ring, open Page setup.',
          noteWords: words('status.ifNoRing')
        }
  }
  // Connecting or reconnecting on its own: calls cannot arrive yet, and the app is on it.
  if (tunnel.state !== 'up')
    return { state: 'checking', sentence: describeTunnel(tunnel), words: tunnelWords(tunnel) }
  return {
    state: 'checking',
    sentence: describeRegistration(registration),
    words: registrationWords(registration)
  }
}

/** What a seat hangs up while its hub is away waits; the person should know it is not lost. */
export function queuedHangUpsSentence(count: number): string | undefined {
  if (count === 0) return undefined
  return count === 1
    ? 'Your hang up will reach Meta when the hub is back.'
    : `Your ${count} hang ups will reach Meta when the hub is back.`
}

/**
 * What a seat says while its link to the hub is not up; undefined while it is (then the hub's
 * Page speaks). Shared with the tray, whose tooltip must not say "Ready for calls" either.
 */
export function hubLinkProblem(
  hub: SeatHubStatus
): Extract<ConnectionSummary, { state: 'checking' | 'problem' }> | undefined {
  const { link, name } = hub
  switch (link.state) {
    case 'connecting':
      return { state: 'checking', sentence: `Connecting to ${name}…`, chip: 'Connecting to hub' }
    case 'offline': {
      const reason = link.reason.replace(/\.$/, '')
      const queued = queuedHangUpsSentence(hub.queuedHangUps.length)
      const sentence = `Hub offline: ${reason}. Calls cannot be answered here until it is back.`
      return {
        state: 'problem',
        sentence: queued ? `${sentence} ${queued}` : sentence,
        chip: 'Hub offline'
      }
    }
    case 'refused': {
      // The refusal is also the seat's exit message ("Cannot start: <sentence>."): no stop of its own.
      const sentence = /[.!?…]$/.test(link.sentence) ? link.sentence : `${link.sentence}.`
      return { state: 'problem', sentence, chip: 'Not connected to hub' }
    }
    case 'online':
      return undefined
  }
}

/**
 * A seat has no webhook or tunnel of its own: its line is its link to the hub, then the Page as
 * the hub last reported it, which counts only while the link is up (an old yes proves nothing).
 */
function seatSummary(hub: SeatHubStatus, status: CoreStatus, now: number): ConnectionSummary {
  const linkProblem = hubLinkProblem(hub)
  if (linkProblem) return linkProblem
  const connected = `Connected to ${hub.name}`
  if (!status.page.configured) {
    const sentence = `${connected} · The hub has no Facebook Page connected yet.`
    return { state: 'problem', sentence, chip: 'No Page connected' }
  }
  const health = status.pageHealth ?? { state: 'checking' }
  if (health.state === 'failed') {
    return { state: 'problem', sentence: `${connected} · ${health.message}` }
  }
  if (!pageHealthFresh(health, now)) {
    return { state: 'checking', sentence: `${connected} · ${CHECKING_PAGE}` }
  }
  return { state: 'connected', detail: `${connected} · Page connected` }
}

export function summarizeConnection(status: CoreStatus, now: number): ConnectionSummary {
  if (status.hub) return seatSummary(status.hub, status, now)
  if (!status.page.configured) return { state: 'no-page' }
  const health = status.pageHealth ?? { state: 'checking' }
  if (health.state === 'failed')
    return { state: 'problem', sentence: health.message, words: health.words }
  // Meta delivers to another desk or a server: whatever holds here, nothing rings here.
  const owner = status.webhookOwner
  if (webhookElsewhere(owner)) {
    const sentence = describeWebhookOwner(owner, pageNameOf(status))
    if (sentence) return { state: 'problem', sentence }
  }
  if (!pageHealthFresh(health, now))
    return { state: 'checking', sentence: CHECKING_PAGE, words: words('status.checkingPage') }
  return webhookSummary(status)
}
