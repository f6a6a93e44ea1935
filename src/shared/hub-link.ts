/**
 * A seat desk's link to its hub, as its UIs see it (issue #13): the seat's windows talk to their
 * own desk, which forwards call work to the hub, so they need to know when the hub cannot be
 * reached, why, and what waits to be sent.
 */
import { words, type Words } from './words'

/** The link's state; `offline` may come back on its own, `refused` needs the person to act. */
export type HubLinkStatus =
  | { state: 'connecting' }
  | { state: 'online' }
  /**
   * The hub cannot be reached now; `reason` is a sentence ("the hub's address does not answer"),
   * `reasonWords` the same when this desk made it (absent for the hub's or its carrier's own words).
   */
  | { state: 'offline'; reason: string; reasonWords?: Words | undefined }
  /**
   * The hub turned this desk away (removed, wrong version); `sentence` says what to do, in English,
   * and `words` the same for each window to say in its own language (absent for a refusal the hub
   * said in its own words, which is shown as it said it).
   */
  | { state: 'refused'; sentence: string; words?: Words | undefined }

/** What a seat's status adds to CoreStatus; absent on a desk that is no seat. */
export interface SeatHubStatus {
  /** The hub as people know it ("Front desk"), for "Hub offline" and the refusals. */
  name: string
  link: HubLinkStatus
  /**
   * Calls this desk hung up while the hub was offline: their hang ups are sent when it is back
   * (the call's audio already stopped here; the customer hears the end once the hub tells Meta).
   */
  queuedHangUps: string[]
  /** This desk kept its own calls from before it joined (listPastHistory has some). */
  pastHistory: boolean
}

/**
 * The sentence a seat's forwarded command fails with while the hub cannot be reached, as words
 * (the link's own reason inside stays as the link gave it); a refusal is the hub's sentence.
 */
export function hubUnreachableWords(link: HubLinkStatus): Words | string {
  switch (link.state) {
    case 'offline':
      return words('seat.hubOffline', { reason: offlineReason(link) })
    case 'refused':
      return link.words ?? link.sentence
    case 'connecting':
      return words('seat.hubConnecting')
    case 'online':
      return words('seat.hubOnline')
  }
}

/** Why the hub is offline, as words when this desk made the reason, else as it was said. */
export function offlineReason(link: Extract<HubLinkStatus, { state: 'offline' }>): Words | string {
  return link.reasonWords ?? link.reason.replace(/\.$/, '')
}
