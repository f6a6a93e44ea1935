/**
 * The composition root's seam for the tunnel (src/main/core/tunnel): whatever gives the webhook
 * listener its public URL, seen as start / stop / refresh and a status stream. The shell only needs
 * this much: the tray shows the status, and waking from sleep calls `refresh()`.
 */
import { TUNNEL_OFF, type TunnelStatus } from '../shared/tunnel'
import type { RuntimeConfig } from './core/config'

export interface TunnelHook {
  start(): void | Promise<void>
  /** After a sleep the tunnel's sockets may look open yet be dead: reopen it and re-register. */
  refresh(): void | Promise<void>
  stop(): void | Promise<void>
  status(): TunnelStatus
  /** Called with every status change; returns the unsubscribe. */
  onStatus(listener: (status: TunnelStatus) => void): () => void
}

/**
 * Without a tunnel service: an own URL is simply up, no tunnel is off, and a localtunnel setting
 * says plainly that this build cannot open one.
 */
export function staticTunnel(
  config: RuntimeConfig['tunnel'],
  setPublicUrl: (url: string | null) => void
): TunnelHook {
  const status: TunnelStatus =
    config.mode === 'own-url' && config.publicUrl
      ? { state: 'up', url: config.publicUrl }
      : config.mode === 'localtunnel'
        ? { state: 'error', message: 'This build cannot open a tunnel; set your own public URL' }
        : TUNNEL_OFF
  return {
    start: () => setPublicUrl(status.state === 'up' ? status.url : null),
    refresh: () => undefined,
    stop: () => setPublicUrl(null),
    status: () => status,
    onStatus: () => () => undefined
  }
}
