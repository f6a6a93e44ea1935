/**
 * The composition root's seam for the tunnel (src/main/core/tunnel): whatever gives the webhook
 * listener its public URL and registers it with Meta, seen as start / refresh / stop. Its status
 * reaches every UI (and the tray) through the core's status events, which startTunnel feeds.
 */
import type { RuntimeConfig } from './core/config'
import type { Logger } from './core/log'
import type { SoftphoneCore } from './core/softphone-core'
import { startTunnel, type TunnelRuntime } from './core/tunnel'

export interface TunnelHook {
  /** Opens the tunnel (or takes the own URL) once the webhook listener is up. */
  start(): void
  /** After a sleep the tunnel's sockets may look open yet be dead: reopen it and re-register. */
  refresh(): void
  stop(): void
}

export type TunnelFactory = (
  core: SoftphoneCore,
  config: RuntimeConfig,
  logger: Logger
) => TunnelHook

export const coreTunnel: TunnelFactory = (core, config, logger) => {
  let runtime: TunnelRuntime | undefined
  return {
    start() {
      runtime ??= startTunnel(core, config, logger)
    },
    refresh() {
      runtime?.refresh()
    },
    stop() {
      runtime?.stop()
      runtime = undefined
    }
  }
}
