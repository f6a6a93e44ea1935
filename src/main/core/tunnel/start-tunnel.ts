/**
 * Both composition roots (Electron main, `npm run serve`) run the tunnel the same way: after the
 * core listens, open the tunnel for its port, feed each public URL to the core and the registrar,
 * and mirror both statuses into the core's status for every UI.
 */
import type { RegistrationStatus, TunnelStatus } from '../../../shared/tunnel'
import type { Credentials, RuntimeConfig } from '../config'
import type { Logger } from '../log'
import type { VerificationInfo } from '../webhook/server'
import type { BackoffPolicy } from './backoff'
import type { TunnelConnector } from './connection'
import {
  WebhookRegistrar,
  type HandshakeCheck,
  type RegistrationGate,
  type WebhookRegistrarOptions
} from './registrar'
import { TunnelService } from './tunnel-service'

/** What the tunnel needs from SoftphoneCore; a narrow view so tests can pass a small fake. */
export interface TunnelHost {
  readonly graph: WebhookRegistrarOptions['graph']
  readonly lastVerification: VerificationInfo | undefined
  status(): { webhookUrl: string | null }
  setPublicUrl(url: string | null): void
  setTunnelStatus(status: TunnelStatus): void
  setRegistrationStatus(status: RegistrationStatus): void
  /** The credentials as they are now (onboarding changes them); default: the config's. */
  credentials?(): Readonly<Credentials>
  /** Called when the webhook must be registered again: new credentials, or the owner asked. */
  onRegistrationNeeded?(listener: () => void): () => void
  /** Who may register over Meta's callback (core/webhook-owner); without it, always this desk. */
  readonly webhookGate?: RegistrationGate | undefined
}

export interface StartTunnelOptions {
  connector?: TunnelConnector | undefined
  backoff?: BackoffPolicy | undefined
  registrationBackoff?: BackoffPolicy | undefined
  openTimeoutMs?: number | undefined
  handshakeCheck?: HandshakeCheck | undefined
}

export interface TunnelRuntime {
  readonly service: TunnelService
  readonly registrar: WebhookRegistrar
  /** Wake from sleep: reopen the tunnel now and register again. */
  refresh(): void
  /**
   * Stops telling the core and registering, but keeps the tunnel open: what still travels through
   * it (seats told the new address) may finish while a new tunnel takes over. `stop` ends it.
   */
  mute(): void
  stop(): void
}

/** Registering needs the app (id and secret), a Page to deliver for, and the verify token. */
function registrationReady(credentials: Readonly<Credentials>): boolean {
  return Boolean(
    credentials.pageId &&
    credentials.pageAccessToken &&
    credentials.appSecret &&
    credentials.appId &&
    credentials.verifyToken
  )
}

function listenerPort(webhookUrl: string | null): number {
  if (!webhookUrl) throw new Error('Start the core (its webhook listener) before the tunnel')
  return Number(new URL(webhookUrl).port)
}

export function startTunnel(
  core: TunnelHost,
  config: RuntimeConfig,
  logger: Logger,
  options: StartTunnelOptions = {}
): TunnelRuntime {
  const service = new TunnelService({
    config: config.tunnel,
    localPort: listenerPort(core.status().webhookUrl),
    logger,
    connector: options.connector,
    backoff: options.backoff,
    openTimeoutMs: options.openTimeoutMs
  })
  const registrar = new WebhookRegistrar({
    graph: core.graph,
    webhookPath: config.webhook.path,
    verifyToken: () => {
      const credentials = core.credentials?.() ?? config.credentials
      return registrationReady(credentials) ? credentials.verifyToken : undefined
    },
    lastVerification: () => core.lastVerification,
    logger,
    backoff: options.registrationBackoff,
    handshakeCheck: options.handshakeCheck,
    gate: core.webhookGate
  })
  const unsubscribe = [
    service.on('status', (status) => core.setTunnelStatus(status)),
    registrar.on('status', (status) => core.setRegistrationStatus(status)),
    service.on('publicUrl', (url) => {
      core.setPublicUrl(url)
      registrar.update(url)
    }),
    core.onRegistrationNeeded?.(() => registrar.update(service.publicUrl)) ?? (() => undefined)
  ]
  service.start()
  const mute = (): void => {
    registrar.dispose()
    for (const off of unsubscribe.splice(0)) off()
  }
  return {
    service,
    registrar,
    refresh: () => service.refresh(),
    mute,
    stop: () => {
      service.stop()
      mute()
    }
  }
}
