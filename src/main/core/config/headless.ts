/**
 * Configuration for a run without Electron (`npm run serve`, tests): data folder, settings.json,
 * secrets.json and the environment, checked once at start (see load-config.ts).
 */
import { createLogger, stderrSink, type Logger } from '../log'
import type { Env } from './env'
import { loadConfig } from './load-config'
import type { RuntimeConfig } from './resolve'
import type { SecretStore } from './secrets'
import type { SettingsStore } from './settings-store'

export interface HeadlessConfig extends RuntimeConfig {
  /** Absolute path of the data folder (created 0700 if it did not exist). */
  dataDir: string
  /** The open settings store, for the service API to read and change settings. */
  settingsStore: SettingsStore
  /** secrets.json, where onboarding saves the Page token and app secret. */
  secretStore: SecretStore
}

export interface HeadlessOptions {
  logger?: Logger
}

/**
 * Reads everything a headless run needs and returns the effective config. Throws a ConfigError
 * (message names the variable or file) on a bad environment variable or an unsafe secrets file.
 * Generates and saves a verify token the first time, unless FB_VERIFY_TOKEN gives one.
 */
export async function loadHeadlessConfig(
  env: Env = process.env,
  options: HeadlessOptions = {}
): Promise<HeadlessConfig> {
  const logger = options.logger ?? createLogger(stderrSink, 'config')
  const { config, dataDir, settings, secrets } = await loadConfig({ env, logger })
  return { ...config, dataDir, settingsStore: settings, secretStore: secrets }
}
