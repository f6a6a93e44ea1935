/**
 * One owner of the app's webhook (issue 10), assembled for the core: the ownership (the registrar's
 * gate, the re-checks, the take-over) and the identity endpoint every desk serves beside its webhook.
 */
import { hostname } from 'node:os'
import type { PageHealth } from '../../../shared/page-health'
import type { Settings } from '../../../shared/settings'
import type { DeskIdentity } from '../../../shared/webhook-owner'
import type { Logger } from '../log'
import { joinUrlPath } from '../tunnel/connection'
import type { AskOwner } from './ask-owner'
import { identityEndpoint } from './identity-endpoint'
import { lastRegisteredFile } from './last-registered'
import { WebhookOwnership, type WebhookOwnershipOptions } from './ownership'

export { IDENTITY_PATH } from './identity'
export { WEBHOOK_RECHECK_MS, WebhookOwnership } from './ownership'

export interface DeskOwnershipOptions {
  graph: WebhookOwnershipOptions['graph']
  dataDir: string
  credentials: () => {
    pageId?: string | undefined
    appId?: string | undefined
    appSecret?: string | undefined
  }
  settings: { get(): Settings }
  pageHealth: () => PageHealth
  /** The app's version, told to other desks of the same app. */
  version: string
  webhookPath: string
  publicUrl: () => string | null
  requestRegistration: () => void
  onChange: () => void
  onLost: () => void
  logger: Logger
  recheckMs?: number | undefined
  ask?: AskOwner | undefined
}

/** The desk's name in Settings, else the computer's. */
export function deskName(settings: Settings): string {
  return settings.desk.name.trim() || hostname()
}

export function createDeskOwnership(options: DeskOwnershipOptions): {
  ownership: WebhookOwnership
  identityEndpoint: ReturnType<typeof identityEndpoint>
} {
  const appSecret = (): string => options.credentials().appSecret ?? ''
  const pageId = (): string | undefined => options.credentials().pageId || undefined
  const identity = (): DeskIdentity => {
    const page = pageId()
    return {
      deskName: deskName(options.settings.get()),
      pageIds: page ? [page] : [],
      version: options.version
    }
  }
  const ownership = new WebhookOwnership({
    graph: options.graph,
    lastRegistered: lastRegisteredFile(options.dataDir, () => options.credentials().appId),
    appSecret,
    pageId,
    pageName: () => {
      const health = options.pageHealth()
      return (health.state === 'ok' && health.pageName) || `Page ${pageId() ?? ''}`.trim()
    },
    callbackUrl: () => {
      const base = options.publicUrl()
      return base === null ? null : joinUrlPath(base, options.webhookPath)
    },
    requestRegistration: options.requestRegistration,
    onChange: options.onChange,
    onLost: options.onLost,
    ask: options.ask,
    recheckMs: options.recheckMs,
    logger: options.logger
  })
  return { ownership, identityEndpoint: identityEndpoint({ appSecret, identity }) }
}
