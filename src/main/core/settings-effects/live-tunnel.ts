/**
 * The tunnel as every composition root runs it (through core/start-core: the desktop app and
 * `npm run serve`): core/tunnel's startTunnel, reopened with the new settings whenever the tunnel
 * settings change, so a new mode, host, subdomain or own URL applies without a restart.
 */
import { REGISTRATION_IDLE } from '../../../shared/tunnel'
import type { RuntimeConfig } from '../config'
import type { Logger } from '../log'
import { startTunnel, type TunnelHost, type TunnelRuntime } from '../tunnel'
import { tunnelChanged, type LiveConfigSource } from './live-config'

export interface LiveTunnelHost extends TunnelHost {
  /** The settings-driven part of the configuration (the core's `live`). */
  readonly live: Pick<LiveConfigSource, 'current' | 'onChange'>
}

export interface LiveTunnel {
  /** Opens the tunnel (or takes the own URL) once the webhook listener is up. */
  start(): void
  /** After a sleep the tunnel's sockets may look open yet be dead: reopen it and re-register. */
  refresh(): void
  stop(): void
}

export type StartTunnel = (core: TunnelHost, config: RuntimeConfig, logger: Logger) => TunnelRuntime

export function liveTunnel(
  core: LiveTunnelHost,
  config: RuntimeConfig,
  logger: Logger,
  open: StartTunnel = startTunnel
): LiveTunnel {
  const log = logger.child('tunnel')
  let runtime: TunnelRuntime | undefined
  let unsubscribe: (() => void) | undefined

  // The credentials and webhook path stay those the core started with; only the tunnel follows.
  const openNow = (): TunnelRuntime =>
    open(core, { ...config, tunnel: core.live.current().tunnel }, logger)

  return {
    start() {
      if (runtime) return
      runtime = openNow()
      unsubscribe = core.live.onChange((next, previous) => {
        if (!runtime || !tunnelChanged(next, previous)) return
        log.info('the tunnel settings changed: reopening the tunnel', { mode: next.tunnel.mode })
        runtime.stop()
        runtime = undefined
        // A registration still in flight for the old address would otherwise keep showing.
        core.setRegistrationStatus(REGISTRATION_IDLE)
        runtime = openNow()
      })
    },
    refresh() {
      runtime?.refresh()
    },
    stop() {
      unsubscribe?.()
      unsubscribe = undefined
      runtime?.stop()
      runtime = undefined
    }
  }
}
