/**
 * Who receives this app's webhook deliveries: Meta keeps one callback URL per app, so one desk
 * (or a server) owns it and every other desk of the same app must not take it silently. The core
 * finds out (Meta's subscription, then the identity endpoint at that URL) and every UI says it in
 * the same words, with `webhookOwnerWords`.
 */
import { z } from 'zod'
import { words, type WordParam, type Words } from './words'

/** What a desk's identity endpoint (`GET <origin>/softphone/hub`) tells another desk of the same app. */
export interface DeskIdentity {
  /** The name the owner gave the desk (Settings), else the computer's name. */
  deskName: string
  /** The Pages whose calls that desk rings for. */
  pageIds: string[]
  /** The app version it runs. */
  version: string
}

export type WebhookOwner =
  /** Not looked yet, or looking now. */
  | { state: 'checking' }
  /** No Page and app set up here, or nothing to compare: no public URL of this desk's own. */
  | { state: 'not-needed' }
  /**
   * Meta could not be asked (no app token, Graph unreachable): `reason` is a sentence in English,
   * `reasonWords` the same for each window to say in its own language.
   */
  | { state: 'unknown'; reason: string; reasonWords?: Words | undefined }
  /** Meta has no callback for the app: this desk may register. */
  | { state: 'none' }
  /** Meta's callback is this desk's own URL. */
  | { state: 'this-desk'; url: string; checkedAt: number }
  /** Another install of this app answered at the callback URL. */
  | {
      state: 'other-desk'
      url: string
      desk: DeskIdentity
      /** That desk rings for a Page other than this desk's: taking over would stop its calls. */
      servesOtherPage: boolean
      checkedAt: number
      /** Set when the other desk took the webhook from this one (this desk owned it before). */
      tookItFromUs?: boolean | undefined
    }
  /** Something that is not this app answers there (a server, a developer's endpoint), or nothing does. */
  | { state: 'foreign'; url: string; checkedAt: number; tookItFromUs?: boolean | undefined }

/** The request of `takeOverWebhook`: nothing but the explicit choice. */
export const takeOverWebhookRequest = z.object({}).strict()

/**
 * The sentence for a whole CoreStatus-like view: the Page's name when Meta said it, else "this
 * Page". For places that hold only the status (the connection summary, setup checks).
 */
export function webhookOwnerWordsOf(status: {
  webhookOwner?: WebhookOwner | undefined
  pageHealth?: { state: string; pageName?: string | undefined } | undefined
}): Words | undefined {
  if (!status.webhookOwner) return undefined
  const health = status.pageHealth
  const page = (health?.state === 'ok' && health.pageName) || words('owner.thisPage')
  return webhookOwnerWords(status.webhookOwner, page)
}

/**
 * One sentence for the Calls view, Page setup and headless logs, as words (each window says it in
 * its own language; main's log in English, with words-english.ts).
 */
export function webhookOwnerWords(owner: WebhookOwner, page: WordParam): Words | undefined {
  switch (owner.state) {
    case 'checking':
    case 'not-needed':
    case 'none':
      return undefined
    case 'unknown':
      return words('owner.unknown', { page, reason: owner.reasonWords ?? owner.reason })
    case 'this-desk':
      return words('owner.thisDesk', { page })
    case 'other-desk': {
      const named = { page, desk: owner.desk.deskName, url: owner.url }
      return words(owner.tookItFromUs ? 'owner.otherDeskTook' : 'owner.otherDesk', named)
    }
    case 'foreign':
      return words(owner.tookItFromUs ? 'owner.foreignTook' : 'owner.foreign', {
        page,
        url: owner.url
      })
  }
}
