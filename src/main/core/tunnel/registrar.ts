/**
 * Keeps Meta's callback URL pointed at the current public URL: `POST /{app-id}/subscriptions` with
 * the app token each time the tunnel comes (back) up, then checks that Meta's verification
 * handshake really arrived here, through the tunnel (Meta performs it before it accepts the URL;
 * if it reached some other server that also echoes challenges, deliveries would go there).
 *
 * Only the newest URL matters: while one registration is in flight, further URLs wait and only the
 * last is registered after it. Failures are retried with backoff.
 */
import { randomBytes } from 'node:crypto'
import type { RegistrationStatus } from '../../../shared/tunnel'
import { REGISTRATION_IDLE, registrationLine } from '../../../shared/tunnel'
import { TypedEmitter, type Listener } from '../shared/typed-emitter'
import type { AppWebhookSubscription } from '../graph'
import { isGraphError } from '../graph'
import type { Logger } from '../log'
import type { VerificationInfo } from '../webhook/server'
import { REGISTRATION_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff'
import { joinUrlPath } from './connection'
import { words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

/**
 * `calls` for the calls themselves, `call_permission_reply` for call-back permissions, `messages`
 * because some permission replies arrive inside Messenger events (see docs/messenger-calling.md §2, §4).
 */
export const WEBHOOK_FIELDS = ['calls', 'call_permission_reply', 'messages'] as const
export const SELF_CHECK_TIMEOUT_MS = 10_000
const NOT_CONFIGURED: RegistrationStatus = { state: 'not-needed', reason: 'not-configured' }

/**
 * Who may register (core/webhook-owner): asked before each registration, told how it ended. Meta
 * keeps one callback per app, so a URL this desk did not register itself is not overwritten unasked.
 */
export interface RegistrationGate {
  /** Undefined: go ahead; a status: show it instead of registering. Throws when Meta cannot be asked. */
  beforeRegister(callbackUrl: string): Promise<RegistrationStatus | undefined>
  /** Meta accepted `callbackUrl`: it is this desk's now. */
  registered(callbackUrl: string): Promise<void>
  /** The attempt failed; `said` is the sentence shown, as words for each window's language. */
  failed(said: Words | string): void
}

/** GETs the callback like Meta does; resolves true when our challenge comes back. */
export type HandshakeCheck = (
  callbackUrl: string,
  verifyToken: string,
  signal: AbortSignal
) => Promise<boolean>

export interface WebhookRegistrarOptions {
  graph: { subscribeAppWebhook(subscription: AppWebhookSubscription): Promise<void> }
  /** The listener's path, appended to the public URL: '/webhook'. */
  webhookPath: string
  /** The verify token, or undefined when the Page and app are not set up enough to register. */
  verifyToken: () => string | undefined
  /** The last handshake the webhook listener saw (SoftphoneCore.lastVerification). */
  lastVerification: () => VerificationInfo | undefined
  logger: Logger
  fields?: readonly string[] | undefined
  backoff?: BackoffPolicy | undefined
  handshakeCheck?: HandshakeCheck | undefined
  random?: (() => number) | undefined
  /** Without one, every URL is registered without looking (tests of the registration itself). */
  gate?: RegistrationGate | undefined
}

export interface RegistrarEvents {
  status: RegistrationStatus
}

/** How one attempt ended: a status to show, or a failure to retry. */
type Outcome = { settled: RegistrationStatus } | { failed: Words }

export class WebhookRegistrar {
  private readonly events: TypedEmitter<RegistrarEvents>
  private readonly log: Logger
  private current: RegistrationStatus = REGISTRATION_IDLE
  /** The URL that should be registered; null when there is no public URL. */
  private wanted: string | null = null
  /** Set by `update`; the loop below clears it when it takes the URL on. */
  private pending = false
  private running = false
  /** The public URL being registered right now. */
  private inFlight: string | null = null
  private disposed = false
  private failures = 0
  private retryTimer: NodeJS.Timeout | undefined
  private readonly checks = new AbortController()

  constructor(private readonly options: WebhookRegistrarOptions) {
    this.log = options.logger.child('registrar')
    this.events = new TypedEmitter((error, event) =>
      this.log.error('registration status listener failed', { event: String(event), error })
    )
  }

  get status(): RegistrationStatus {
    return this.current
  }

  on<K extends keyof RegistrarEvents>(
    event: K,
    listener: Listener<RegistrarEvents[K]>
  ): () => void {
    return this.events.on(event, listener)
  }

  /** The public base URL changed or came back; null when it stopped working. */
  update(publicUrl: string | null): void {
    if (this.disposed) return
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.failures = 0
    this.wanted = publicUrl
    if (publicUrl === null) {
      this.pending = false
      if (!this.running) this.setStatus(REGISTRATION_IDLE)
      return
    }
    // Asked again for the URL being registered right now (a quick reconnect): that one will do.
    this.pending = !(this.running && publicUrl === this.inFlight)
    if (!this.running) void this.drain()
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.retryTimer)
    this.checks.abort()
    this.events.clear()
  }

  private async drain(): Promise<void> {
    this.running = true
    try {
      while (this.pending && this.wanted !== null && !this.disposed) {
        this.pending = false
        const publicUrl = this.wanted
        const callbackUrl = joinUrlPath(publicUrl, this.options.webhookPath)
        this.inFlight = publicUrl
        const outcome = await this.registerOnce(callbackUrl).finally(() => {
          this.inFlight = null
        })
        // A newer URL (or none) arrived meanwhile: this result no longer matters.
        if (this.pending || this.wanted !== publicUrl || this.disposed) continue
        if ('failed' in outcome) this.scheduleRetry(callbackUrl, outcome.failed)
        else this.setStatus(outcome.settled)
      }
      if (this.wanted === null && !this.disposed) this.setStatus(REGISTRATION_IDLE)
    } finally {
      this.running = false
    }
  }

  private async registerOnce(callbackUrl: string): Promise<Outcome> {
    const verifyToken = this.options.verifyToken()
    if (!verifyToken) return { settled: NOT_CONFIGURED }
    this.setStatus({ state: 'registering', callbackUrl, attempt: this.failures + 1 })
    const startedAt = Date.now()
    const gate = this.options.gate
    try {
      // Only with a gate: awaiting nothing would still cost the POST a turn of the event loop.
      const instead = gate ? await gate.beforeRegister(callbackUrl) : undefined
      if (instead) {
        this.failures = 0
        return { settled: instead }
      }
      await this.options.graph.subscribeAppWebhook({
        callbackUrl,
        verifyToken,
        fields: this.options.fields ?? WEBHOOK_FIELDS
      })
    } catch (error) {
      if (isGraphError(error) && error.kind === 'not-configured') {
        gate?.failed(registrationLine(NOT_CONFIGURED))
        return { settled: NOT_CONFIGURED }
      }
      const said = isGraphError(error) ? error.userWords : words('tunnel.registerFailed')
      this.log.warn('webhook registration failed', {
        callbackUrl,
        ...(isGraphError(error) ? error.toLogFields() : { error })
      })
      gate?.failed(said)
      return { failed: said }
    }
    const handshakeConfirmed =
      this.handshakeSince(startedAt) || (await this.selfCheck(callbackUrl, verifyToken))
    if (handshakeConfirmed) this.log.info('webhook registered with Meta', { callbackUrl })
    else {
      this.log.warn('webhook registered, but no verification handshake was seen arriving here', {
        callbackUrl
      })
    }
    this.failures = 0
    if (gate) await gate.registered(callbackUrl)
    return { settled: { state: 'registered', callbackUrl, at: Date.now(), handshakeConfirmed } }
  }

  private handshakeSince(since: number): boolean {
    const seen = this.options.lastVerification()
    return seen !== undefined && seen.ok && seen.at >= since
  }

  /** Meta's handshake was not seen here: try one of our own through the public URL. */
  private async selfCheck(callbackUrl: string, verifyToken: string): Promise<boolean> {
    const startedAt = Date.now()
    const check = this.options.handshakeCheck ?? echoesChallenge
    try {
      const echoed = await check(
        callbackUrl,
        verifyToken,
        AbortSignal.any([this.checks.signal, AbortSignal.timeout(SELF_CHECK_TIMEOUT_MS)])
      )
      return echoed && this.handshakeSince(startedAt)
    } catch (error) {
      this.log.debug('handshake self-check got no answer', { error })
      return false
    }
  }

  private scheduleRetry(callbackUrl: string, said: Words): void {
    this.failures += 1
    const retryInMs = backoffDelay(
      this.options.backoff ?? REGISTRATION_BACKOFF,
      this.failures,
      this.options.random
    )
    const message = englishWords(said)
    this.setStatus({ state: 'failed', callbackUrl, message, words: said, retryInMs })
    // Timer "webhook registration retry" (once per failure, with backoff).
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      this.pending = true
      void this.drain()
    }, retryInMs)
  }

  private setStatus(status: RegistrationStatus): void {
    this.current = status
    this.events.emit('status', status)
  }
}

export const echoesChallenge: HandshakeCheck = async (callbackUrl, verifyToken, signal) => {
  const challenge = randomBytes(12).toString('hex')
  const url = new URL(callbackUrl)
  url.searchParams.set('hub.mode', 'subscribe')
  url.searchParams.set('hub.verify_token', verifyToken)
  url.searchParams.set('hub.challenge', challenge)
  const response = await fetch(url, {
    signal,
    headers: { 'bypass-tunnel-reminder': 'softphone' }
  })
  return response.ok && (await response.text()) === challenge
}
