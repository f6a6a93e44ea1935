/**
 * What the core is made of and offers (see softphone-core.ts, which assembles it), kept apart so
 * the assembly stays readable.
 */
import type { FollowUpPort } from './follow-up'
import type { CoreStatus } from '../../shared/api'
import type { RegistrationStatus, TunnelStatus } from '../../shared/tunnel'
import type { CallRegistry } from './calls'
import type { Credentials, Env, RuntimeConfig, SecretStore } from './config'
import type { JoinHub } from './desk/hub-role-commands'
import type { GraphClient } from './graph'
import type { HistoryStore } from './history'
import type { Logger } from './log'
import type { OnboardingPort } from './onboarding'
import type { HubSeats } from './seat-link/hub-seats'
import type { SettingsPort } from './service/ports'
import type { SoftphoneService } from './service/softphone-service'
import type { LiveConfigSource } from './settings-effects/live-config'
import type { TestCallSimulatorFactory } from './test-line'
import type { RegistrationGate } from './tunnel/registrar'
import type { AskOwner } from './webhook-owner/ask-owner'
import type { ListenerTimeouts } from './webhook/listener'
import type { VerificationInfo, WebhookServer } from './webhook/server'

export interface CoreOptions {
  config: RuntimeConfig
  dataDir: string
  settings: SettingsPort
  /**
   * The environment `config` was resolved with: its values keep winning when the settings change
   * (see settings-effects/live-config). Default: none.
   */
  env?: Env | undefined
  /** The built-in simulator behind "Test call"; without it the command says it is unavailable. */
  testCallSimulator?: TestCallSimulatorFactory | undefined
  /** Where onboarding keeps the Page token and app secret; without it a Page cannot be saved. */
  secrets?: SecretStore | undefined
  logger: Logger
  /** The webhook listener's limits on slow requests; tests scale them down. */
  listenerTimeouts?: ListenerTimeouts | undefined
  /** The app's version, told to other desks of the same app; default: npm's, else 'unknown'. */
  version?: string | undefined
  /** How often a desk that owns the webhook reads it again (default 5 min); tests shorten it. */
  webhookRecheckMs?: number | undefined
  /** How the owner of a callback URL is asked who it is; tests pass their own. */
  askWebhookOwner?: AskOwner | undefined
  /** Makes this desk a seat of another hub (the desk runtime, core/desk); absent: unavailable. */
  joinHub?: JoinHub | undefined
}

export interface SoftphoneCore {
  readonly service: SoftphoneService
  readonly registry: CallRegistry
  readonly graph: GraphClient
  readonly history: HistoryStore
  readonly webhook: WebhookServer
  /** Missed calls, announced once each, and what became of their reply (core/follow-up). */
  readonly followUp: FollowUpPort
  /** The seats of this hub (seat-link/hub-seats); undefined when its list could not be read. */
  readonly seats: HubSeats | undefined
  /** The ring timeout and tunnel settings as they are now; the live tunnel follows them. */
  readonly live: LiveConfigSource
  /** The last verification handshake that reached the listener, for onboarding's checks. */
  readonly lastVerification: VerificationInfo | undefined
  /** Saving the Page, the setup checks and their fixes (the service's onboarding commands). */
  readonly onboarding: OnboardingPort
  /** The Page and app the core uses now; they change when the owner saves or removes the Page. */
  credentials(): Readonly<Credentials>
  /**
   * Uses `next` from now on, without a restart: Graph requests, webhook signatures and the verify
   * token, cached caller profiles, status(), and a new webhook registration.
   */
  updateCredentials(next: Credentials): void
  /** The webhook must be registered again (new credentials, or the owner asked); the tunnel listens. */
  onRegistrationNeeded(listener: () => void): () => void
  /** Starts listening and checking the Page with Meta; resolves with the local webhook URL. */
  start(): Promise<{ webhookUrl: string }>
  /** Asks Meta about the Page token now (resume from sleep); status() shows the answer. */
  checkPage(): Promise<void>
  /** Reads who owns the webhook now (resume from sleep); status().webhookOwner shows it. */
  checkWebhookOwner(): Promise<void>
  /** The registrar asks it before registering over Meta's callback (core/webhook-owner). */
  readonly webhookGate: RegistrationGate
  status(): CoreStatus
  /** Sets the public URL Meta delivers to (tunnel or own URL), or null when there is none. */
  setPublicUrl(url: string | null): void
  /** Shows the tunnel's state in status() (fed by core/tunnel's startTunnel). */
  setTunnelStatus(status: TunnelStatus): void
  /** Shows the webhook registration's state in status() (fed by core/tunnel's startTunnel). */
  setRegistrationStatus(status: RegistrationStatus): void
  /** Ends live calls as the shutdown they are, flushes history and closes the listener. */
  stop(): Promise<void>
}
