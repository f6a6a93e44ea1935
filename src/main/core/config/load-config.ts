/**
 * The configuration every composition root starts from: the data folder made private, the secret
 * store (secrets.json by default; the desktop brings its safeStorage one), the settings, a verify
 * token generated once, and the environment on top. Throws a ConfigError naming the variable or
 * file for a bad environment variable or an unsafe secrets file, before touching the disk.
 */
import { registerSecret, type Logger } from '../log'
import { resolveDataDir } from './data-dir'
import { readEnv, unknownEnvVariables, type Env } from './env'
import { resolveConfig, type Credentials, type RuntimeConfig } from './resolve'
import {
  ensurePrivateDir,
  isAppDataFile,
  tightenPrivateFolders,
  type PrivateFolder
} from './private-files'
import { FileSecretStore, ensureVerifyToken, type SecretStore } from './secrets'
import { SettingsStore } from './settings-store'

export interface LoadConfigOptions {
  env: Env
  /** Default: SOFTPHONE_DATA_DIR, else the platform's folder; created 0700 if missing. */
  dataDir?: string | undefined
  /** Where the Page token and app secret are kept; default: secrets.json in the data folder. */
  secrets?: SecretStore | undefined
  /** Folders made private beside the data folder (the desktop's logs), every file in them. */
  privateFolders?: readonly PrivateFolder[] | undefined
  /**
   * Whether a verify token that could not be saved may live for this session only (the desktop
   * without secure storage: onboarding registers it again). Default: no, the error is thrown.
   */
  unsavedVerifyTokenOk?: ((error: unknown) => boolean) | undefined
  logger: Logger
}

export interface LoadedConfig {
  config: RuntimeConfig
  /** Absolute path of the data folder. */
  dataDir: string
  /** The open settings store, for the service API to read and change settings. */
  settings: SettingsStore
  /** Where onboarding saves the Page token and app secret. */
  secrets: SecretStore
}

/** Masks every secret in logs from now on; call it wherever credentials are resolved. */
export function registerCredentialSecrets(credentials: Credentials): void {
  registerSecret(credentials.pageAccessToken)
  registerSecret(credentials.appSecret)
  registerSecret(credentials.verifyToken)
}

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const { env, logger } = options
  const overrides = readEnv(env)
  for (const name of unknownEnvVariables(env)) {
    logger.warn('Ignoring an environment variable this app does not read (a typo?)', { name })
  }
  const dataDir = options.dataDir ?? resolveDataDir(overrides.dataDir, env)
  // 0700: the folder holds the secrets and the call history.
  await ensurePrivateDir(dataDir)
  // A secrets file is left as found: one others could read is refused below, not quietly fixed.
  await tightenPrivateFolders(
    [{ dir: dataDir, files: isAppDataFile }, ...(options.privateFolders ?? [])],
    logger
  )
  const secrets = options.secrets ?? new FileSecretStore(dataDir)
  const settings = await SettingsStore.open(dataDir, logger, { secrets })
  if (!overrides.verifyToken && !(await secrets.get()).verifyToken) {
    try {
      await ensureVerifyToken(secrets)
      logger.info(
        'Generated a webhook verify token and saved it with the secrets',
        secrets instanceof FileSecretStore ? { file: secrets.file } : {}
      )
    } catch (error) {
      if (!options.unsavedVerifyTokenOk?.(error)) throw error
      logger.warn('the webhook verify token is kept for this session only')
    }
  }
  const config = resolveConfig({ settings: settings.get(), secrets: await secrets.get(), env })
  registerCredentialSecrets(config.credentials)
  return { config, dataDir, settings, secrets }
}
