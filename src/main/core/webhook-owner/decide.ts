/**
 * The owner decisions, pure: may this desk register over what Meta holds, and who is the owner
 * once the URL has answered (or not).
 */
import type { AppSubscriptions } from '../../../shared/graph'
import type { WebhookOwner } from '../../../shared/webhook-owner'
import type { WhoIsThere } from './ask-owner'

/** The Page webhook's callback URL Meta holds for the app, if any. */
export function pageCallback(subscriptions: AppSubscriptions): string | undefined {
  const page = subscriptions.data.find((sub) => sub.object === 'page')
  return page?.callback_url || undefined
}

/**
 * Register when Meta holds nothing, this very URL, or the URL this desk registered last (its own
 * previous tunnel address); anything else belongs to someone who must be asked first.
 */
export function mayRegisterOver(
  held: string | undefined,
  ours: string,
  lastRegistered: string | undefined
): boolean {
  return held === undefined || held === ours || held === lastRegistered
}

/**
 * Who owns `url`, from its answer. `tookItFromUs`: this desk owned the webhook until now (or
 * already knew this same URL took it), so the new owner took it from us.
 */
export function ownerAt(
  url: string,
  answer: WhoIsThere,
  pageId: string | undefined,
  checkedAt: number,
  tookItFromUs: boolean
): WebhookOwner {
  const took = tookItFromUs ? { tookItFromUs: true } : {}
  if (answer.kind === 'foreign') return { state: 'foreign', url, checkedAt, ...took }
  return {
    state: 'other-desk',
    url,
    desk: answer.identity,
    servesOtherPage: pageId === undefined || !answer.identity.pageIds.includes(pageId),
    checkedAt,
    ...took
  }
}

/** Whether two owners say the same thing (a re-check that changed nothing is not news). */
export function sameOwner(a: WebhookOwner, b: WebhookOwner): boolean {
  const strip = (owner: WebhookOwner): unknown =>
    'checkedAt' in owner ? { ...owner, checkedAt: 0 } : owner
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b))
}
