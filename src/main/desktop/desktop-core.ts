/**
 * The desktop's core, started: the data folder made private, the secret store (safeStorage), the
 * settings, the configuration they and the environment give, then the core itself. Its webhook
 * port being taken does not stop the app: the window still opens, and a dialog names the variable.
 */
import { join } from 'node:path'
import { APP_NAME } from './app-identity'
import {
  PortInUseError,
  SettingsStore,
  ensureVerifyToken,
  isAppDataFile,
  readEnv,
  registerCredentialSecrets,
  resolveConfig,
  tightenPrivateFolders,
  type Env,
  type RuntimeConfig
} from '../core/config'
import type { Logger } from '../core/log'
import { createSoftphoneCore, type SoftphoneCore } from '../core/softphone-core'
import type { TestCallSimulatorFactory } from '../core/test-line'
import {
  SAFE_SECRETS_FILE,
  SafeStorageSecretStore,
  SecretsNotSavedError
} from './secrets/safe-storage-store'
import type { ShellElectron } from './shell-electron'

export interface DesktopCoreOptions {
  electron: Pick<ShellElectron<unknown, unknown>, 'app' | 'safeStorage' | 'dialog'>
  platform: NodeJS.Platform
  env: Env
  /** Where the logs go, tightened with the data folder; undefined: nothing to tighten. */
  logDir: string | undefined
  testCallSimulator?: TestCallSimulatorFactory | undefined
  logger: Logger
}

export interface DesktopCore {
  core: SoftphoneCore
  config: RuntimeConfig
  settings: SettingsStore
  secrets: SafeStorageSecretStore
}

export async function startDesktopCore(options: DesktopCoreOptions): Promise<DesktopCore> {
  const { electron, logger } = options
  const { app } = electron
  const log = logger.child('shell')
  const dataDir = app.getPath('userData')
  // An older version wrote settings 0644; Chromium's own files in userData keep their modes.
  await tightenPrivateFolders(
    [{ dir: dataDir, files: isAppDataFile }, ...(options.logDir ? [{ dir: options.logDir }] : [])],
    logger.child('files')
  )
  const secrets = new SafeStorageSecretStore({
    safeStorage: electron.safeStorage,
    file: join(dataDir, SAFE_SECRETS_FILE),
    platform: options.platform,
    logger
  })
  const settings = await SettingsStore.open(dataDir, logger.child('settings'), { secrets })
  if (!readEnv(options.env).verifyToken) {
    await ensureVerifyToken(secrets).catch((error: unknown) => {
      // Without secure storage the token lives for this session; onboarding re-registers it.
      if (!(error instanceof SecretsNotSavedError)) throw error
      log.warn('the webhook verify token is kept for this session only')
    })
  }
  const config = resolveConfig({
    settings: settings.get(),
    secrets: await secrets.get(),
    env: options.env
  })
  registerCredentialSecrets(config.credentials)

  const core = await createSoftphoneCore({
    config,
    dataDir,
    settings,
    env: options.env,
    testCallSimulator: options.testCallSimulator,
    secrets,
    version: app.getVersion(),
    logger
  })
  try {
    await core.start()
  } catch (error) {
    // Another program on the webhook port: the window still opens and the tray says what is wrong.
    log.error('the webhook listener did not start', { error })
    // Usually a second copy (npm run serve beside the app): the sentence names the variable to move.
    if (error instanceof PortInUseError) {
      electron.dialog.showErrorBox(`${APP_NAME} cannot receive calls`, error.message)
    }
  }
  return { core, config, settings, secrets }
}
