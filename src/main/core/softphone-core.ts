/**
 * The core, assembled: webhook listener -> call registry -> service API, with the Graph client,
 * caller profiles and call history. Both composition roots use it: the Electron main process
 * and the headless server (`npm run serve`). Nothing here knows about windows or sockets to UIs.
 */
import type { CoreStatus } from '../../shared/api'
import { REGISTRATION_IDLE, TUNNEL_OFF } from '../../shared/tunnel'
import type { RegistrationStatus, TunnelStatus } from '../../shared/tunnel'
import { CallRegistry } from './calls'
import type { Credentials, RuntimeConfig } from './config'
import { GraphClient, ProfileCache } from './graph'
import { HistoryStore } from './history'
import type { Logger } from './log'
import type { CallControl, SettingsPort } from './service/ports'
import { SoftphoneService } from './service/softphone-service'
import { TestLine, type TestCallSimulatorFactory } from './test-line'
import { createWebhookServer, type VerificationInfo, type WebhookServer } from './webhook/server'

export interface CoreOptions {
  config: RuntimeConfig
  dataDir: string
  settings: SettingsPort
  /** The built-in simulator behind "Test call"; without it the command says it is unavailable. */
  testCallSimulator?: TestCallSimulatorFactory | undefined
  logger: Logger
}

export interface SoftphoneCore {
  readonly service: SoftphoneService
  readonly registry: CallRegistry
  readonly graph: GraphClient
  readonly history: HistoryStore
  readonly webhook: WebhookServer
  /** The last verification handshake that reached the listener, for onboarding's checks. */
  readonly lastVerification: VerificationInfo | undefined
  /** Starts listening; resolves with the local webhook URL. */
  start(): Promise<{ webhookUrl: string }>
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

export async function createSoftphoneCore({
  config,
  dataDir,
  settings,
  testCallSimulator,
  logger
}: CoreOptions): Promise<SoftphoneCore> {
  const log = logger.child('core')
  const credentials: Credentials = { ...config.credentials }
  const graph = new GraphClient({
    credentials: () => ({
      pageId: credentials.pageId,
      pageAccessToken: credentials.pageAccessToken,
      appId: credentials.appId,
      appSecret: credentials.appSecret
    }),
    host: config.graph.apiUrl,
    version: config.graph.apiVersion,
    logger: logger.child('graph')
  })
  const profiles = new ProfileCache(graph, { logger: logger.child('profiles') })
  const registry = new CallRegistry({
    ringTimeoutMs: config.ringTimeoutMs,
    logger: logger.child('calls')
  })
  const history = await HistoryStore.open(dataDir, logger.child('history'))
  const metaCalls: CallControl = {
    accept: (callId, sdp) => graph.acceptCall(callId, sdp),
    reject: (callId) => graph.rejectCall(callId),
    terminate: (callId) => graph.terminateCall(callId)
  }

  let webhookUrl: string | null = null
  let publicUrl: string | null = null
  let tunnel: TunnelStatus = TUNNEL_OFF
  let registration: RegistrationStatus = REGISTRATION_IDLE
  let lastVerification: VerificationInfo | undefined

  const status = (): CoreStatus => ({
    page: { configured: config.page.configured, pageId: credentials.pageId },
    webhookUrl,
    publicUrl,
    tunnel,
    registration
  })

  const testLine = testCallSimulator
    ? new TestLine({ factory: testCallSimulator, registry, logger })
    : undefined

  const service = new SoftphoneService({
    registry,
    callControl: (call) => (testLine?.isTestCall(call.id) ? testLine.control : metaCalls),
    history: {
      append: (record) => history.append(record),
      list: (query) => history.list(query)
    },
    profiles: {
      lookup: async (psid) => (await testLine?.profiles.lookup(psid)) ?? profiles.get(psid)
    },
    status,
    settings,
    testCall: testLine,
    logger
  })

  const webhook = createWebhookServer({
    appSecret: credentials.appSecret ?? '',
    verifyToken: credentials.verifyToken ?? '',
    path: config.webhook.path,
    logger: logger.child('webhook'),
    onVerification: (info) => {
      lastVerification = info
    },
    onEvents: (events, meta) => {
      for (const item of events) {
        if (item.kind !== 'call') {
          log.info('call permission reply', { approved: item.approved })
          continue
        }
        // One app can serve several Pages; only this Page's calls ring here.
        if (item.pageId && credentials.pageId && item.pageId !== credentials.pageId) {
          log.warn('ignored a call event for another Page', { pageId: item.pageId })
          continue
        }
        registry.handleEvent(item.event, item.pageId ?? credentials.pageId, meta.receivedAt)
      }
    }
  })

  return {
    service,
    registry,
    graph,
    history,
    webhook,
    get lastVerification() {
      return lastVerification
    },
    async start() {
      const bound = await webhook.listen(config.webhook.port)
      webhookUrl = bound.url
      log.info('webhook listener ready', { url: bound.url })
      service.publishStatus()
      return { webhookUrl: bound.url }
    },
    status,
    setPublicUrl(url) {
      publicUrl = url
      service.publishStatus()
    },
    setTunnelStatus(next) {
      tunnel = next
      service.publishStatus()
    },
    setRegistrationStatus(next) {
      registration = next
      service.publishStatus()
    },
    async stop() {
      await webhook.close()
      await testLine?.close()
      registry.endAllLive('shutdown')
      await webhook.drained()
      service.dispose()
      registry.dispose()
      await history.close()
    }
  }
}
