/**
 * Onboarding as the service API offers it: read the connection (ids, no secrets), save or remove
 * the Page and app, run the setup checks, and apply the fixes they offer. The composition root
 * (softphone-core) hands in the live pieces; everything here talks to them through narrow ports.
 */
import type { CoreStatus } from '../../../shared/api'
import type {
  CredentialsRequest,
  PageConnection,
  SaveCredentialsResult,
  SetupFixAction,
  SetupReport
} from '../../../shared/onboarding'
import type { Credentials, SecretStore } from '../config'
import type { CallSettingsAccess } from '../graph/call-hours-api'
import { toServiceError, type GraphSetupApi } from '../graph'
import type { Logger } from '../log'
import type { SettingsPort } from '../service/ports'
import { WEBHOOK_FIELDS } from '../tunnel/registrar'
import type { VerificationInfo } from '../webhook/server'
import { pageConnection, removePage, saveCredentials } from './credentials'
import { gatherGraphFacts, graphChecks, type SetupGraph } from './graph-checks'
import { linkChecks } from './link-checks'

/** What the service's onboarding commands call. */
export interface OnboardingPort {
  connection(): PageConnection
  save(request: CredentialsRequest): Promise<SaveCredentialsResult>
  removePage(): Promise<PageConnection>
  runChecks(): Promise<SetupReport>
  fix(action: SetupFixAction): Promise<SetupReport>
  /** The Page's call settings at Meta (business hours are published there). */
  callSettings(): CallSettingsAccess
}

export type OnboardingGraph = SetupGraph &
  Pick<GraphSetupApi, 'subscribePageToApp' | 'updateCallSettings'>

export interface OnboardingDeps {
  graph: OnboardingGraph
  status: () => CoreStatus
  lastVerification: () => VerificationInfo | undefined
  /** The credentials the core runs with now. */
  credentials: () => Readonly<Credentials>
  /** SoftphoneCore.updateCredentials: the core uses `next` from now on, without a restart. */
  applyCredentials: (next: Credentials) => void
  /** Registers the webhook again (the tunnel runtime listens); a no-op without a public URL. */
  requestRegistration: () => void
  secrets: SecretStore | undefined
  settings: Pick<SettingsPort, 'update'>
  logger: Logger
  now?: (() => number) | undefined
  /**
   * A registration in flight (just after saving, or a fix) settles within this; the checks wait
   * for it rather than report "still registering". Default 12 s (the registrar's self-check is 10).
   */
  settleTimeoutMs?: number | undefined
}

export const DEFAULT_SETTLE_TIMEOUT_MS = 12_000
const SETTLE_POLL_MS = 100

function unsettled(status: CoreStatus): boolean {
  return status.tunnel.state === 'connecting' || status.registration.state === 'registering'
}

export function createOnboarding(deps: OnboardingDeps): OnboardingPort {
  const log = deps.logger.child('onboarding')
  const now = deps.now ?? Date.now
  const credentialsDeps = {
    current: deps.credentials,
    apply: deps.applyCredentials,
    secrets: deps.secrets,
    settings: deps.settings,
    logger: log
  }

  async function settled(): Promise<void> {
    const deadline = Date.now() + (deps.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS)
    while (unsettled(deps.status()) && Date.now() < deadline) {
      // Timer "settle poll" (while the setup wizard waits for the page to settle).
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS))
    }
  }

  async function runChecks(): Promise<SetupReport> {
    const creds = deps.credentials()
    const [facts] = await Promise.all([gatherGraphFacts(deps.graph), settled()])
    const { checks, appBlocked } = graphChecks(facts, creds, now())
    checks.push(
      ...linkChecks(deps.status(), deps.lastVerification(), facts.appSubscriptions, appBlocked)
    )
    const report = {
      checks,
      checkedAt: now(),
      ready: checks.every((item) => item.state !== 'failed')
    }
    log.info('setup checked', {
      ready: report.ready,
      failed: checks.filter((item) => item.state === 'failed').map((item) => item.id)
    })
    return report
  }

  async function subscribePage(): Promise<void> {
    const appId = deps.credentials().appId
    const apps = await deps.graph.getPageSubscribedApps()
    const own = apps.data.find((app) => app.id === appId)?.subscribed_fields ?? []
    // Meta replaces the Page's list with the one posted: keep what the owner had subscribed.
    await deps.graph.subscribePageToApp([...new Set([...WEBHOOK_FIELDS, ...own])])
  }

  async function applyFix(action: SetupFixAction): Promise<void> {
    switch (action) {
      case 'subscribe-page':
        return subscribePage()
      case 'set-ring-target':
        return deps.graph.updateCallSettings({ call_routing: { ring_target: 'PARTNERS' } })
      case 'enable-audio':
        return deps.graph.updateCallSettings({ audio_enabled: true })
      case 'register-webhook':
        deps.requestRegistration()
        return
    }
  }

  return {
    connection: () => pageConnection(deps.credentials()),
    save: (request) => saveCredentials(credentialsDeps, request),
    removePage: () => removePage(credentialsDeps),
    runChecks,
    callSettings: () => deps.graph,
    async fix(action) {
      try {
        await applyFix(action)
      } catch (error) {
        const failure = toServiceError(error)
        log.warn('a setup fix failed', { action, error: failure.message })
        throw failure
      }
      log.info('setup fix applied', { action })
      return runChecks()
    }
  }
}
