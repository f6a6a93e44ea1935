/**
 * Configuration for a run without Electron (`npm run serve`, tests): data folder, settings.json,
 * secrets.json and the environment, checked once at start.
 */
import { createLogger, registerSecret, stderrSink, type Logger } from '../log'
import { resolveDataDir } from './data-dir'
import { readEnv, unknownEnvVariables, type Env } from './env'
import { resolveConfig, type Credentials, type RuntimeConfig } from './resolve'
import { ensurePrivateDir, isAppDataFile, tightenPrivateFolders } from './private-files'
import { FileSecretStore, ensureVerifyToken, type SecretStore } from './secrets'
import { SettingsStore } from './settings-store'

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

/** Masks every secret in logs from now on; call it wherever credentials are resolved. */
export function registerCredentialSecrets(credentials: Credentials): void {
  registerSecret(credentials.pageAccessToken)
  registerSecret(credentials.appSecret)
  registerSecret(credentials.verifyToken)
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
  const overrides = readEnv(env)
  for (const name of unknownEnvVariables(env)) {
    logger.warn('Ignoring an environment variable this app does not read (a typo?)', { name })
  }
  const dataDir = resolveDataDir(overrides.dataDir, env)
  // 0700: the folder holds the secrets file and the call history.
  await ensurePrivateDir(dataDir)
  // secrets.json is left as found: one others could read is refused below, not quietly fixed.
  await tightenPrivateFolders([{ dir: dataDir, files: isAppDataFile }], logger)
  const secretStore = new FileSecretStore(dataDir)
  const settings = await SettingsStore.open(dataDir, logger, { secrets: secretStore })
  let secrets = await secretStore.get()
  if (!overrides.verifyToken && !secrets.verifyToken) {
    await ensureVerifyToken(secretStore)
    secrets = await secretStore.get()
    logger.info('Generated a webhook verify token and saved it with the secrets', {
      file: secretStore.file
    })
  }
  const config = resolveConfig({ settings: settings.get(), secrets, env })
  registerCredentialSecrets(config.credentials)
  return { ...config, dataDir, settingsStore: settings, secretStore }
}
