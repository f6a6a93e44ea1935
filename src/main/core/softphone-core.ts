/**
 * The core, assembled: webhook listener -> call registry -> service API, with the Graph client,
 * caller profiles and call history. Both composition roots use it: the Electron main process
 * and the headless server (`npm run serve`). Nothing here knows about windows or sockets to UIs.
 */
import type { CoreStatus } from '../../shared/api'
import { OWNED_ELSEWHERE, REGISTRATION_IDLE, TUNNEL_OFF } from '../../shared/tunnel'
import type { RegistrationStatus, TunnelStatus } from '../../shared/tunnel'
import { CallBack } from './callback'
import { CallRegistry, endCallsOnStop, routeWebhookEvents } from './calls'
import { dataNotices, type Credentials } from './config'
import { listenNamingPort } from './config/port-in-use'
import type { CoreOptions, SoftphoneCore } from './core-api'
import { openFollowUp } from './follow-up'
import { openCallBackTasks } from './follow-up/open-call-back-tasks'
import { GraphClient, ProfileCache } from './graph'
import { DeskSeen, HistoryStore } from './history'
import { historyServicePort } from './history/service-port'
import { openDurableIntake } from './journal/durable-intake'
import { registerSecret } from './log'
import { createOnboarding } from './onboarding'
import { PageHealthMonitor } from './page-health'
import { HubDesks } from './seat-link/hub-desks'
import { openHubSeats, type HubSeats } from './seat-link/hub-seats'
import { OWNER_DESK, seatDeskKey } from './service/client-views'
import { metaMetricsPort } from './service/call-metrics'
import type { CallControl } from './service/ports'
import { SoftphoneService } from './service/softphone-service'
import { silences, startDoNotDisturb } from './settings-effects/do-not-disturb'
import { followLiveConfig } from './settings-effects/live-config'
import { pinnedSettings } from './settings-effects/pinned'
import { TestLine } from './test-line'
import { IDENTITY_PATH, createDeskOwnership } from './webhook-owner'
import { createWebhookServer, type VerificationInfo } from './webhook/server'

export type { CoreOptions, SoftphoneCore } from './core-api'

export async function createSoftphoneCore({
  config,
  dataDir,
  settings,
  env,
  testCallSimulator,
  secrets,
  logger,
  listenerTimeouts,
  ...options
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
    maxRinging: () => settings.get().maxRingingCalls,
    // Do not disturb is decided as the call starts ringing, so no UI ever rings for it.
    silence: (call): boolean => silences(settings.get(), call),
    logger: logger.child('calls')
  })
  const history = await HistoryStore.open(dataDir, logger.child('history'))
  // Each seat desk's own "seen"; one that has none yet has seen what was missed before it paired.
  const pairedAt = (desk: string): number | undefined =>
    seats?.list().find((seat) => seatDeskKey(seat.name) === desk)?.pairedAt
  const deskSeen = await DeskSeen.open(dataDir, history, OWNER_DESK, logger, pairedAt)
  // Deliveries are journaled before their 200, replays are dropped, and a restart applies what
  // the journal holds and history lacks (core/journal).
  const intake = await openDurableIntake({
    dataDir,
    registry,
    history,
    // Customers' calls go straight to the registry; call-back sees only what may be its own.
    deliver: (events, receivedAt) =>
      routeWebhookEvents(events, receivedAt, {
        registry,
        callBack,
        pageId: () => credentials.pageId,
        logger: log
      }),
    logger
  })
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
  let lastHandshakeAt: number | null = null
  let configured = config.page.configured
  const registrationListeners = new Set<() => void>()
  const requestRegistration = (): void => {
    for (const listener of registrationListeners) listener()
  }

  const pinned = pinnedSettings(env ?? {})
  const status = (): CoreStatus => ({
    page: { configured, pageId: credentials.pageId },
    webhookUrl,
    publicUrl,
    tunnel,
    registration,
    pageHealth: pageHealth.current(),
    lastHandshakeAt,
    pinned,
    notices: dataNotices(history, settings),
    ignoredGraphUrl: settings.ignoredGraphUrl,
    webhookOwner: owner.ownership.current,
    hours: doNotDisturb.hours()
  })
  // "Page connected" only on Meta's fresh word (see shared/connection).
  const pageHealth = new PageHealthMonitor({
    tokenOwner: () => graph.getTokenOwner(),
    pageId: () => credentials.pageId,
    configured: () => configured,
    onChange: () => service.publishStatus(),
    logger: logger.child('page-health')
  })

  // One owner of the app's webhook: the registrar's gate, re-checks, take-over, identity endpoint.
  const owner = createDeskOwnership({
    graph,
    dataDir,
    credentials: () => credentials,
    settings,
    pageHealth: () => pageHealth.current(),
    version: options.version ?? process.env['npm_package_version'] ?? 'unknown',
    webhookPath: config.webhook.path,
    publicUrl: () => publicUrl,
    requestRegistration,
    onChange: () => service.publishStatus(),
    // The registrar still says "registered" for a URL Meta no longer delivers to.
    onLost: () => void (registration = OWNED_ELSEWHERE),
    logger,
    recheckMs: options.webhookRecheckMs,
    ask: options.askWebhookOwner
  })
  const testLine = testCallSimulator
    ? new TestLine({ factory: testCallSimulator, registry, logger })
    : undefined
  // Calling back: its dialer gets the outbound calls' webhook events (calls/route-webhook-events).
  const callBack = new CallBack({
    graph,
    registry,
    pageId: () => credentials.pageId,
    names: { lookup: (psid) => profiles.get(psid) },
    logger
  })
  // Missed calls announced once each; the owner's reply to them, and the call button (issue 16).
  const followUp = await openFollowUp({
    ...{ dataDir, registry, settings, graph, history, logger, names: profiles },
    permission: callBack,
    pageId: () => credentials.pageId,
    onlineSeats: () => seats?.online()
  })
  const callBackTasks = await openCallBackTasks(dataDir, { registry, callBack, followUp }, logger)
  const onboarding = createOnboarding({
    graph,
    status: () => status(),
    lastVerification: () => lastVerification,
    credentials: () => credentials,
    applyCredentials: (next) => updateCredentials(next),
    requestRegistration,
    secrets,
    settings,
    logger
  })

  // The seats open below, as clients of the service; their desks list is served from then on.
  const desks = new HubDesks({
    publicUrl: () => publicUrl,
    history,
    forget: async (name) => {
      const silent = settings.get().seats.silent
      const kept = silent.filter((desk) => desk.toLowerCase() !== name.toLowerCase())
      if (kept.length !== silent.length) await settings.update({ seats: { silent: kept } })
      await deskSeen.forget(seatDeskKey(name))
    }
  })

  const service = new SoftphoneService({
    registry,
    // A call's own `test` flag is the one word on whether it is the test line's.
    callControl: (call) => (call.test && testLine ? testLine.control : metaCalls),
    history: historyServicePort(history, deskSeen, (record) => {
      intake.historyWritten(record.callId)
      if (record.answeredByDesk !== undefined) desks.refresh()
    }),
    profiles: {
      lookup: async (psid) => (await testLine?.profiles.lookup(psid)) ?? profiles.get(psid)
    },
    metrics: metaMetricsPort(graph, () => credentials.pageId),
    status,
    settings,
    testCall: testLine,
    callBack,
    onboarding,
    secrets,
    webhookOwner: owner.ownership,
    desks,
    joinHub: options.joinHub,
    followUp,
    callBackTasks: callBackTasks.tasks,
    logger
  })
  followUp.start()

  // Settings that apply without a restart; the tunnel follows `live` too (settings-effects/live-tunnel).
  const live = followLiveConfig(settings, env ?? {}, log)
  live.onChange((next, previous) => {
    if (next.ringTimeoutMs !== previous.ringTimeoutMs) registry.setRingTimeout(next.ringTimeoutMs)
  })
  const doNotDisturb = startDoNotDisturb({
    registry,
    settings,
    // Test calls are never silenced, so a silenced call is always Meta's.
    reject: (callId) => metaCalls.reject(callId),
    onHoursChange: () => service.publishStatus(),
    logger
  })

  const webhook = createWebhookServer({
    appSecret: credentials.appSecret ?? '',
    verifyToken: credentials.verifyToken ?? '',
    path: config.webhook.path,
    logger: logger.child('webhook'),
    listenerTimeouts,
    onVerification: (info) => {
      lastVerification = info
      if (info.ok) {
        lastHandshakeAt = info.at
        service.publishStatus()
      }
    },
    journal: intake.journal,
    onEvents: intake.onEvents,
    identity: { path: IDENTITY_PATH, handler: owner.identityEndpoint }
  })

  // Seats connect beside the webhook; an unreadable list of desks leaves them out, not the hub.
  const seats: HubSeats | undefined = await openHubSeats({
    dataDir,
    webhook,
    service,
    logger,
    settings
  }).catch((error: unknown) => void log.error('the seat link is off', { error: String(error) }))
  if (seats) desks.follow(seats)

  function updateCredentials(next: Credentials): void {
    Object.assign(credentials, next)
    registerSecret(next.pageAccessToken)
    registerSecret(next.appSecret)
    configured = Boolean(next.pageId && next.pageAccessToken && next.appSecret)
    // Deliveries signed with the old secret are refused from the next request on.
    webhook.update({ appSecret: next.appSecret ?? '', verifyToken: next.verifyToken ?? '' })
    // Names and photos of another Page's callers (or read with a revoked token) must not linger.
    profiles.clear()
    log.info('credentials applied', { pageId: next.pageId, configured })
    service.publishStatus()
    void pageHealth.reset()
    requestRegistration()
  }

  return {
    service,
    registry,
    graph,
    followUp,
    history,
    webhook,
    seats,
    live,
    get lastVerification() {
      return lastVerification
    },
    onboarding,
    credentials: () => credentials,
    updateCredentials,
    onRegistrationNeeded(listener) {
      registrationListeners.add(listener)
      return () => registrationListeners.delete(listener)
    },
    async start() {
      await intake.recover()
      const bound = await listenNamingPort(config.webhook.port, 'WEBHOOK_PORT', () =>
        webhook.listen(config.webhook.port)
      )
      webhookUrl = bound.url
      log.info('webhook listener ready', { url: bound.url })
      service.publishStatus()
      void pageHealth.start()
      return { webhookUrl: bound.url }
    },
    async checkPage() {
      await pageHealth.checkNow()
    },
    checkWebhookOwner: () => owner.ownership.check(),
    webhookGate: owner.ownership,
    status,
    setPublicUrl(url) {
      publicUrl = url
      seats?.setPublicUrl(url)
      if (url === null) owner.ownership.noPublicUrl()
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
      pageHealth.dispose()
      owner.ownership.dispose()
      // Upgraded sockets are no longer the HTTP server's: closing it would not end them.
      await seats?.close()
      await webhook.close()
      await testLine?.close()
      // Deliveries already acknowledged are applied first, so the sweep below ends (with Meta,
      // and in history) every call they started.
      await webhook.drained()
      await endCallsOnStop(registry, metaCalls.terminate, log)
      live.dispose()
      doNotDisturb.dispose()
      followUp.dispose()
      service.dispose()
      callBack.dispose()
      await callBackTasks.close()
      registry.dispose()
      await history.close()
      await intake.close()
    }
  }
}
