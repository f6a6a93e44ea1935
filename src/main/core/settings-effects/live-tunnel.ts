/**
 * The tunnel as every composition root runs it (through core/start-core: the desktop app and
 * `npm run serve`): core/tunnel's startTunnel, reopened with the new settings whenever the tunnel
 * settings change, so a new mode, host, subdomain or own URL applies without a restart.
 *
 * A localtunnel with no subdomain set asks for the hub's own stable one (seat-link/hub-seats.ts),
 * the same on every start, so seats find the hub again at the address they know.
 *
 * Make before break: when the settings move a working tunnel, the old one stays open (mute: the
 * core and Meta hear only the new one) until the new one has its address and the seats connected
 * through the old one were told it (seat-endpoint.ts), then closes; the seats reconnect there.
 */
import { REGISTRATION_IDLE, type TunnelStatus } from '../../../shared/tunnel'
import type { RuntimeConfig } from '../config'
import type { Logger } from '../log'
import type { HubSeats } from '../seat-link/hub-seats'
import { startTunnel, type TunnelHost, type TunnelRuntime } from '../tunnel'
import { tunnelChanged, type LiveConfigSource } from './live-config'

/** After the new tunnel is up: time for the seats' "new address" to leave through the old one. */
export const HANDOVER_GRACE_MS = 1_000
/** The longest an old tunnel is kept waiting for a new one that neither comes up nor fails. */
export const HANDOVER_MAX_MS = 60_000

export interface LiveTunnelHost extends TunnelHost {
  /** The settings-driven part of the configuration (the core's `live`). */
  readonly live: Pick<LiveConfigSource, 'current' | 'onChange'>
  /** The hub's seats, whose stable subdomain a localtunnel asks for when none is set. */
  readonly seats?: Pick<HubSeats, 'tunnelSubdomain'> | undefined
}

export interface LiveTunnel {
  /** Opens the tunnel (or takes the own URL) once the webhook listener is up. */
  start(): void
  /** After a sleep the tunnel's sockets may look open yet be dead: reopen it and re-register. */
  refresh(): void
  stop(): void
}

export type StartTunnel = (core: TunnelHost, config: RuntimeConfig, logger: Logger) => TunnelRuntime

/** The tunnel settings with the hub's stable subdomain, for a localtunnel that names none. */
export function withStableSubdomain(
  tunnel: RuntimeConfig['tunnel'],
  stable: string | undefined
): RuntimeConfig['tunnel'] {
  if (tunnel.mode !== 'localtunnel' || tunnel.subdomain || !stable) return tunnel
  return { ...tunnel, subdomain: stable }
}

export function liveTunnel(
  core: LiveTunnelHost,
  config: RuntimeConfig,
  logger: Logger,
  open: StartTunnel = startTunnel
): LiveTunnel {
  const log = logger.child('tunnel')
  let runtime: TunnelRuntime | undefined
  let unsubscribe: (() => void) | undefined
  /** Old tunnels kept open while a new one comes up, each with what ends it now. */
  const retiring = new Set<() => void>()

  // The credentials and webhook path stay those the core started with; only the tunnel follows.
  const openNow = (): TunnelRuntime =>
    open(
      core,
      {
        ...config,
        tunnel: withStableSubdomain(core.live.current().tunnel, core.seats?.tunnelSubdomain)
      },
      logger
    )

  /** Keeps `old` open (muted) until `next` is up, and a moment more, or gave up. */
  const handOver = (old: TunnelRuntime, next: TunnelRuntime): void => {
    let grace: NodeJS.Timeout | undefined
    const end = (): void => {
      retiring.delete(end)
      off()
      clearTimeout(grace)
      clearTimeout(longest)
      old.stop()
      // The core heard nothing from the muted tunnel: a new one without an address says so here.
      if (runtime === next && !next.service.publicUrl) core.setPublicUrl(null)
    }
    const settle = (status: TunnelStatus): void => {
      if (status.state === 'connecting' || status.state === 'reconnecting' || grace) return
      // Timer "tunnel handover grace" (once per tunnel change).
      grace = setTimeout(end, HANDOVER_GRACE_MS)
      grace.unref()
    }
    const off = next.service.on('status', settle)
    // Timer "tunnel handover limit" (once per tunnel change).
    const longest = setTimeout(end, HANDOVER_MAX_MS)
    longest.unref()
    retiring.add(end)
    // An own URL is up as soon as it starts, before anyone could listen.
    settle(next.service.status)
  }

  return {
    start() {
      if (runtime) return
      runtime = openNow()
      unsubscribe = core.live.onChange((next, previous) => {
        if (!runtime || !tunnelChanged(next, previous)) return
        log.info('the tunnel settings changed: reopening the tunnel', { mode: next.tunnel.mode })
        const old = runtime
        // Kept only when it works and a new address will come; muted before the new one speaks,
        // so the core hears only the tunnel that is current.
        const keep = old.service.publicUrl !== null && next.tunnel.mode !== 'none'
        if (keep) old.mute()
        else old.stop()
        // A registration still in flight for the old address would otherwise keep showing.
        core.setRegistrationStatus(REGISTRATION_IDLE)
        runtime = openNow()
        if (keep) handOver(old, runtime)
      })
    },
    refresh() {
      runtime?.refresh()
    },
    stop() {
      unsubscribe?.()
      unsubscribe = undefined
      for (const end of [...retiring]) end()
      runtime?.stop()
      runtime = undefined
    }
  }
}
