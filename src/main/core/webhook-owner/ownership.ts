/**
 * Who owns this app's webhook, as this desk knows it, and the one place that may let it register:
 * the registrar asks `beforeRegister` first (Meta's callback is read, and a URL this desk did not
 * register last is asked who it is instead of being overwritten), a desk that owns the webhook
 * re-reads it every few minutes (and on wake-up and reconnects), and `takeOver` is the owner's
 * explicit choice to register over another desk anyway.
 */
import { ServiceError } from '../../../shared/api'
import type { AppSubscriptions } from '../../../shared/graph'
import { OWNED_ELSEWHERE, type RegistrationStatus } from '../../../shared/tunnel'
import { webhookOwnerWords, type WebhookOwner } from '../../../shared/webhook-owner'
import { englishWords } from '../../../shared/words-english'
import { words, type Words } from '../../../shared/words'
import { isGraphError } from '../graph/errors'
import type { Logger } from '../log'
import { askOwner, type AskOwner } from './ask-owner'
import { mayRegisterOver, ownerAt, pageCallback, sameOwner } from './decide'
import type { LastRegistered } from './last-registered'
import { wordedError } from '../../../shared/words-english'

/** How often a desk that owns the webhook reads Meta's callback again. */
export const WEBHOOK_RECHECK_MS = 5 * 60_000
/** A take-over Meta has not confirmed by then is reported as failed. */
export const TAKE_OVER_TIMEOUT_MS = 60_000

export interface WebhookOwnershipOptions {
  graph: { getAppSubscriptions(): Promise<AppSubscriptions> }
  lastRegistered: LastRegistered
  appSecret: () => string
  pageId: () => string | undefined
  /** For the sentence in the log: the Page's name, or its id. */
  pageName: () => string
  /** This desk's callback URL now (public URL + webhook path); null without a public URL. */
  callbackUrl: () => string | null
  /** Asks the registrar to register again (it comes back through `beforeRegister`). */
  requestRegistration: () => void
  /** Every new owner (the core broadcasts its status). */
  onChange: (owner: WebhookOwner) => void
  /** Another desk or server took the webhook from this desk: its registration no longer holds. */
  onLost?: (() => void) | undefined
  ask?: AskOwner | undefined
  recheckMs?: number | undefined
  takeOverTimeoutMs?: number | undefined
  now?: (() => number) | undefined
  logger: Logger
}

interface TakeOver {
  /** Set once the registrar's next attempt took it on (it registers without looking). */
  started: boolean
  promise: Promise<WebhookOwner>
  resolve(owner: WebhookOwner): void
  reject(error: ServiceError): void
  timer: NodeJS.Timeout
}

export class WebhookOwnership {
  private owner: WebhookOwner = { state: 'not-needed' }
  private readonly log: Logger
  private readonly ask: AskOwner
  private readonly now: () => number
  private watch: NodeJS.Timeout | undefined
  private takeOverRun: TakeOver | undefined
  /** One look at a time: a re-check and a registration never interleave their reads and writes. */
  private queue: Promise<unknown> = Promise.resolve()
  private disposed = false
  /**
   * This desk owned the webhook when it last knew: kept through a tunnel drop (the owner reads
   * "not needed" meanwhile), so the look after the reconnect can still say who took it from us.
   */
  private wasOurs = false
  /** The URL that took the webhook from this desk, while it keeps it. */
  private takenBy: string | undefined

  constructor(private readonly options: WebhookOwnershipOptions) {
    this.log = options.logger.child('webhook-owner')
    this.ask = options.ask ?? askOwner
    this.now = options.now ?? Date.now
  }

  get current(): WebhookOwner {
    return this.owner
  }

  /**
   * The registrar's gate, before it registers `callbackUrl`: undefined to go ahead, or the status
   * to show instead. Throws when Meta cannot be asked (the registrar retries).
   */
  beforeRegister(callbackUrl: string): Promise<RegistrationStatus | undefined> {
    const run = this.takeOverRun
    if (run && !run.started) {
      run.started = true
      return Promise.resolve(undefined)
    }
    return this.serially(async () => {
      if (this.owner.state === 'not-needed' || this.owner.state === 'unknown')
        this.set({ state: 'checking' })
      const held = await this.readHeld(true)
      const last = await this.options.lastRegistered.get()
      if (held === undefined || mayRegisterOver(held, callbackUrl, last)) return undefined
      await this.settleOwnerAt(held)
      return OWNED_ELSEWHERE
    })
  }

  /** The registrar's word that Meta accepted `callbackUrl`. */
  async registered(callbackUrl: string): Promise<void> {
    await this.options.lastRegistered.set(callbackUrl).catch((error: unknown) => {
      this.log.warn('could not keep the callback URL this desk registered', { error })
    })
    this.set({ state: 'this-desk', url: callbackUrl, checkedAt: this.now() })
    this.endTakeOver((run) => run.resolve(this.owner))
  }

  /** The registrar's word that an attempt failed (`said`: Graph's sentence, as words when it has them). */
  failed(said: Words | string): void {
    const failure =
      typeof said === 'string'
        ? new ServiceError('graph', said)
        : new ServiceError('graph', englishWords(said), said)
    this.endTakeOver((run) => run.reject(failure), true)
  }

  /** The public URL went away: there is nothing of this desk's to own. */
  noPublicUrl(): void {
    this.set({ state: 'not-needed' })
  }

  /** Reads Meta's callback again (the timer, wake-up, a reconnect) and says at once if it moved. */
  check(): Promise<void> {
    return this.serially(async () => {
      const ours = this.options.callbackUrl()
      // Nothing to compare yet (no public URL, no registration looked at), or the owner is choosing.
      if (!ours || this.takeOverRun || this.disposed) return
      if (this.owner.state === 'not-needed' || this.owner.state === 'checking') return
      const held = await this.readHeld(false).catch((error: unknown) => {
        this.log.warn('could not read the webhook subscription', { error: String(error) })
        return null
      })
      if (held === null) return
      const last = await this.options.lastRegistered.get()
      if (held !== undefined && !mayRegisterOver(held, ours, last)) {
        await this.settleOwnerAt(held)
      } else if (held === ours && last === ours) {
        this.set({ state: 'this-desk', url: ours, checkedAt: this.now() })
      } else {
        // Meta dropped the callback, or still holds this desk's previous address: register again.
        this.options.requestRegistration()
      }
    })
  }

  /** "Ring on this desk instead": registers this desk's URL over the current owner's. */
  takeOver(): Promise<WebhookOwner> {
    const owner = this.owner
    if (owner.state === 'other-desk' && owner.servesOtherPage) {
      throw wordedError('conflict', 'webhookOwner.otherPage', {
        page: this.options.pageName(),
        desk: owner.desk.deskName,
        pageIds: owner.desk.pageIds.join(', ')
      })
    }
    if (!this.options.callbackUrl()) {
      throw wordedError('not-configured', 'webhookOwner.noPublicUrl')
    }
    if (this.takeOverRun) return this.takeOverRun.promise
    let resolve!: (owner: WebhookOwner) => void
    let reject!: (error: ServiceError) => void
    const promise = new Promise<WebhookOwner>((ok, fail) => {
      resolve = ok
      reject = fail
    })
    // Timer "owner answer timeout" (once per question to another desk).
    const timer = setTimeout(
      () =>
        this.endTakeOver((run) => run.reject(wordedError('graph', 'webhookOwner.notConfirmed'))),
      this.options.takeOverTimeoutMs ?? TAKE_OVER_TIMEOUT_MS
    )
    this.takeOverRun = { started: false, promise, resolve, reject, timer }
    this.log.info('taking over the webhook, as the owner chose', {
      from: 'url' in owner ? owner.url : undefined
    })
    this.options.requestRegistration()
    return promise
  }

  dispose(): void {
    this.disposed = true
    this.stopWatching()
    this.endTakeOver((run) => run.reject(wordedError('internal', 'service.shuttingDown')))
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task)
    this.queue = result.catch(() => undefined)
    return result
  }

  /** Meta's callback for the Page webhook (undefined: none). */
  private async readHeld(showFailure: boolean): Promise<string | undefined> {
    try {
      return pageCallback(await this.options.graph.getAppSubscriptions())
    } catch (error) {
      if (showFailure) {
        const reasonWords = isGraphError(error) ? error.userWords : words('owner.notAsked')
        const reason = englishWords(reasonWords)
        this.set({ state: 'unknown', reason, reasonWords })
      }
      throw error
    }
  }

  private async settleOwnerAt(url: string): Promise<void> {
    const answer = await this.ask(url, this.options.appSecret())
    const tookItFromUs = this.wasOurs || this.takenBy === url
    this.takenBy = tookItFromUs ? url : undefined
    this.wasOurs = false
    this.set(ownerAt(url, answer, this.options.pageId(), this.now(), tookItFromUs))
  }

  private set(next: WebhookOwner): void {
    if (this.disposed) return
    const previous = this.owner
    this.owner = next
    if (next.state === 'this-desk') {
      this.wasOurs = true
      this.takenBy = undefined
      this.startWatching()
    } else this.stopWatching()
    if (!sameOwner(previous, next)) {
      const said = webhookOwnerWords(next, this.options.pageName())
      const sentence = said && englishWords(said)
      // Headless runs (`npm run serve`) say it in the same words as every UI.
      if (sentence) this.log[next.state === 'this-desk' ? 'info' : 'warn'](sentence)
      const tookItNow = 'tookItFromUs' in next && next.tookItFromUs
      if (tookItNow && !('tookItFromUs' in previous && previous.tookItFromUs))
        this.options.onLost?.()
    }
    this.options.onChange(next)
  }

  private startWatching(): void {
    if (this.watch || this.disposed) return
    // Periodic timer "subscription check": Meta's callback, every 5 min, while this desk owns it.
    this.watch = setInterval(() => void this.check(), this.options.recheckMs ?? WEBHOOK_RECHECK_MS)
    this.watch.unref?.()
  }

  private stopWatching(): void {
    clearInterval(this.watch)
    this.watch = undefined
  }

  /** `onlyStarted`: an attempt that did not take the take-over on says nothing about it. */
  private endTakeOver(settle: (run: TakeOver) => void, onlyStarted = false): void {
    const run = this.takeOverRun
    if (!run || (onlyStarted && !run.started)) return
    clearTimeout(run.timer)
    this.takeOverRun = undefined
    settle(run)
  }
}
