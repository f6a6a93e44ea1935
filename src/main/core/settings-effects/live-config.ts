/**
 * The part of the configuration that follows the settings while the app runs (the ring timeout and
 * the tunnel), resolved exactly as at start: an environment variable keeps winning over a setting,
 * so a run started with SOFTPHONE_RING_TIMEOUT_S or TUNNEL keeps them whatever the UI saves.
 */
import { resolveConfig, type Env, type RuntimeConfig, type Settings } from '../config'
import type { Logger } from '../log'
import type { SettingsPort } from '../service/ports'

export type LiveConfig = Pick<RuntimeConfig, 'ringTimeoutMs' | 'tunnel'>

export function liveConfig(settings: Settings, env: Env = {}): LiveConfig {
  // Secrets play no part in these fields; the environment was checked once at start.
  const { ringTimeoutMs, tunnel } = resolveConfig({ settings, secrets: {}, env })
  return { ringTimeoutMs, tunnel }
}

export type LiveConfigListener = (next: LiveConfig, previous: LiveConfig) => void

export interface LiveConfigSource {
  current(): LiveConfig
  /** Called when a saved settings change altered the live configuration. Returns an unsubscribe. */
  onChange(listener: LiveConfigListener): () => void
  dispose(): void
}

export function followLiveConfig(
  settings: Pick<SettingsPort, 'get' | 'onChange'>,
  env: Env,
  logger: Logger
): LiveConfigSource {
  let current = liveConfig(settings.get(), env)
  const listeners = new Set<LiveConfigListener>()
  const unsubscribe = settings.onChange((next) => {
    const previous = current
    current = liveConfig(next, env)
    if (JSON.stringify(current) === JSON.stringify(previous)) return
    for (const listener of listeners) {
      try {
        listener(current, previous)
      } catch (error) {
        // One effect failing (a tunnel that cannot restart) must not keep the others from applying.
        logger.error('a setting could not be applied', { error: String(error) })
      }
    }
  })
  return {
    current: () => current,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      unsubscribe()
      listeners.clear()
    }
  }
}

/** Whether the tunnel must be reopened: any field of it changed. */
export function tunnelChanged(next: LiveConfig, previous: LiveConfig): boolean {
  return JSON.stringify(next.tunnel) !== JSON.stringify(previous.tunnel)
}
