/**
 * Waking from sleep: the tunnel's sockets died with the network, and whatever Meta said about the
 * Page (and about who receives its webhook) before the sleep is old news. All are asked again at
 * once, so the status is true again within seconds instead of at the next timer.
 */
import type { Logger } from '../core/log'

export interface WakeUpTargets {
  /** Undefined when no tunnel opened (the webhook listener could not start). */
  tunnel: { refresh(): void } | undefined
  core: { checkPage(): Promise<void>; checkWebhookOwner(): Promise<void> }
}

export function refreshOnWakeUp(
  powerMonitor: { on(event: 'resume', listener: () => void): unknown },
  { tunnel, core }: WakeUpTargets,
  log: Logger
): void {
  powerMonitor.on('resume', () => {
    log.info('resumed from sleep: refreshing the tunnel, checking the Page and the webhook owner')
    tunnel?.refresh()
    core.checkPage().catch((error: unknown) => log.warn('page check failed', { error }))
    core
      .checkWebhookOwner()
      .catch((error: unknown) => log.warn('webhook owner check failed', { error }))
  })
}
