/**
 * What every UI says about the Page's line, in one place: "Page connected" only when Meta accepted
 * the token less than five minutes ago and, where this app manages the webhook, Meta has it; else
 * one sentence that says what is wrong. Pure: the caller passes its clock, so a check that goes
 * stale while no new status arrives stops counting all the same. Its lines are words of the
 * `errors` catalogue (shared/words.ts), so each window says them in its own language and main in
 * the shell's or in English; no English is kept here.
 */
import type { CoreStatus } from './api'
import { offlineReason, type SeatHubStatus } from './hub-link'
import { words, type WordParam, type Words } from './words'
import { pageHealthFresh } from './page-health'
import { registrationLine, tunnelLine } from './tunnel'
import { webhookOwnerWords, webhookOwnerWordsOf, type WebhookOwner } from './webhook-owner'

/**
 * What a line says: its words (each window says them in its own language, main in English or the
 * shell's language), or a sentence made elsewhere without words, said as it was made.
 */
export type Saying =
  { sentence: string; words?: Words | undefined } | { sentence?: undefined; words: Words }

export type ConnectionSummary =
  /** No Page and app are set up. */
  | { state: 'no-page' }
  /** Calls can ring here. `note`: what the app cannot see for itself (a webhook set up elsewhere). */
  | { state: 'connected'; detail: Words; note?: Words | undefined }
  /** Being checked or set up; nothing to do but wait. `chip`: the header's word, if not the Page's. */
  | ({ state: 'checking'; chip?: Words } & Saying)
  /** Calls cannot ring here until the owner acts; the line says what is wrong. */
  | ({ state: 'problem'; chip?: Words } & Saying)

/** A saying as one line: its words, else its sentence (for main's englishLine or translateLine). */
export function lineOf(said: Saying): Words | string {
  return said.words ?? said.sentence ?? ''
}

/**
 * A saying as a window's `describe` takes it: the words, falling back to the sentence beside them
 * (a hub's newer words this build does not know).
 */
export function describable(said: Saying): { message: string; words?: Words | undefined } {
  return { message: said.sentence ?? '', words: said.words }
}

/** A line that is words or a sentence made elsewhere, as a summary holds it. */
export function saying(line: Words | string): Saying {
  return typeof line === 'string' ? { sentence: line } : { words: line }
}

/** The Page's name as Meta gave it with its last yes; "your Page" while only its id is known. */
export function pageNameOf(status: CoreStatus): WordParam {
  const health = status.pageHealth
  return (health?.state === 'ok' && health.pageName) || words('owner.yourPage')
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
          detail: words('status.noAddressHere'),
          note: words('status.webhookElsewhere')
        }
      : { state: 'connected', detail: words('status.handshakeSeen') }
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
    const line = webhookOwnerWordsOf(status) ?? registrationLine(registration)
    return { state: 'problem', ...saying(line) }
  }
  if (registration.state === 'registered') {
    const first = tunnelLine(tunnel)
    const detail = words('status.twoLines', { first, second: registrationLine(registration) })
    return registration.handshakeConfirmed
      ? { state: 'connected', detail }
      : { state: 'connected', detail, note: words('status.ifNoRing') }
  }
  // Connecting or reconnecting on its own: calls cannot arrive yet, and the app is on it.
  if (tunnel.state !== 'up') return { state: 'checking', ...saying(tunnelLine(tunnel)) }
  return { state: 'checking', ...saying(registrationLine(registration)) }
}

/** What a seat hangs up while its hub is away waits; the person should know it is not lost. */
export function queuedHangUpsWords(count: number): Words | undefined {
  if (count === 0) return undefined
  return count === 1 ? words('hubLine.queuedOne') : words('hubLine.queuedMany', { count })
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
      return {
        state: 'checking',
        words: words('hubLine.connecting', { hub: name }),
        chip: words('hubLine.chip.connecting')
      }
    case 'offline': {
      // Inside the words: the reason's own words when this app made it, else as the link gave it.
      const line = words('hubLine.offline', { reason: offlineReason(link) })
      const queued = queuedHangUpsWords(hub.queuedHangUps.length)
      return {
        state: 'problem',
        words: queued ? words('hubLine.withQueued', { line, queued }) : line,
        chip: words('hubLine.chip.offline')
      }
    }
    case 'refused': {
      const chip = words('hubLine.chip.refused')
      // The refusal is also the seat's exit message ("Cannot start: <sentence>."): no stop of its own.
      if (link.words)
        return { state: 'problem', words: words('hubLine.refused', { refusal: link.words }), chip }
      // The hub's own sentence, for a refusal this desk has no words for.
      const sentence = /[.!?…]$/.test(link.sentence) ? link.sentence : `${link.sentence}.`
      return { state: 'problem', sentence, chip }
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
  const connected = (line: WordParam): Words => words('hubLine.connected', { hub: hub.name, line })
  if (!status.page.configured) {
    const chip = words('hubLine.chip.noPage')
    return { state: 'problem', words: connected(words('hubLine.noPage')), chip }
  }
  const health = status.pageHealth ?? { state: 'checking' }
  if (health.state === 'failed') {
    // The hub's message stands in should its words be newer than this build's.
    const line = connected(health.words ?? health.message)
    return { state: 'problem', sentence: health.message, words: line }
  }
  if (!pageHealthFresh(health, now)) {
    return { state: 'checking', words: connected(words('status.checkingPage')) }
  }
  return { state: 'connected', detail: connected(words('hubLine.pageConnected')) }
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
    const said = webhookOwnerWords(owner, pageNameOf(status))
    if (said) return { state: 'problem', words: said }
  }
  if (!pageHealthFresh(health, now))
    return { state: 'checking', words: words('status.checkingPage') }
  return webhookSummary(status)
}
