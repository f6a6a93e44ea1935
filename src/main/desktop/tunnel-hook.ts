/**
 * The composition root's seam for the tunnel (src/main/core/tunnel): whatever gives the webhook
 * listener its public URL and registers it with Meta, seen as start / refresh / stop. Its status
 * reaches every UI (and the tray) through the core's status events, which startTunnel feeds.
 */
import type { RuntimeConfig } from '../core/config'
import type { Logger } from '../core/log'
import { liveTunnel, type LiveTunnel } from '../core/settings-effects/live-tunnel'
import type { SoftphoneCore } from '../core/softphone-core'

export type TunnelHook = LiveTunnel

export type TunnelFactory = (
  core: SoftphoneCore,
  config: RuntimeConfig,
  logger: Logger
) => TunnelHook

/** The same live tunnel `npm run serve` runs: reopened when the tunnel settings change. */
export const coreTunnel: TunnelFactory = (core, config, logger) => liveTunnel(core, config, logger)
